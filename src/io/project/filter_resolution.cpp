// SPDX-License-Identifier: MIT
#include "io/project/filter_resolution.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

namespace safermap::io {

namespace {

std::vector<std::string> distinct(ProjectStore& store, const std::string& sql) {
    std::vector<std::string> out;
    for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        if (f.IsFieldSetAndNotNull(0)) out.emplace_back(f.GetFieldAsString(0));
    });
    return out;
}

void resolve_categories(ProjectStore& store, PointFilter& filter) {
    if (filter.categories.empty()) return;
    const auto existing =
        distinct(store, fmt::format("SELECT DISTINCT category FROM {} WHERE category <> '' ORDER BY category", schema::k_incidents));
    for (auto& wanted : filter.categories) {
        auto found = find_name(wanted, existing);
        if (!found) throw ConfigError(no_such_name_message("crime type", wanted, store.path(), existing));
        wanted = *found;
    }
}

void check_months(ProjectStore& store, const PointFilter& filter) {
    if (filter.from_month.empty() && filter.to_month.empty()) return;
    const std::int32_t from = filter.from_month.empty() ? INT32_MIN : month_index(filter.from_month, "--from");
    const std::int32_t to = filter.to_month.empty() ? INT32_MAX : month_index(filter.to_month, "--to");
    if (from > to) throw ConfigError(fmt::format("--from {} is after --to {}", filter.from_month, filter.to_month));
    const auto range = incident_month_range(store);
    if (!range) throw ConfigError(fmt::format("{}: no incident has a month, so --from/--to match nothing", store.path()));
    const auto& [first, last] = *range;
    if (to < month_index(first, "month") || from > month_index(last, "month"))
        throw ConfigError(fmt::format("no months {} to {} in {}; the project has {} to {}", filter.from_month.empty() ? "(start)" : filter.from_month,
                                      filter.to_month.empty() ? "(end)" : filter.to_month, store.path(), first, last));
}

void resolve_area(ProjectStore& store, PointFilter& filter) {
    if (filter.area.empty()) return;
    const std::string kind_clause = filter.area_kind.empty() ? "" : " WHERE kind = " + sql_quote(filter.area_kind);
    if (!filter.area_kind.empty()) {
        const auto kinds = distinct(store, fmt::format("SELECT DISTINCT kind FROM {} ORDER BY kind", schema::k_boundaries));
        if (!find_name(filter.area_kind, kinds)) throw ConfigError(no_such_name_message("boundary kind", filter.area_kind, store.path(), kinds));
    }
    const auto names = distinct(store, fmt::format("SELECT DISTINCT name FROM {}{} ORDER BY name", schema::k_boundaries, kind_clause));
    const auto codes = distinct(store, fmt::format("SELECT DISTINCT code FROM {}{} ORDER BY code", schema::k_boundaries, kind_clause));
    if (auto n = find_name(filter.area, names)) {
        filter.area = *n;
        return;
    }
    if (auto c = find_name(filter.area, codes)) {
        filter.area = *c;
        return;
    }
    const std::string where = filter.area_kind.empty() ? store.path() : fmt::format("{} (kind {})", store.path(), filter.area_kind);
    throw ConfigError(no_such_name_message("area", filter.area, where, names));
}

} // namespace

std::optional<std::pair<std::string, std::string>> incident_month_range(ProjectStore& store) {
    std::optional<std::pair<std::string, std::string>> out;
    for_each_row(store.dataset(), store.path(),
                 fmt::format("SELECT MIN(month), MAX(month) FROM {} WHERE month <> ''", schema::k_incidents), [&](OGRFeature& f) {
                     if (f.IsFieldSetAndNotNull(0) && f.IsFieldSetAndNotNull(1))
                         out.emplace(f.GetFieldAsString(0), f.GetFieldAsString(1));
                 });
    return out;
}

PointFilter resolve_project_filter(ProjectStore& store, const PointFilter& filter) {
    PointFilter out = filter;
    resolve_categories(store, out);
    check_months(store, out);
    resolve_area(store, out);
    return out;
}

std::string filter_sql_where(const PointFilter& filter) {
    std::vector<std::string> where;
    if (!filter.from_month.empty()) where.push_back(fmt::format("month >= '{}'", month_text(month_index(filter.from_month, "--from"))));
    if (!filter.to_month.empty()) where.push_back(fmt::format("month <= '{}'", month_text(month_index(filter.to_month, "--to"))));
    if (!filter.categories.empty()) {
        std::string list;
        for (const auto& c : filter.categories) list += (list.empty() ? "" : ", ") + sql_quote(c);
        where.push_back(fmt::format("category IN ({})", list));
    }
    std::string sql;
    for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    return sql;
}

std::vector<geo::GeomPtr> read_named_boundary(ProjectStore& store, const std::string& area, const std::string& kind,
                                              const geo::GeosContext& geos) {
    std::string where = kind.empty() ? "" : fmt::format("kind = {} AND ", sql_quote(kind));
    where += fmt::format("(name = {0} OR code = {0})", sql_quote(area));
    std::vector<geo::GeomPtr> polygons;
    read_boundaries(store, where, geos, [&](StoredBoundary&& b) { polygons.push_back(std::move(b.geometry)); });
    if (polygons.empty())
        throw ConfigError(fmt::format("{}: no boundary named or coded '{}'{}", store.path(), area,
                                      kind.empty() ? "" : fmt::format(" of kind {}", kind)));
    return polygons;
}

std::unique_ptr<geo::StudyArea> load_filter_area(ProjectStore& store, const PointFilter& filter, const geo::GeosContext& geos) {
    if (filter.area.empty()) return nullptr;
    return std::make_unique<geo::StudyArea>(geos, read_named_boundary(store, filter.area, filter.area_kind, geos), filter.area);
}

} // namespace safermap::io
