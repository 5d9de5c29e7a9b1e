// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace safermap::analysis {

// Clark & Evans's (1954) nearest neighbour index for n points in a study area of A m².
struct NearestNeighbourIndex {
    std::size_t n = 0;
    double area_m2 = 0;
    double mean_observed_m = 0; // mean distance to the nearest other point (0 for coincident points)
    double mean_expected_m = 0; // 0.5 sqrt(A / n), the mean under complete spatial randomness
    double ratio = 0;           // R = observed / expected: < 1 clustered, 1 random, > 1 dispersed
    double standard_error_m = 0; // 0.26136 sqrt(A / n^2)
    double z = 0;
    double p = 1;               // two-sided
};

// Throws ConfigError for fewer than 2 points or a non-positive area.
NearestNeighbourIndex clark_evans(const std::vector<double>& x, const std::vector<double>& y, double area_m2);

struct NnhOptions {
    double p_value = 0.01;  // chance of a random pair being as close as the threshold (one-tailed)
    int min_points = 10;    // points (or lower-order clusters) a cluster needs
    int max_order = 3;
    void validate() const;  // throws ConfigError ("nnh: p_value must be in (0, 0.5] ...")
};

// One order of Nearest Neighbour Hierarchical clustering.
struct NnhLevel {
    int order = 1;
    double threshold_m = 0;                 // pairs closer than this are linked
    std::vector<std::int32_t> labels;       // per unit of this order (distinct positions at order 1, then the previous order's clusters); -1 none
    std::vector<double> centre_x, centre_y; // each cluster's mean position (the units of the next order)
    std::vector<std::vector<std::size_t>> members; // original point indices of each cluster, ascending
};

// Nearest Neighbour Hierarchical clustering as in CrimeStat (Levine, CrimeStat IV ch. 7): the
// threshold is the lower limit of a one-tailed confidence interval (probability p) around the
// random nearest-neighbour distance, E(d) - z(1 - p) SE(d), with E(d) and SE(d) as in
// clark_evans for the units of that order over `area_m2`; units closer than it are linked
// (single linkage); linked groups of at least min_points units are clusters. Clusters' mean
// positions are clustered again for the next order, until an order finds none or max_order.
std::vector<NnhLevel> nnh(const std::vector<double>& x, const std::vector<double>& y, double area_m2, const NnhOptions& options);

// The standard normal quantile (inverse CDF), for 0 < p < 1 (Acklam's rational approximation
// refined by one Newton step: accurate to about 1e-12).
double normal_quantile(double p);

} // namespace safermap::analysis
