// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace safermap::analysis {

struct DbscanOptions {
    double eps_m = 0;    // neighbourhood radius: points at exactly eps_m are neighbours
    int min_points = 0;  // points within eps, the point itself included, to make a core point
    void validate() const; // throws ConfigError ("dbscan: eps_m must be > 0 (got 0)")
};

inline constexpr std::int32_t k_noise = -1;

// DBSCAN (Ester, Kriegel, Sander & Xu 1996), exact: a point is core when at least min_points
// points (itself and coincident points included) lie within eps_m (distance <= eps_m, as
// scikit-learn); core points within eps of each other share a cluster; a non-core point within
// eps of a core point is a border point of that point's cluster; the rest are noise.
// Returns one label per point: 0.. for clusters, numbered in the order of each cluster's first
// core point in the input, or k_noise. A border point within eps of core points of several
// clusters joins the lowest-numbered of them (the textbook leaves it open; scikit-learn takes
// whichever its expansion reaches first), so the labels depend only on the input order.
//
// Gunawan's exact 2-D grid algorithm (A. Gunawan, "A faster algorithm for DBSCAN", MSc thesis,
// TU Eindhoven 2013; de Berg, Gunawan & Roeloffzen, "Faster DB-scan and HDB-scan in low-dimensional
// Euclidean spaces", IJCGA 2019): cells of side eps/√2 (DbscanGrid), every point of a cell holding
// min_points points is core, other points count neighbours in the 5 x 5 cells around theirs and
// stop at min_points; two cells' core points join when some pair is within eps (tested only while
// the cells are not joined yet, stopping at the first pair). Time about linear in the points for
// crime data, never quadratic in the points of one dense cell; memory about 100 bytes a point.
// Throws ConfigError for bad options or an eps too small for the extent (over 2^30 cells a side),
// Error for x and y of different lengths or coordinates that are not finite. Empty input gives
// an empty result.
std::vector<std::int32_t> dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& options);

// The same labels, and which points are core points (1) rather than border or noise (0).
struct DbscanResult {
    std::vector<std::int32_t> labels;
    std::vector<std::uint8_t> core;
};
DbscanResult dbscan_with_core(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& options);

} // namespace safermap::analysis
