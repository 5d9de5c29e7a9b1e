// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace safermap::geo {

// A rectangle in some CRS's own units.
struct Bounds {
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0;
    bool contains(double x, double y) const { return x >= min_x && x <= max_x && y >= min_y && y <= max_y; }
    double width() const { return max_x - min_x; }
    double height() const { return max_y - min_y; }
    // The smallest rectangle holding this one and the point.
    void extend(double x, double y) {
        min_x = x < min_x ? x : min_x;
        min_y = y < min_y ? y : min_y;
        max_x = x > max_x ? x : max_x;
        max_y = y > max_y ? y : max_y;
    }
};

// The smallest rectangle holding every point (x[i], y[i]); all zero for no points.
Bounds bounds_of(const std::vector<double>& x, const std::vector<double>& y);

} // namespace safermap::geo
