// SPDX-License-Identifier: MIT
#include "io/incidents/harm_table.hpp"

#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::io {

HarmTable load_harm_table(const std::string& path) {
    CsvReader reader(path);
    CsvRecord r;
    if (!reader.next(r)) throw SchemaError(fmt::format("{}: empty harm table", path));
    auto column = [&](const char* name) {
        auto it = std::find(r.fields.begin(), r.fields.end(), name);
        if (it == r.fields.end()) throw SchemaError(fmt::format("{}: line 1: no '{}' column", path, name));
        return static_cast<std::size_t>(it - r.fields.begin());
    };
    const std::size_t category = column("category"), weight = column("weight");
    HarmTable table;
    while (reader.next(r)) {
        if (r.fields.size() == 1 && r.fields[0].empty()) continue;
        if (r.fields.size() <= std::max(category, weight))
            throw SchemaError(fmt::format("{}: line {}: too few fields", path, r.line));
        auto w = parse_number(r.fields[weight]);
        if (!w || *w < 0) throw SchemaError(fmt::format("{}: line {}: weight '{}' is not a number >= 0", path, r.line, r.fields[weight]));
        if (!table.emplace(r.fields[category], *w).second)
            throw SchemaError(fmt::format("{}: line {}: category '{}' is listed twice", path, r.line, r.fields[category]));
    }
    return table;
}

void apply_harm(PointSet& points, const HarmTable& table, std::optional<double> fallback) {
    std::vector<std::optional<double>> weight_of(points.categories.size());
    std::string missing;
    for (std::size_t c = 0; c < points.categories.size(); ++c) {
        auto it = table.find(points.categories[c]);
        if (it != table.end()) weight_of[c] = it->second;
        else if (fallback) weight_of[c] = *fallback;
        else missing += fmt::format("{}'{}'", missing.empty() ? "" : ", ", points.categories[c]);
    }
    if (!missing.empty())
        throw ConfigError(fmt::format("the harm table has no weight for {}; add them, or give --harm-default", missing));
    for (std::size_t i = 0; i < points.size(); ++i) points.weight[i] = *weight_of[points.category[i]];
}

} // namespace safermap::io
