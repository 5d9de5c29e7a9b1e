// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/kernel.hpp"

#include <cstddef>
#include <vector>

namespace safermap::analysis {

// Bandwidths suggested for a point set, in metres, already scaled for the chosen kernel.
struct BandwidthSuggestions {
    // Mean distance from each point to the nearest point at another position (CrimeStat's
    // nearest-neighbour spacing; snap points that coincide do not count as neighbours).
    double mean_nn_m = 0;
    // Normal reference rule (Silverman 1986, eq. 4.14 with d = 2): a Gaussian standard
    // deviation of sigma n^(-1/6), sigma = sqrt((var x + var y) / 2), converted to this
    // kernel's radius by matching the per-axis variance of the two kernels.
    double normal_reference_m = 0;
    std::size_t points = 0;
};

// Per-axis variance of a kernel with bandwidth 1: Gaussian 1, quartic 1/8, Epanechnikov 1/6,
// triangular 3/20, uniform 1/4 (worked from E[r^2] / 2 of each 2-D kernel).
double kernel_axis_variance(Kernel kernel);

// Throws ConfigError for fewer than 2 points or points that all coincide.
BandwidthSuggestions suggest_bandwidths(const std::vector<double>& x, const std::vector<double>& y, Kernel kernel);

} // namespace safermap::analysis
