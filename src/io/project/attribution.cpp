// SPDX-License-Identifier: MIT
#include "io/project/attribution.hpp"

#include "io/gdal/sql_text.hpp"
#include "io/project/place_reader.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <filesystem>

namespace safermap::io {

namespace {

long long count(ProjectStore& store, const std::string& sql) { return sql_integer(store.dataset(), store.path(), sql); }

std::vector<std::string> distinct(ProjectStore& store, const std::string& sql) {
    std::vector<std::string> out;
    for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        if (f.IsFieldSetAndNotNull(0)) out.emplace_back(f.GetFieldAsString(0));
    });
    return out;
}

} // namespace

std::vector<AttributionLine> project_attribution(ProjectStore& store) {
    std::vector<AttributionLine> lines;
    const auto incidents = std::string(schema::k_incidents), boundaries = std::string(schema::k_boundaries);
    if (count(store, fmt::format("SELECT COUNT(*) FROM {} WHERE source_format = 'police.uk'", incidents)) > 0)
        lines.push_back({{"incidents"}, "Crime data: data.police.uk, Open Government Licence v3.0"});
    std::string partners;
    for (const auto& file : distinct(store, fmt::format("SELECT DISTINCT source_file FROM {} WHERE source_format <> 'police.uk'", incidents)))
        partners += (partners.empty() ? "" : ", ") + std::filesystem::path(file).filename().string();
    if (!partners.empty()) lines.push_back({{"incidents"}, "Incident data: " + partners + " (partner data)"});
    if (count(store, fmt::format("SELECT COUNT(*) FROM {} WHERE geocode_status = 'geocoded'", incidents)) > 0)
        lines.push_back({{"incidents"}, "Geocoding: contains OS data © Crown copyright and database right; contains Royal Mail data "
                                        "© Royal Mail copyright and database right"});
    // ONS boundaries carry GSS codes: a letter for the nation, then eight digits (E05012345).
    const std::string gss = is_gss_code(store.dialect(), "code");
    const std::string kind_item = sortable_text(store.dialect(), "kind");
    const auto ons_kinds = distinct(store, fmt::format("SELECT DISTINCT {} FROM {} WHERE {} ORDER BY kind", kind_item, boundaries, gss));
    if (!ons_kinds.empty())
        lines.push_back({ons_kinds, "Boundaries: Office for National Statistics, OGL v3.0; contains OS data © Crown copyright and database right"});
    for (const auto& kind : distinct(store, fmt::format("SELECT DISTINCT {} FROM {} WHERE NOT {} ORDER BY kind", kind_item, boundaries, gss)))
        lines.push_back({{kind}, "Areas (" + kind + "): drawn by the partnership"});
    if (has_places(store) && count(store, fmt::format("SELECT COUNT(*) FROM {}", schema::k_places)) > 0)
        lines.push_back({{"places"}, "Place names: contains public sector information licensed under the Open Government Licence "
                                     "v3.0 (NaPTAN, Department for Transport)"});
    if (count(store, fmt::format("SELECT COUNT(*) FROM {} WHERE illustrative = 1", schema::k_cctv)) > 0)
        lines.push_back({{"cctv"}, "CCTV sites marked ILLUSTRATIVE are made up, not real positions"});
    if (count(store, fmt::format("SELECT COUNT(*) FROM {} WHERE illustrative = 1", schema::k_interventions)) > 0)
        lines.push_back({{"interventions"}, "Interventions marked ILLUSTRATIVE are made up, not real schemes"});
    return lines;
}

std::vector<std::string> attribution_for(const std::vector<AttributionLine>& lines,
                                         const std::function<bool(const std::string& layer)>& shown) {
    std::vector<std::string> out;
    for (const auto& line : lines) {
        if (std::find(out.begin(), out.end(), line.text) != out.end()) continue;
        if (std::any_of(line.layers.begin(), line.layers.end(), shown)) out.push_back(line.text);
    }
    return out;
}

} // namespace safermap::io
