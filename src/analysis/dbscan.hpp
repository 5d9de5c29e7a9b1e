// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace safermap::analysis {

struct DbscanOptions {
    double eps_m = 0;    // neighbourhood radius
    int min_points = 0;  // points within eps, the point itself included, to make a core point
    void validate() const; // throws ConfigError ("dbscan: eps_m must be > 0 (got 0)")
};

inline constexpr std::int32_t k_noise = -1;

// DBSCAN (Ester, Kriegel, Sander & Xu 1996). Returns one label per point: 0.. for clusters,
// numbered in order of their first point in the input, or k_noise. A border point reachable
// from several clusters joins the first that reaches it in input order, so labels do not depend
// on anything but the input order. Neighbour search uses a bucket grid of side eps: linear in
// the points and their neighbours, not quadratic.
std::vector<std::int32_t> dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& options);

} // namespace safermap::analysis
