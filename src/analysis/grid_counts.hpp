// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace safermap::analysis {

// The row-major index (j * nx + i) of the cell holding (x, y): cells are half-open, [min, min +
// cell), floored, so points just left of or below the origin fall outside. nullopt outside.
// The one binning rule for every grid analysis, the viewer's included.
std::optional<std::size_t> cell_of(const GridSpec& grid, double x, double y);

struct GridCounts {
    Surface count;        // incidents per cell
    Surface weighted;     // sum of weights per cell
    std::size_t outside = 0; // points beyond the grid, not counted in any cell
};

// Counts points (and sums their weights) per cell; a point on a cell's west or south edge
// belongs to that cell. Points outside the grid are counted in `outside`.
GridCounts count_in_grid(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                         const GridSpec& grid);

} // namespace safermap::analysis
