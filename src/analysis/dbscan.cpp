// SPDX-License-Identifier: MIT
#include "analysis/dbscan.hpp"

#include "analysis/dbscan_grid.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <limits>

namespace safermap::analysis {

namespace {

using Cell = DbscanGrid::Cell;

// Squared distances from (x, y) to the nearest and farthest points of a cell's bounding box.
// Rounding is monotone, so these bound the squared distance to any position in the box as
// the distance test computes it: a box beyond eps holds no neighbour, one within holds only
// neighbours.
double nearest_d2(const Cell& c, double x, double y) {
    const double dx = std::max({0.0, c.min_x - x, x - c.max_x});
    const double dy = std::max({0.0, c.min_y - y, y - c.max_y});
    return dx * dx + dy * dy;
}

double farthest_d2(const Cell& c, double x, double y) {
    const double dx = std::max(std::abs(c.min_x - x), std::abs(c.max_x - x));
    const double dy = std::max(std::abs(c.min_y - y), std::abs(c.max_y - y));
    return dx * dx + dy * dy;
}

double box_gap_d2(const Cell& a, const Cell& b) {
    const double dx = std::max({0.0, b.min_x - a.max_x, a.min_x - b.max_x});
    const double dy = std::max({0.0, b.min_y - a.max_y, a.min_y - b.max_y});
    return dx * dx + dy * dy;
}

class GridDbscan {
public:
    GridDbscan(const DbscanGrid& grid, const DbscanOptions& o)
        : m_grid(grid), m_cells(grid.cells()), m_eps(o.eps_m), m_eps2(o.eps_m * o.eps_m),
          m_min_points(static_cast<std::uint64_t>(o.min_points)), m_core(grid.positions(), 0), m_has_core(m_cells.size(), 0),
          m_parent(m_cells.size()) {
        for (std::uint32_t c = 0; c < m_parent.size(); ++c) m_parent[c] = c;
    }

    DbscanResult run(std::size_t points) {
        for (std::uint32_t c = 0; c < m_cells.size(); ++c) mark_core(c);
        for (std::uint32_t c = 0; c < m_cells.size(); ++c) join_neighbours(c);
        // Clusters are numbered in the order of their first core point in the input.
        std::vector<std::int32_t> cluster_of_root(m_cells.size(), k_noise);
        std::vector<std::int32_t> label(m_grid.positions(), k_noise);
        std::int32_t next = 0;
        for (std::size_t i = 0; i < points; ++i) {
            const std::uint32_t p = m_grid.position_of_point(i);
            if (!m_core[p]) continue;
            std::int32_t& cluster = cluster_of_root[find(m_grid.cell_of(p))];
            if (cluster == k_noise) cluster = next++;
            label[p] = cluster;
        }
        m_cluster_of_cell.resize(m_cells.size());
        for (std::uint32_t c = 0; c < m_cells.size(); ++c) m_cluster_of_cell[c] = m_has_core[c] ? cluster_of_root[find(c)] : k_noise;
        for (std::uint32_t p = 0; p < m_grid.positions(); ++p)
            if (!m_core[p]) label[p] = border_cluster(p);
        DbscanResult out;
        out.labels.resize(points);
        out.core.resize(points);
        for (std::size_t i = 0; i < points; ++i) {
            const std::uint32_t p = m_grid.position_of_point(i);
            out.labels[i] = label[p];
            out.core[i] = m_core[p];
        }
        return out;
    }

private:
    bool within(std::size_t p, std::size_t q) const {
        const double dx = m_grid.x(q) - m_grid.x(p), dy = m_grid.y(q) - m_grid.y(p);
        return dx * dx + dy * dy <= m_eps2;
    }

    void mark_core(std::uint32_t c) {
        const Cell& cell = m_cells[c];
        if (cell.points >= m_min_points) {
            // Any two positions of a cell are within eps: each sees the whole cell.
            std::fill(m_core.begin() + cell.first, m_core.begin() + cell.last, 1);
            m_has_core[c] = 1;
            return;
        }
        for (std::uint32_t p = cell.first; p < cell.last; ++p) {
            std::uint64_t count = cell.points;
            const double x = m_grid.x(p), y = m_grid.y(p);
            m_grid.for_each_near_cell(c, false, [&](std::uint32_t k, int, int) {
                const Cell& other = m_cells[k];
                if (nearest_d2(other, x, y) > m_eps2) return true;
                if (farthest_d2(other, x, y) <= m_eps2) {
                    count += other.points;
                } else {
                    for (std::uint32_t q = other.first; q < other.last && count < m_min_points; ++q)
                        if (within(p, q)) count += m_grid.weight(q);
                }
                return count < m_min_points; // enough: stop counting
            });
            if (count >= m_min_points) m_core[p] = 1, m_has_core[c] = 1;
        }
    }

