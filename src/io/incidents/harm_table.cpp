// SPDX-License-Identifier: MIT
#include "io/incidents/harm_table.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "io/asset_dir.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <stdexcept>

namespace safermap::io {

namespace {

std::string trim(const std::string& s) {
    const auto space = [](unsigned char c) { return std::isspace(c) != 0; };
    auto b = std::find_if_not(s.begin(), s.end(), space);
    auto e = std::find_if_not(s.rbegin(), s.rend(), space).base();
    return b < e ? std::string(b, e) : std::string();
}

// Harm categories match as the --category filter does (core/name_match.hpp).
std::string key(const std::string& category) { return name_key(category); }

// police.uk's "Anti-social behaviour", and the spellings councils use for it.
bool is_anti_social_behaviour(const std::string& category) {
    std::string letters;
    for (char c : key(category))
        if (std::isalnum(static_cast<unsigned char>(c))) letters += c;
    return letters == "antisocialbehaviour" || letters == "asb";
}

const std::map<std::string, std::string> k_bundled_files = {
    {k_harm_table_ons_css, "harm/ons-css/policeuk_categories.csv"},
    {k_harm_table_ons_css_offences, "harm/ons-css/offences.csv"},
};

} // namespace

std::optional<double> HarmTable::find(const std::string& category) const {
    const std::string k = key(category);
    for (const auto& [name, weight] : weights)
        if (key(name) == k) return weight;
    return std::nullopt;
}

double HarmTable::at(const std::string& category) const {
    if (auto w = find(category)) return *w;
    throw std::out_of_range("harm table " + source + ": no weight for '" + category + "'");
}

std::string resolve_harm_table(const std::string& name_or_path) {
    auto it = k_bundled_files.find(name_or_path);
    if (it == k_bundled_files.end()) return name_or_path;
    return find_asset_dir(it->second) + "/" + it->second;
}

HarmTable load_harm_table(const std::string& name_or_path) {
    HarmTable table;
    table.source = resolve_harm_table(name_or_path);
    if (k_bundled_files.count(name_or_path)) table.bundled = name_or_path;
    const std::string& path = table.source;
    CsvReader reader(path);
    CsvRecord r;
    if (!reader.next(r)) throw SchemaError(fmt::format("{}: empty harm table", path));
    auto column = [&](const char* name) -> std::optional<std::size_t> {
        auto it = std::find_if(r.fields.begin(), r.fields.end(), [&](const std::string& f) { return key(f) == name; });
        if (it == r.fields.end()) return std::nullopt;
        return static_cast<std::size_t>(it - r.fields.begin());
    };
    auto category_column = column("category");
    if (!category_column) category_column = column("home_office_code");
    if (!category_column) throw SchemaError(fmt::format("{}: line 1: no 'category' column (nor 'home_office_code')", path));
    auto weight_column = column("weight");
    if (!weight_column) throw SchemaError(fmt::format("{}: line 1: no 'weight' column", path));
    const std::size_t category = *category_column, weight = *weight_column;
    std::map<std::string, std::int64_t> line_of; // key -> line first listed
    while (reader.next(r)) {
        if (r.fields.size() == 1 && r.fields[0].empty()) continue;
        if (r.fields.size() <= std::max(category, weight))
            throw SchemaError(fmt::format("{}: line {}: too few fields", path, r.line));
        auto w = parse_number(r.fields[weight]);
        if (!w || *w < 0) throw SchemaError(fmt::format("{}: line {}: weight '{}' is not a number >= 0", path, r.line, r.fields[weight]));
        const std::string name = trim(r.fields[category]);
        if (auto [it, fresh] = line_of.emplace(key(name), r.line); !fresh)
            throw SchemaError(fmt::format("{}: line {}: category '{}' is listed twice (first on line {}; case and spacing are ignored)",
                                          path, r.line, name, it->second));
        table.weights.emplace(name, *w);
    }
    return table;
}

void apply_harm(PointSet& points, const HarmTable& table, std::optional<double> fallback) {
    std::vector<std::optional<double>> weight_of(points.categories.size());
    std::vector<std::int64_t> count_of(points.categories.size(), 0);
    for (std::uint16_t c : points.category) ++count_of[c];
    std::string missing;
    std::size_t n_missing = 0, n_asb = 0;
    for (std::size_t c = 0; c < points.categories.size(); ++c) {
        const std::string& name = points.categories[c];
        if (auto w = table.find(name)) {
            weight_of[c] = *w;
        } else if (fallback) {
            weight_of[c] = *fallback;
            if (count_of[c] > 0) points.report.note("harm_default_applied:" + name, count_of[c]);
        } else {
            missing += fmt::format("{}'{}'", n_missing++ ? ", " : "", name);
            if (is_anti_social_behaviour(name)) ++n_asb;
        }
    }
    if (n_missing > 0) {
        std::string message = fmt::format("the harm table ({}) has no weight for {}", table.bundled.empty() ? table.source : table.bundled, missing);
        if (n_asb > 0) {
            message += table.bundled.empty() ? ": anti-social behaviour is not a crime, so crime harm indices give it no weight"
                                             : ": anti-social behaviour is not a crime and has no ONS Crime Severity Score weight";
            message += n_asb < n_missing ? "; add the others to the table, and give" : "; give";
            message += " anti-social behaviour a weight with --harm-default W (the summary reports how many incidents took it), "
                       "or leave it out by naming the crime types with --category";
        } else {
            message += "; add them to the table, or give --harm-default W to weigh them W";
        }
        throw ConfigError(message);
    }
    for (std::size_t i = 0; i < points.size(); ++i) points.weight[i] = *weight_of[points.category[i]];
}

} // namespace safermap::io
