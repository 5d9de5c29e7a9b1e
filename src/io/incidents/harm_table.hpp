// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/point_loader.hpp"

#include <map>
#include <optional>
#include <string>

namespace safermap::io {

// Harm weights by category (police.uk crime type or a council category), e.g. days of custody
// at the sentencing-guideline starting point in the style of the Cambridge Crime Harm Index.
using HarmTable = std::map<std::string, double>;

// Reads a CSV with a header containing `category` and `weight` columns (others, such as a
// source note, are ignored). Throws IoError/SchemaError naming the file and line for a missing
// column, a weight that is not a number >= 0, or a category listed twice.
HarmTable load_harm_table(const std::string& path);

// Replaces every point's weight by its category's harm weight. A category the table lacks is
// an error naming each missing category (ConfigError), unless `fallback` gives a weight for them.
void apply_harm(PointSet& points, const HarmTable& table, std::optional<double> fallback);

} // namespace safermap::io
