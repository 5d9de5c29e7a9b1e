// SPDX-License-Identifier: MIT
#include "analysis/kde_lattice.hpp"

#include <fmt/format.h>

#include <cassert>
#include <cmath>

namespace safermap::analysis {

namespace {

constexpr int k_max_oversampling = 4;

// The largest node spacing, as a fraction of the bandwidth, that keeps cubic binning within
// k_fft_tolerance / 2 for a lone point, the worst case: a surface of many points averages the
// binning errors of its points down (on 1M police.uk incidents, a third of a lone point's).
// Measured relative L2 errors of a lone point against its direct sums, worst of 21 offsets
// within a cell, node spacing / h -> error (the same for 1, 2 and 4 nodes a cell):
//   quartic       0.04 -> 1.8e-4, 0.05 -> 3.2e-4, 0.06 -> 4.6e-4, 0.07 -> 6.9e-4, 0.10 -> 2.0e-3
//   Gaussian      0.10 -> 1.2e-4, 0.20 -> 2.2e-4, 0.30 -> 7.2e-4, 0.40 -> 2.2e-3 (h: sd)
//   triangular    0.02 -> 7.6e-4, 0.025 -> 1.0e-3, 0.03 -> 1.5e-3
//   Epanechnikov  0.02 -> 1.1e-3, 0.025 -> 1.5e-3, 0.03 -> 2.1e-3
// The smooth kernels' errors shrink about as spacing^2.5; the kinked ones (Epanechnikov's edge,
// the triangle's tip) only as spacing^1.5, so their bounds are extrapolated with that power.
double max_spacing_per_bandwidth(Kernel kernel) {
    switch (kernel) {
    case Kernel::quartic: return 0.06;
    case Kernel::gaussian: return 0.25;
    case Kernel::triangular: return 0.015;
    case Kernel::epanechnikov: return 0.012;
    case Kernel::uniform: return 0; // no binning resolves the step at h
    }
    return 0;
}

} // namespace

FftLattice fft_lattice_for(Kernel kernel, double cell_size_m, double bandwidth_m) {
    assert(cell_size_m > 0 && bandwidth_m > 0);
    const double max_spacing = max_spacing_per_bandwidth(kernel) * bandwidth_m;
    if (!(max_spacing > 0)) return {Binning::linear, 1, false};
    const double needed = std::ceil(cell_size_m / max_spacing - 1e-9);
    if (needed > k_max_oversampling) return {Binning::cubic, k_max_oversampling, false};
    return {Binning::cubic, std::max(1, static_cast<int>(needed)), true};
}

std::string describe(const FftLattice& lattice) {
    std::string s = lattice.binning == Binning::cubic ? "cubic binning" : "linear binning";
    if (lattice.oversampling > 1) s += fmt::format(", {}x oversampled", lattice.oversampling);
    return s;
}

} // namespace safermap::analysis
