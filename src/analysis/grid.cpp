// SPDX-License-Identifier: MIT
#include "analysis/grid.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

namespace safermap::analysis {

GridSpec GridSpec::covering(double xmin, double ymin, double xmax, double ymax, double cell_size_m) {
    if (!(cell_size_m > 0)) throw ConfigError(fmt::format("grid: cell size must be > 0 m (got {})", cell_size_m));
    if (!(xmax > xmin) || !(ymax > ymin))
        throw ConfigError(fmt::format("grid: empty extent {},{},{},{}", xmin, ymin, xmax, ymax));
    double nx = std::ceil((xmax - xmin) / cell_size_m);
    double ny = std::ceil((ymax - ymin) / cell_size_m);
    if (nx * ny > 1e9) throw ConfigError(fmt::format("grid: {} x {} cells is too many; use a larger cell", nx, ny));
    return {xmin, ymin, cell_size_m, static_cast<int>(nx), static_cast<int>(ny)};
}

double Surface::sum() const { return std::accumulate(values.begin(), values.end(), 0.0); }

} // namespace safermap::analysis
