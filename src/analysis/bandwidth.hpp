// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/kernel.hpp"

#include <cstddef>
#include <vector>

namespace safermap::analysis {

// Bandwidths suggested for a point set, in metres, already scaled for the chosen kernel.
struct BandwidthSuggestions {
    // Mean distance from each point to the nearest point at another position (CrimeStat's
    // nearest-neighbour spacing; snap points that coincide do not count as neighbours): exact,
    // or estimated from a sample of the points (each sampled point's nearest neighbour is
    // still searched among all points).
    double mean_nn_m = 0;
    std::size_t mean_nn_sample = 0; // points whose spacing was averaged: all of them when exact
    // Normal reference rule (Silverman 1986, eq. 4.14 with d = 2): a Gaussian standard
    // deviation of sigma n^(-1/6), sigma = sqrt((var x + var y) / 2), converted to this
    // kernel's radius by matching the per-axis variance of the two kernels.
    double normal_reference_m = 0;
    std::size_t points = 0;
};

// Per-axis variance of a kernel with bandwidth 1: Gaussian 1, quartic 1/8, Epanechnikov 1/6,
// triangular 3/20, uniform 1/4 (worked from E[r^2] / 2 of each 2-D kernel).
double kernel_axis_variance(Kernel kernel);

// Points up to which the nearest-neighbour spacing is exact; above it, it is the mean over this
// many points drawn with a fixed seed (its standard error is about 1% of the spacing).
inline constexpr std::size_t k_exact_spacing_points = 10000;

// Both suggestions. Costs O(n) plus min(n, max_exact_points) nearest-neighbour searches, so
// callers should ask only when a suggestion is used or shown. Same input, same result.
// Expects max_exact_points >= 1. Throws ConfigError for fewer than 2 points or points that all coincide.
BandwidthSuggestions suggest_bandwidths(const std::vector<double>& x, const std::vector<double>& y, Kernel kernel,
                                        std::size_t max_exact_points = k_exact_spacing_points);

} // namespace safermap::analysis
