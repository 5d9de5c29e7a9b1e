// SPDX-License-Identifier: MIT
#pragma once
// The grid exact DBSCAN runs on: the distinct positions of a point set, each with how many
// points it holds, bucketed in square cells of side just under eps/√2, so that any two
// positions in one cell are within eps of each other and any two within eps lie in cells at
// most 2 apart along each axis (Gunawan 2013, ch. 3).

#include <cstddef>
#include <cstdint>
#include <vector>

namespace safermap::analysis {

class DbscanGrid {
public:
    // Flat arrays; positions are sorted by cell, then x, then y.
    struct Cell {
        std::uint64_t key = 0;        // row in the high 32 bits, column in the low
        std::uint32_t first = 0;      // its positions are [first, last)
        std::uint32_t last = 0;
        std::uint64_t points = 0;     // points in the cell, coincident ones included
        double min_x = 0, min_y = 0, max_x = 0, max_y = 0; // bounding box of its positions
    };

    // Throws ConfigError when eps_m is so small against the points' extent that a side would
    // need more than 2^30 cells, and Error for x and y of different lengths or a coordinate
    // that is not finite. Empty input gives an empty grid.
    DbscanGrid(const std::vector<double>& x, const std::vector<double>& y, double eps_m);

    const std::vector<Cell>& cells() const { return m_cells; }
    std::size_t positions() const { return m_x.size(); }
    double x(std::size_t p) const { return m_x[p]; }
    double y(std::size_t p) const { return m_y[p]; }
    std::uint32_t weight(std::size_t p) const { return m_weight[p]; } // points at position p
    std::uint32_t cell_of(std::size_t p) const { return m_cell_of[p]; }
    std::uint32_t position_of_point(std::size_t i) const { return m_of_point[i]; }

    // Calls fn(cell index, dcol, drow) for every non-empty cell whose column and row differ
    // from cell c's by at most 2 (the 5 x 5 block; c itself when include_self), in key order,
    // until fn returns false.
    template <typename Fn> void for_each_near_cell(std::uint32_t c, bool include_self, Fn&& fn) const;

private:
    std::uint32_t first_cell_at_or_after(std::uint64_t key) const;

    std::vector<double> m_x, m_y;
    std::vector<std::uint32_t> m_weight;
    std::vector<std::uint32_t> m_cell_of;
    std::vector<std::uint32_t> m_of_point;
    std::vector<Cell> m_cells;
};

template <typename Fn> void DbscanGrid::for_each_near_cell(std::uint32_t c, bool include_self, Fn&& fn) const {
    // Columns and rows start at 2, so neither goes below 0 here.
    const std::uint64_t key = m_cells[c].key;
    const std::uint64_t row = key >> 32, col = key & 0xffffffffu;
    for (std::uint64_t r = row - 2; r <= row + 2; ++r) {
        const std::uint64_t lo = (r << 32) | (col - 2), hi = (r << 32) | (col + 2);
        for (std::uint32_t k = first_cell_at_or_after(lo); k < m_cells.size() && m_cells[k].key <= hi; ++k) {
            if (k == c && !include_self) continue;
            const auto dcol = static_cast<std::int64_t>(m_cells[k].key & 0xffffffffu) - static_cast<std::int64_t>(col);
            if (!fn(k, static_cast<int>(dcol), static_cast<int>(static_cast<std::int64_t>(r) - static_cast<std::int64_t>(row))))
                return;
        }
    }
}

} // namespace safermap::analysis
