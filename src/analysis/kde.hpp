// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "analysis/kde_lattice.hpp"
#include "analysis/kernel.hpp"

#include <cstddef>
#include <string>
#include <vector>

namespace safermap::analysis {

// A point to smooth, in the working CRS, with its weight (1 for a count, or a harm weight).
struct WeightedPoint {
    double x = 0;
    double y = 0;
    double w = 1;
};

struct KdeOptions {
    Kernel kernel = Kernel::quartic;
    double bandwidth_m = 0; // search radius (standard deviation for the Gaussian); required
    enum class Method {
        automatic, // FFT when it is cheaper than direct sums and within k_fft_tolerance of them, else direct
        direct,    // exact: each point adds K to every cell centre within its support
        fft,       // binning to a lattice (fft_lattice_for), then convolution with FFTW
    } method = Method::automatic;
    // > 0: adaptive bandwidths (CrimeStat's variable-distance KDE): each point's bandwidth is
    // the distance to its k-th nearest neighbour, never less than bandwidth_m. Direct method only.
    int adaptive_k = 0;
    // Divide each point's contribution by the share of its kernel that falls on the grid
    // (Diggle 1985), so that incidents near the edge of the grid are not under-counted.
    // Direct method only.
    bool edge_correction = false;

    // Throws ConfigError ("kde: bandwidth_m must be > 0 (got -5)") before any work, and for
    // adaptive_k or edge_correction with the FFT method.
    void validate() const;
};

// How kde() evaluates a surface.
struct KdeEvaluation {
    KdeOptions::Method method = KdeOptions::Method::direct; // direct or fft, never automatic
    FftLattice lattice;                                     // for fft
    // "direct (exact sums)", "fft (cubic binning, 2x oversampled)", or for a lattice outside the
    // tolerance "fft (linear binning; may differ from direct sums by more than 0.001)".
    std::string describe() const;
};

// The evaluation kde() uses for `points` points on `grid`: direct sums for adaptive bandwidths
// or edge correction; the method asked for; or, for automatic, the FFT on fft_lattice_for()'s
// lattice when that lattice is within k_fft_tolerance of the direct sums and the FFT is
// estimated to be cheaper, else direct sums. Expects options and grid that kde() accepts.
KdeEvaluation plan_kde(std::size_t points, const GridSpec& grid, const KdeOptions& options);

// Kernel density estimate at every cell centre of `grid`, as intensity per km²:
// f(c) = 1e6 * sum_i w_i K(|c - p_i|; h). With no mass falling outside the grid,
// sum(f) * cell_area_km2 equals sum(w). Points outside the grid still contribute to the
// cells within their support. Empty input gives an all-zero surface.
// Evaluated as plan_kde() says: the direct method is exact; the FFT method is within
// k_fft_tolerance relative L2 of it wherever fft_lattice_for() says so (tested against direct
// sums in tests/analysis/kde_accuracy_test.cpp).
// Throws ConfigError for invalid options or an empty grid, before any work.
Surface kde(const std::vector<WeightedPoint>& points, const GridSpec& grid, const KdeOptions& options);

} // namespace safermap::analysis
