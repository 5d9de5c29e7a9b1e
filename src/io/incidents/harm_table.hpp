// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/point_loader.hpp"

#include <cstddef>
#include <map>
#include <optional>
#include <string>

namespace safermap::io {

// Bundled harm tables, by name (assets/harm/ons-css/README.md gives sources and method):
// "ons-css": ONS Crime Severity Score, one weight per police.uk crime type (days of custody);
// "ons-css-offences": the same, per Home Office offence code, for data that carries the codes.
// Anti-social behaviour is not a crime and has no weight in either.
inline constexpr const char* k_harm_table_ons_css = "ons-css";
inline constexpr const char* k_harm_table_ons_css_offences = "ons-css-offences";

// Harm weights by category (police.uk crime type, a council category or a Home Office offence
// code). Categories match by name_key (core/name_match.hpp): ignoring ASCII case, surrounding
// spaces and runs of inner spaces, as the --category filter does.
struct HarmTable {
    std::map<std::string, double> weights; // category as written in the file (trimmed) -> weight
    std::string source;                    // the file it was read from
    std::string bundled;                   // the bundled name it was asked for, "" for a user's file

    std::size_t size() const { return weights.size(); }
    std::optional<double> find(const std::string& category) const;
    double at(const std::string& category) const; // throws std::out_of_range when absent
};

// The file behind `name_or_path`: a bundled name resolves inside the assets folder
// (find_asset_dir; throws IoError when it cannot be found); anything else is a path, returned
// as given (so a file called "ons-css" must be given as "./ons-css").
std::string resolve_harm_table(const std::string& name_or_path);

// Reads a bundled table by name, or a CSV whose header has a `weight` column and a key column:
// `category`, or failing that `home_office_code`; other columns (a source note) are ignored.
// Throws IoError (unreadable) or SchemaError naming the file and line for a missing column, a
// weight that is not a number >= 0, or a category listed twice (by name_key).
HarmTable load_harm_table(const std::string& name_or_path);

// Replaces every point's weight by its category's harm weight. Categories the table lacks take
// `fallback`, and each is recorded in points.report as note "harm_default_applied:<category>"
// with its number of incidents, so summaries can say so. Without a fallback they are an error
// (ConfigError) naming each; when one is anti-social behaviour, the message says it is not a
// crime, has no weight, and must be given one with --harm-default W or be left out.
void apply_harm(PointSet& points, const HarmTable& table, std::optional<double> fallback);

} // namespace safermap::io
