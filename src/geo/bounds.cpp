// SPDX-License-Identifier: MIT
#include "geo/bounds.hpp"

#include <algorithm>

namespace safermap::geo {

Bounds bounds_of(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.empty()) return {};
    auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
    auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
    return {*xmin, *ymin, *xmax, *ymax};
}

} // namespace safermap::geo