    void join_neighbours(std::uint32_t c) {
        if (!m_has_core[c]) return;
        m_grid.for_each_near_cell(c, false, [&](std::uint32_t k, int dcol, int) {
            // Each pair once (k after c), and only while the two are apart.
            if (k < c || !m_has_core[k] || find(c) == find(k)) return true;
            if (box_gap_d2(m_cells[c], m_cells[k]) > m_eps2) return true;
            if (core_pair_within_eps(c, k, dcol)) unite(c, k);
            return true;
        });
    }

    // Whether some core position of cell a is within eps of some core position of cell b
    // (a bichromatic closest-pair test that stops at the first pair found). dcol: b's column
    // minus a's.
    bool core_pair_within_eps(std::uint32_t a, std::uint32_t b, int dcol) const {
        if (m_cells[a].last - m_cells[a].first > m_cells[b].last - m_cells[b].first) std::swap(a, b), dcol = -dcol;
        const Cell& from = m_cells[a];
        const Cell& to = m_cells[b];
        // Positions are sorted by x within a cell: walk the smaller cell from the side facing
        // the other, and search the other only across the x range that can be within eps.
        const std::uint32_t n = from.last - from.first;
        for (std::uint32_t s = 0; s < n; ++s) {
            const std::uint32_t p = dcol > 0 ? from.last - 1 - s : from.first + s;
            if (!m_core[p]) continue;
            const double x = m_grid.x(p), y = m_grid.y(p);
            if (nearest_d2(to, x, y) > m_eps2) continue;
            // A margin far above rounding, so that no pair the distance test accepts is left out.
            const double margin = 1e-6 * m_eps + 1e-9 * std::abs(x);
            std::uint32_t q = first_at_or_after_x(to, x - m_eps - margin);
            for (; q < to.last && m_grid.x(q) <= x + m_eps + margin; ++q)
                if (m_core[q] && within(p, q)) return true;
        }
        return false;
    }

    std::uint32_t first_at_or_after_x(const Cell& c, double x) const {
        std::uint32_t lo = c.first, hi = c.last;
        while (lo < hi) {
            const std::uint32_t mid = lo + (hi - lo) / 2;
            if (m_grid.x(mid) < x) lo = mid + 1;
            else hi = mid;
        }
        return lo;
    }

    // The lowest-numbered cluster with a core position within eps of non-core position p, or noise.
    std::int32_t border_cluster(std::uint32_t p) const {
        const std::uint32_t c = m_grid.cell_of(p);
        // A core position in p's own cell is within eps of it.
        std::int32_t best = m_has_core[c] ? m_cluster_of_cell[c] : std::numeric_limits<std::int32_t>::max();
        const double x = m_grid.x(p), y = m_grid.y(p);
        m_grid.for_each_near_cell(c, false, [&](std::uint32_t k, int, int) {
            if (!m_has_core[k] || m_cluster_of_cell[k] >= best) return true;
            const Cell& other = m_cells[k];
            if (nearest_d2(other, x, y) > m_eps2) return true;
            for (std::uint32_t q = other.first; q < other.last; ++q)
                if (m_core[q] && within(p, q)) {
                    best = m_cluster_of_cell[k];
                    break;
                }
            return true;
        });
        return best == std::numeric_limits<std::int32_t>::max() ? k_noise : best;
    }

    std::uint32_t find(std::uint32_t c) const {
        while (m_parent[c] != c) c = m_parent[c] = m_parent[m_parent[c]]; // path halving
        return c;
    }

    void unite(std::uint32_t a, std::uint32_t b) {
        a = find(a), b = find(b);
        if (a != b) m_parent[std::max(a, b)] = std::min(a, b);
    }

    const DbscanGrid& m_grid;
    const std::vector<Cell>& m_cells;
    const double m_eps, m_eps2;
    const std::uint64_t m_min_points;
    std::vector<std::uint8_t> m_core;     // per position
    std::vector<std::uint8_t> m_has_core; // per cell
    mutable std::vector<std::uint32_t> m_parent; // union-find over cells; find() compresses paths
    std::vector<std::int32_t> m_cluster_of_cell;
};

} // namespace

void DbscanOptions::validate() const {
    if (!(eps_m > 0)) throw ConfigError(fmt::format("dbscan: eps_m must be > 0 (got {})", eps_m));
    if (!std::isfinite(eps_m)) throw ConfigError(fmt::format("dbscan: eps_m must be finite (got {})", eps_m));
    if (min_points < 1) throw ConfigError(fmt::format("dbscan: min_points must be >= 1 (got {})", min_points));
}

DbscanResult dbscan_with_core(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& options) {
    options.validate();
    const DbscanGrid grid(x, y, options.eps_m);
    if (x.empty()) return {};
    return GridDbscan(grid, options).run(x.size());
}

std::vector<std::int32_t> dbscan(const std::vector<double>& x, const std::vector<double>& y, const DbscanOptions& options) {
    return dbscan_with_core(x, y, options).labels;
}

} // namespace safermap::analysis
