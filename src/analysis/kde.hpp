// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "analysis/kernel.hpp"

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
        automatic, // FFT when it is cheaper than splatting (large inputs), else direct
        direct,    // exact: each point adds K to every cell centre within its support
        fft,       // linear binning to the grid, then convolution with FFTW
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

// Kernel density estimate at every cell centre of `grid`, as intensity per km²:
// f(c) = 1e6 * sum_i w_i K(|c - p_i|; h). With no mass falling outside the grid,
// sum(f) * cell_area_km2 equals sum(w). Points outside the grid still contribute to the
// cells within their support. Empty input gives an all-zero surface.
// The direct method is exact; the FFT method bins each point's weight to the four nearest
// cell centres (linear binning, Wand & Jones 1995, ch. 5) and differs from direct evaluation
// by a small fraction of the peak when the bandwidth spans several cells (tested).
Surface kde(const std::vector<WeightedPoint>& points, const GridSpec& grid, const KdeOptions& options);

} // namespace safermap::analysis
