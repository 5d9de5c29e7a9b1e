// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace safermap::analysis {

// A raster of square cells in the working CRS. Cells tile the extent from its lower-left
// corner (min_x, min_y); cell (i, j) spans [min_x + i c, min_x + (i+1) c) x [min_y + j c, ...),
// with j = 0 the southernmost row.
struct GridSpec {
    double min_x = 0;
    double min_y = 0;
    double cell_size_m = 0;
    int nx = 0;
    int ny = 0;

    // Cells enough to cover [xmin, xmax] x [ymin, ymax]: the last column/row may run past
    // the extent. Throws ConfigError for a non-positive cell or an empty extent.
    static GridSpec covering(double xmin, double ymin, double xmax, double ymax, double cell_size_m);

    double centre_x(int i) const { return min_x + (i + 0.5) * cell_size_m; }
    double centre_y(int j) const { return min_y + (j + 0.5) * cell_size_m; }
    double cell_area_m2() const { return cell_size_m * cell_size_m; }
    std::size_t cells() const { return static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny); }
    double max_x() const { return min_x + nx * cell_size_m; }
    double max_y() const { return min_y + ny * cell_size_m; }
};

// Values on a grid, row-major from the south-west: index = j * nx + i.
struct Surface {
    GridSpec grid;
    std::vector<double> values;

    explicit Surface(const GridSpec& g) : grid(g), values(g.cells(), 0.0) {}
    double& at(int i, int j) { return values[static_cast<std::size_t>(j) * grid.nx + i]; }
    double at(int i, int j) const { return values[static_cast<std::size_t>(j) * grid.nx + i]; }
    double sum() const;
};

} // namespace safermap::analysis
