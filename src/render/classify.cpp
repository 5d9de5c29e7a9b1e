// SPDX-License-Identifier: MIT
#include "render/classify.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::render {

Classification parse_classification(std::string_view text) {
    if (text == "quantile") return Classification::quantile;
    if (text == "equal") return Classification::equal_interval;
    throw ConfigError(fmt::format("unknown classification '{}' (quantile or equal)", text));
}

std::vector<double> class_breaks(std::vector<double> values, int classes, Classification method) {
    std::vector<double> breaks;
    if (values.empty() || classes < 2) return breaks;
    std::sort(values.begin(), values.end());
    const double lo = values.front(), hi = values.back();
    for (int k = 1; k < classes; ++k) {
        double b = 0;
        if (method == Classification::equal_interval) {
            b = lo + (hi - lo) * k / classes;
        } else {
            // Nearest rank: the value below which k/classes of the areas fall.
            const auto rank = static_cast<std::size_t>(std::ceil(static_cast<double>(values.size()) * k / classes));
            b = values[std::min(values.size() - 1, rank)];
        }
        if (b > lo && b <= hi && (breaks.empty() || b > breaks.back())) breaks.push_back(b);
    }
    return breaks;
}

int class_of(double value, const std::vector<double>& breaks) {
    return static_cast<int>(std::upper_bound(breaks.begin(), breaks.end(), value) - breaks.begin());
}

} // namespace safermap::render
