// SPDX-License-Identifier: MIT
#include "analysis/dbscan_grid.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numbers>

namespace safermap::analysis {

namespace {

constexpr double k_max_cells_a_side = 1 << 30;

struct Entry {
    std::uint64_t key;
    double x, y;
    std::uint32_t point;
};

} // namespace

DbscanGrid::DbscanGrid(const std::vector<double>& x, const std::vector<double>& y, double eps_m) {
    const std::size_t n = x.size();
    if (y.size() != n) throw Error(fmt::format("dbscan: {} x coordinates but {} y coordinates", n, y.size()));
    if (n >= std::numeric_limits<std::uint32_t>::max()) throw Error(fmt::format("dbscan: too many points ({})", n));
    if (n == 0) return;
    double min_x = x[0], min_y = y[0], max_x = x[0], max_y = y[0];
    for (std::size_t i = 0; i < n; ++i) {
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw Error(fmt::format("dbscan: point {} has a coordinate that is not a number ({}, {})", i, x[i], y[i]));
        min_x = std::min(min_x, x[i]), max_x = std::max(max_x, x[i]);
        min_y = std::min(min_y, y[i]), max_y = std::max(max_y, y[i]);
    }
    // A side a millionth under eps/√2: the cell index is computed with rounding errors far
    // below that margin (at most 2^30 cells a side), so two positions in one cell are within
    // eps even as the distance test rounds, and two within eps are still at most 2 cells apart.
    const double side = eps_m / std::numbers::sqrt2 * (1 - 1e-6);
    if ((max_x - min_x) / side > k_max_cells_a_side || (max_y - min_y) / side > k_max_cells_a_side)
        throw ConfigError(fmt::format("dbscan: eps_m {} is too small for points spread over {} x {} m", eps_m, max_x - min_x,
                                      max_y - min_y));
    std::vector<Entry> entries(n);
    for (std::size_t i = 0; i < n; ++i) {
        // Columns and rows start at 2, so that the 5 x 5 block around any cell has keys >= 0.
        const auto col = static_cast<std::uint64_t>(std::floor((x[i] - min_x) / side)) + 2;
        const auto row = static_cast<std::uint64_t>(std::floor((y[i] - min_y) / side)) + 2;
        entries[i] = {(row << 32) | col, x[i], y[i], static_cast<std::uint32_t>(i)};
    }
    std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
        if (a.key != b.key) return a.key < b.key;
        if (a.x != b.x) return a.x < b.x;
        return a.y < b.y;
    });
    m_of_point.resize(n);
    m_x.reserve(n), m_y.reserve(n), m_weight.reserve(n), m_cell_of.reserve(n);
    for (std::size_t k = 0; k < n; ++k) {
        const Entry& e = entries[k];
        const bool same_position = k > 0 && e.key == entries[k - 1].key && e.x == entries[k - 1].x && e.y == entries[k - 1].y;
        if (!same_position) {
            if (m_cells.empty() || m_cells.back().key != e.key) {
                m_cells.push_back({e.key, static_cast<std::uint32_t>(m_x.size()), 0, 0, e.x, e.y, e.x, e.y});
            }
            m_x.push_back(e.x);
            m_y.push_back(e.y);
            m_weight.push_back(0);
            m_cell_of.push_back(static_cast<std::uint32_t>(m_cells.size() - 1));
        }
        Cell& c = m_cells.back();
        c.last = static_cast<std::uint32_t>(m_x.size());
        ++c.points;
        c.min_x = std::min(c.min_x, e.x), c.max_x = std::max(c.max_x, e.x);
        c.min_y = std::min(c.min_y, e.y), c.max_y = std::max(c.max_y, e.y);
        ++m_weight.back();
        m_of_point[e.point] = static_cast<std::uint32_t>(m_x.size() - 1);
    }
}

std::uint32_t DbscanGrid::first_cell_at_or_after(std::uint64_t key) const {
    auto it = std::lower_bound(m_cells.begin(), m_cells.end(), key, [](const Cell& c, std::uint64_t k) { return c.key < k; });
    return static_cast<std::uint32_t>(it - m_cells.begin());
}

} // namespace safermap::analysis
