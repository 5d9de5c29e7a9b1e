// SPDX-License-Identifier: MIT
#include "analysis/bandwidth.hpp"

#include "analysis/distinct_positions.hpp"
#include "analysis/point_grid_index.hpp"
#include "core/error.hpp"

#include <cmath>

namespace safermap::analysis {

double kernel_axis_variance(Kernel kernel) {
    switch (kernel) {
    case Kernel::gaussian: return 1.0;
    case Kernel::quartic: return 1.0 / 8;
    case Kernel::epanechnikov: return 1.0 / 6;
    case Kernel::triangular: return 3.0 / 20;
    case Kernel::uniform: return 1.0 / 4;
    }
    return 1.0;
}

BandwidthSuggestions suggest_bandwidths(const std::vector<double>& x, const std::vector<double>& y, Kernel kernel) {
    const std::size_t n = x.size();
    if (n < 2) throw ConfigError("kde: at least 2 points are needed to suggest a bandwidth; give --bandwidth");
    double mx = 0, my = 0;
    for (std::size_t i = 0; i < n; ++i) mx += x[i], my += y[i];
    mx /= static_cast<double>(n), my /= static_cast<double>(n);
    double vx = 0, vy = 0;
    for (std::size_t i = 0; i < n; ++i) vx += (x[i] - mx) * (x[i] - mx), vy += (y[i] - my) * (y[i] - my);
    vx /= static_cast<double>(n - 1), vy /= static_cast<double>(n - 1);
    const double sigma = std::sqrt((vx + vy) / 2);
    if (!(sigma > 0)) throw ConfigError("kde: all points coincide, so no bandwidth can be suggested; give --bandwidth");

    BandwidthSuggestions s;
    s.points = n;
    const double gaussian_sd = sigma * std::pow(static_cast<double>(n), -1.0 / 6.0);
    s.normal_reference_m = gaussian_sd / std::sqrt(kernel_axis_variance(kernel));

    // Every point at a position shares that position's nearest other position.
    const DistinctPositions pos = distinct_positions(x, y);
    PointGridIndex index(pos.x, pos.y);
    double sum = 0, counted = 0;
    for (std::size_t p = 0; p < pos.x.size(); ++p) {
        if (auto d = index.nearest_other_position(p)) {
            sum += *d * pos.count[p];
            counted += pos.count[p];
        }
    }
    s.mean_nn_m = counted > 0 ? sum / counted : 0;
    return s;
}

} // namespace safermap::analysis
