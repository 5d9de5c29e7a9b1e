// SPDX-License-Identifier: MIT
#pragma once
// Class breaks for choropleth maps (counts per ward): quantiles, so each class holds about as
// many areas, or equal intervals over the range.

#include <string_view>
#include <vector>

namespace safermap::render {

enum class Classification { quantile, equal_interval };
Classification parse_classification(std::string_view text); // throws ConfigError

// `classes` - 1 inner breaks, ascending; a value v is in class k when breaks[k-1] <= v <
// breaks[k] (the last class takes the maximum). Quantile breaks use the nearest-rank method on
// the sorted values and drop repeats, so fewer classes may come back for tied data.
std::vector<double> class_breaks(std::vector<double> values, int classes, Classification method);

// The class of `value` (0-based) under `breaks`.
int class_of(double value, const std::vector<double>& breaks);

} // namespace safermap::render
