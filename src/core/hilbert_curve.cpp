// SPDX-License-Identifier: MIT
#include "core/hilbert_curve.hpp"

#include <algorithm>
#include <limits>
#include <utility>

namespace safermap {

namespace {
constexpr std::uint32_t k_side = 1u << 16;
} // namespace

// The textbook conversion: one quadrant per bit pair, rotating the lower quadrants.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y) {
    std::uint64_t d = 0;
    for (std::uint32_t s = k_side / 2; s > 0; s /= 2) {
        const std::uint32_t rx = (x & s) ? 1 : 0, ry = (y & s) ? 1 : 0;
        d += static_cast<std::uint64_t>(s) * s * ((3 * rx) ^ ry);
        if (ry == 0) {
            if (rx == 1) {
                x = k_side - 1 - x;
                y = k_side - 1 - y;
            }
            std::swap(x, y);
        }
    }
    return d;
}

std::uint32_t hilbert_cell(double v, double lo, double hi) {
    if (!(hi > lo)) return 0;
    return static_cast<std::uint32_t>(std::clamp((v - lo) / (hi - lo) * k_side, 0.0, static_cast<double>(k_side - 1)));
}

std::vector<std::uint32_t> hilbert_order(std::span<const double> x, std::span<const double> y) {
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = std::numeric_limits<double>::lowest(), y1 = x1;
    for (std::size_t i = 0; i < x.size(); ++i) {
        x0 = std::min(x0, x[i]), x1 = std::max(x1, x[i]);
        y0 = std::min(y0, y[i]), y1 = std::max(y1, y[i]);
    }
    std::vector<std::pair<std::uint64_t, std::uint32_t>> keyed(x.size());
    for (std::size_t i = 0; i < x.size(); ++i)
        keyed[i] = {hilbert_index(hilbert_cell(x[i], x0, x1), hilbert_cell(y[i], y0, y1)), static_cast<std::uint32_t>(i)};
    std::sort(keyed.begin(), keyed.end());
    std::vector<std::uint32_t> order(x.size());
    for (std::size_t i = 0; i < keyed.size(); ++i) order[i] = keyed[i].second;
    return order;
}

} // namespace safermap
