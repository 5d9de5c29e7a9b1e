// SPDX-License-Identifier: MIT
#include "analysis/grid_counts.hpp"

#include <cmath>

namespace safermap::analysis {

GridCounts count_in_grid(const std::vector<double>& x, const std::vector<double>& y, const std::vector<double>& w,
                         const GridSpec& g) {
    GridCounts out{Surface(g), Surface(g), 0};
    for (std::size_t k = 0; k < x.size(); ++k) {
        const double fi = std::floor((x[k] - g.min_x) / g.cell_size_m);
        const double fj = std::floor((y[k] - g.min_y) / g.cell_size_m);
        if (fi < 0 || fj < 0 || fi >= g.nx || fj >= g.ny) {
            ++out.outside;
            continue;
        }
        const int i = static_cast<int>(fi), j = static_cast<int>(fj);
        out.count.at(i, j) += 1;
        out.weighted.at(i, j) += w.empty() ? 1.0 : w[k];
    }
    return out;
}

} // namespace safermap::analysis
