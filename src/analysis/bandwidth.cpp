// SPDX-License-Identifier: MIT
#include "analysis/bandwidth.hpp"

#include "analysis/nearest_position_index.hpp"
#include "core/error.hpp"

#include <cassert>
#include <cmath>
#include <random>

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

BandwidthSuggestions suggest_bandwidths(const std::vector<double>& x, const std::vector<double>& y, Kernel kernel,
                                        std::size_t max_exact_points) {
    const std::size_t n = x.size();
    if (n < 2) throw ConfigError("kde: at least 2 points are needed to suggest a bandwidth; give --bandwidth");
    if (y.size() != n) throw Error("kde: x and y differ in length");
    assert(max_exact_points > 0);
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

    // The index holds every point, coincident ones included: nearest_other skips the point's
    // own position, so the mean over points weighs each position by its points.
    const NearestPositionIndex index(x, y);
    double sum = 0;
    std::size_t counted = 0;
    auto add = [&](std::size_t i) {
        if (auto d = index.nearest_other(x[i], y[i])) sum += *d, ++counted;
    };
    if (n <= max_exact_points) {
        for (std::size_t i = 0; i < n; ++i) add(i);
    } else {
        // Drawn with replacement from a fixed seed; the raw 64-bit draws keep the sample the
        // same on every standard library (a distribution object would not).
        std::mt19937_64 draw(20130613);
        for (std::size_t k = 0; k < max_exact_points; ++k) add(static_cast<std::size_t>(draw() % n));
    }
    s.mean_nn_m = counted > 0 ? sum / static_cast<double>(counted) : 0;
    s.mean_nn_sample = counted;
    return s;
}

} // namespace safermap::analysis
