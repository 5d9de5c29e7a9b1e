// SPDX-License-Identifier: MIT
#include "analysis/dbscan.hpp"

#include "analysis/distinct_positions.hpp"
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
    if (x.empty()) return {};
    // Points at one position share their neighbourhood, so run on distinct positions weighted by
    // how many points each holds: the labels are those of DBSCAN on the points themselves.
    const DistinctPositions pos = distinct_positions(x, y);
    const std::size_t n = pos.x.size();
    constexpr std::int32_t unvisited = -2;
    std::vector<std::int32_t> label(n, unvisited);
    PointGridIndex index(pos.x, pos.y, o.eps_m);
    std::vector<std::size_t> neighbours;
    // Fills `neighbours` and returns how many points (not positions) lie within eps.
    auto region = [&](std::size_t i) {
        neighbours.clear();
        double points = 0;
        index.for_each_within(pos.x[i], pos.y[i], o.eps_m, [&](std::size_t j) {
            neighbours.push_back(j);
            points += pos.count[j];
        });
        return points;
    };
    // Positions are visited in the order of their first point, so clusters are numbered in
    // order of their first point in the input.
    std::int32_t next_cluster = 0;
    std::deque<std::size_t> frontier;
    for (std::size_t i = 0; i < n; ++i) {
        if (label[i] != unvisited) continue;
        if (region(i) < o.min_points) {
            label[i] = k_noise; // may still become a border point of a later cluster
            continue;
        }
        const std::int32_t c = next_cluster++;
        label[i] = c;
        // Each position enters the frontier once: claimed when queued.
        for (std::size_t m : neighbours)
            if (label[m] == unvisited || label[m] == k_noise) {
                if (label[m] == unvisited) frontier.push_back(m);
                label[m] = c;
            }
        while (!frontier.empty()) {
            const std::size_t j = frontier.front();
            frontier.pop_front();
            if (region(j) < o.min_points) continue; // a border position: claimed, not expanded
            for (std::size_t m : neighbours)
                if (label[m] == unvisited || label[m] == k_noise) {
                    if (label[m] == unvisited) frontier.push_back(m);
                    label[m] = c;
                }
        }
    }
    std::vector<std::int32_t> out(x.size());
    for (std::size_t p = 0; p < x.size(); ++p) out[p] = label[pos.of_point[p]];
    return out;
}

} // namespace safermap::analysis
