// SPDX-License-Identifier: MIT
#include "analysis/dbscan.hpp"

#include "analysis/point_grid_index.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <deque>

namespace safermap::analysis {

void DbscanOptions::validate() const {
    if (!(eps_m > 0)) throw ConfigError(fmt::format("dbscan: eps_m must be > 0 (got {})", eps_m));
    if (min_points < 1) throw ConfigError(fmt::format("dbscan: min_points must be >= 1 (got {})", min_points));
}

std::vector<std::int32_t> dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& o) {
    o.validate();
    const std::size_t n = x.size();
    constexpr std::int32_t unvisited = -2;
    std::vector<std::int32_t> label(n, unvisited);
    if (n == 0) return {};
    PointGridIndex index(x, y, o.eps_m);
    std::vector<std::size_t> neighbours;
    auto region = [&](std::size_t i) {
        neighbours.clear();
        index.for_each_within(x[i], y[i], o.eps_m, [&](std::size_t j) { neighbours.push_back(j); });
    };
    std::int32_t next_cluster = 0;
    std::deque<std::size_t> frontier;
    for (std::size_t i = 0; i < n; ++i) {
        if (label[i] != unvisited) continue;
        region(i);
        if (neighbours.size() < static_cast<std::size_t>(o.min_points)) {
            label[i] = k_noise; // may still become a border point of a later cluster
            continue;
        }
        const std::int32_t c = next_cluster++;
        label[i] = c;
        frontier.assign(neighbours.begin(), neighbours.end());
        while (!frontier.empty()) {
            const std::size_t j = frontier.front();
            frontier.pop_front();
            if (label[j] == k_noise) label[j] = c; // border point
            if (label[j] != unvisited) continue;
            label[j] = c;
            region(j);
            if (neighbours.size() >= static_cast<std::size_t>(o.min_points))
                for (std::size_t m : neighbours)
                    if (label[m] == unvisited || label[m] == k_noise) frontier.push_back(m);
        }
    }
    return label;
}

} // namespace safermap::analysis
