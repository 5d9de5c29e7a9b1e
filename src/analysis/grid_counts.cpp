// SPDX-License-Identifier: MIT
#include "analysis/grid_counts.hpp"

#include <cmath>

namespace safermap::analysis {

std::optional<std::size_t> cell_of(const GridSpec& g, double x, double y) {
    const double fi = std::floor((x - g.min_x) / g.cell_size_m);
    const double fj = std::floor((y - g.min_y) / g.cell_size_m);
    if (!(fi >= 0 && fj >= 0 && fi < g.nx && fj < g.ny)) return std::nullopt; // NaN too
    return static_cast<std::size_t>(fj) * static_cast<std::size_t>(g.nx) + static_cast<std::size_t>(fi);
}

GridCounts count_in_grid(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                         const GridSpec& g) {
    GridCounts out{Surface(g), Surface(g), 0};
    for (std::size_t k = 0; k < x.size(); ++k) {
        const auto c = cell_of(g, x[k], y[k]);
        if (!c) {
            ++out.outside;
            continue;
        }
        out.count.values[*c] += 1;
        out.weighted.values[*c] += w.empty() ? 1.0 : w[k];
    }
    return out;
}

} // namespace safermap::analysis
