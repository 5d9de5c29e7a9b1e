// SPDX-License-Identifier: MIT
#include "io/project/filter_resolution.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/place_reader.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::io {

namespace {

std::vector<std::string> distinct(ProjectStore& store, const std::string& sql) {
    std::vector<std::string> out;
    for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        if (f.IsFieldSetAndNotNull(0)) out.emplace_back(f.GetFieldAsString(0));
    });
    return out;
}

// The crime types present, sorted byte by byte. PostgreSQL walks its category index from one
// value to the next (a loose index scan: one probe per type, where SELECT DISTINCT reads every
// row, 1.2 s on 6 million); a GeoPackage has no such index and scans.
std::string distinct_categories_sql(SqlDialect dialect) {
    const std::string_view t = schema::k_incidents;
    if (dialect == SqlDialect::postgres)
        return fmt::format("WITH RECURSIVE types(category) AS (SELECT MIN(category) FROM {0} WHERE category <> '' UNION ALL "
                           "SELECT (SELECT MIN(category) FROM {0} WHERE category > types.category) FROM types WHERE types.category "
                           "IS NOT NULL) SELECT category FROM types WHERE category IS NOT NULL",
                           t);
    return fmt::format("SELECT DISTINCT {} FROM {} WHERE category <> '' ORDER BY category", sortable_text(dialect, "category"), t);
}

void resolve_categories(ProjectStore& store, PointFilter& filter) {
    if (filter.categories.empty()) return;
    const auto existing = distinct(store, distinct_categories_sql(store.dialect()));
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

// The places of the project whose name or code is `area`, exactly as stored.
std::vector<Place> places_named(ProjectStore& store, const std::string& area) {
    std::vector<Place> out;
    for (auto& p : read_places(store))
        if (p.name == area || p.code == area) out.push_back(std::move(p));
    return out;
}

// "within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)".
std::string place_area_note(const std::vector<Place>& places) {
    std::size_t stops = 0;
    for (const auto& p : places) stops += p.stops.size();
    const std::string which = stops == 1 ? "the bus stop" : fmt::format("the {} bus stops", stops);
    const std::string source =
        places.size() == 1 ? "NaPTAN; no boundary" : fmt::format("NaPTAN: {} localities of that name; no boundary", places.size());
    return fmt::format("within {:g} m of {} of {} ({})", k_stop_catchment_m, which, places.front().name, source);
}

// The places' names, sorted, each once (for messages).
std::vector<std::string> place_names(const std::vector<Place>& places) {
    std::vector<std::string> out;
    for (const auto& p : places) out.push_back(p.name);
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

// "A, B, ... (12 more)".
std::string listing(const std::vector<std::string>& names, std::size_t limit = 40) {
    std::string out;
    for (std::size_t i = 0; i < names.size() && i < limit; ++i) out += (i ? ", " : "") + names[i];
    if (names.size() > limit) out += fmt::format(", ... ({} more)", names.size() - limit);
    return out;
}

// Looks the area up among the places; true when found (the filter then names the place).
bool resolve_place(ProjectStore& store, PointFilter& filter, const std::vector<Place>& places) {
    std::vector<std::string> names, codes;
    for (const auto& p : places) {
        names.push_back(p.name);
        codes.push_back(p.code);
    }
    std::optional<std::string> found = find_name(filter.area, names);
    if (!found) found = find_name(filter.area, codes);
    if (!found) return false;
    filter.area = *found;
    filter.area_kind = std::string(k_place_area_kind);
    filter.area_note = place_area_note(places_named(store, *found));
    return true;
}

void resolve_area(ProjectStore& store, PointFilter& filter) {
    filter.area_note.clear();
    if (filter.area.empty()) return;
    if (!filter.area_kind.empty() && name_key(filter.area_kind) == k_place_area_kind) {
        const auto places = read_places(store);
        if (resolve_place(store, filter, places)) return;
        throw ConfigError(no_such_name_message("place", filter.area, store.path(), place_names(places)));
    }
    const std::string kind_clause = filter.area_kind.empty() ? "" : " WHERE kind = " + sql_quote(filter.area_kind);
    if (!filter.area_kind.empty()) {
        const auto kinds = distinct(store, fmt::format("SELECT DISTINCT {} FROM {} ORDER BY kind", sortable_text(store.dialect(), "kind"), schema::k_boundaries));
        if (!find_name(filter.area_kind, kinds)) throw ConfigError(no_such_name_message("boundary kind", filter.area_kind, store.path(), kinds));
    }
    const auto names = distinct(store, fmt::format("SELECT DISTINCT {} FROM {}{} ORDER BY name", sortable_text(store.dialect(), "name"),
                                                   schema::k_boundaries, kind_clause));
    const auto codes = distinct(store, fmt::format("SELECT DISTINCT {} FROM {}{} ORDER BY code", sortable_text(store.dialect(), "code"),
                                                   schema::k_boundaries, kind_clause));
    if (auto n = find_name(filter.area, names)) {
        filter.area = *n;
        return;
    }
    if (auto c = find_name(filter.area, codes)) {
        filter.area = *c;
        return;
    }
    const std::string where = filter.area_kind.empty() ? store.path() : fmt::format("{} (kind {})", store.path(), filter.area_kind);
    const auto places = filter.area_kind.empty() ? read_places(store) : std::vector<Place>{};
    if (places.empty()) throw ConfigError(no_such_name_message("area", filter.area, where, names));
    if (resolve_place(store, filter, places)) return;
    // Both lists, each up to the limit, and the closest name of either.
    const auto places_listed = place_names(places);
    std::vector<std::string> all = names;
    all.insert(all.end(), places_listed.begin(), places_listed.end());
    std::string message = fmt::format("no area '{}'; {} has boundaries: {}; and places (NaPTAN localities, no boundary): {}",
                                      filter.area, where, names.empty() ? "none" : listing(names), listing(places_listed));
    if (auto near = closest_name(filter.area, all)) message += fmt::format(" (did you mean '{}'?)", *near);
    throw ConfigError(message);
}

// Circles of k_stop_catchment_m around the stops of `places`.
std::vector<geo::GeomPtr> stop_catchments(const std::vector<Place>& places, const geo::GeosContext& geos) {
    // 8 segments a quadrant (GEOS's default): a circle's area within 0.7% of a true one's.
    constexpr int k_quadrant_segments = 8;
    std::vector<geo::GeomPtr> out;
    for (const auto& p : places) {
        for (const auto& xy : p.stops) {
            geo::GeomPtr point = geo::make_geom(geos, GEOSGeom_createPointFromXY_r(geos.handle(), xy.x, xy.y));
            geo::GeomPtr circle =
                point ? geo::make_geom(geos, GEOSBuffer_r(geos.handle(), point.get(), k_stop_catchment_m, k_quadrant_segments)) : nullptr;
            if (!circle) throw Error(fmt::format("place {}: cannot draw a circle round a stop ({})", p.name, geos.last_message()));
            out.push_back(std::move(circle));
        }
    }
    return out;
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

namespace {

// Incidents whose point lies in `box`, by the spatial index; "" when the project has none to ask
// (a GeoPackage written without its R-tree), leaving the area to the exact test alone.
std::string incidents_in_box(ProjectStore& store, const geo::Bounds& box) {
    // A metre's margin: the exact test decides, so the box must only never be too small.
    const double x0 = box.min_x - 1, y0 = box.min_y - 1, x1 = box.max_x + 1, y1 = box.max_y + 1;
    if (store.dialect() == SqlDialect::postgres) {
        const OGRSpatialReference* srs = store.layer(schema::k_incidents).GetSpatialRef();
        const char* code = srs ? srs->GetAuthorityCode(nullptr) : nullptr;
        return fmt::format("geom && ST_MakeEnvelope({:.17g}, {:.17g}, {:.17g}, {:.17g}, {})", x0, y0, x1, y1, code ? code : "0");
    }
    const std::string rtree = fmt::format("rtree_{}_geom", schema::k_incidents);
    bool indexed = false;
    for_each_row(store.dataset(), store.path(), fmt::format("SELECT COUNT(*) FROM sqlite_master WHERE name = {}", sql_quote(rtree)),
                 [&](OGRFeature& f) { indexed = f.GetFieldAsInteger64(0) > 0; });
    if (!indexed) return "";
    // SQLite's R-tree rounds each box outwards to single precision, so it never misses a point.
    return fmt::format("fid IN (SELECT id FROM \"{}\" WHERE minx <= {:.17g} AND maxx >= {:.17g} AND miny <= {:.17g} AND maxy >= {:.17g})",
                       rtree, x1, x0, y1, y0);
}

} // namespace

std::string filter_sql_where(ProjectStore& store, const PointFilter& filter, const geo::StudyArea* area, Unplaced unplaced) {
    std::vector<std::string> where;
    if (!filter.from_month.empty()) where.push_back(fmt::format("month >= '{}'", month_text(month_index(filter.from_month, "--from"))));
    if (!filter.to_month.empty()) where.push_back(fmt::format("month <= '{}'", month_text(month_index(filter.to_month, "--to"))));
    if (!filter.categories.empty()) {
        std::string list;
        for (const auto& c : filter.categories) list += (list.empty() ? "" : ", ") + sql_quote(c);
        where.push_back(fmt::format("category IN ({})", list));
    }
    if (area) {
        const std::string in_box = incidents_in_box(store, area->bounds());
        if (!in_box.empty()) where.push_back(unplaced == Unplaced::keep ? fmt::format("({} OR geom IS NULL)", in_box) : in_box);
    }
    std::string sql;
    for (std::size_t i = 0; i < where.size(); ++i) sql += (i == 0 ? " WHERE " : " AND ") + where[i];
    return sql;
}

std::vector<geo::GeomPtr> read_named_boundary(ProjectStore& store, const std::string& area, const std::string& kind,
                                              const geo::GeosContext& geos) {
    const bool place_kind = kind == k_place_area_kind;
    std::vector<geo::GeomPtr> polygons;
    if (!place_kind) {
        std::string where = kind.empty() ? "" : fmt::format("kind = {} AND ", sql_quote(kind));
        where += fmt::format("(name = {0} OR code = {0})", sql_quote(area));
        read_boundaries(store, where, geos, [&](StoredBoundary&& b) { polygons.push_back(std::move(b.geometry)); });
    }
    if (polygons.empty() && (place_kind || kind.empty())) polygons = stop_catchments(places_named(store, area), geos);
    if (polygons.empty())
        throw ConfigError(fmt::format("{}: no {} named or coded '{}'{}", store.path(), place_kind ? "place" : "boundary", area,
                                      kind.empty() || place_kind ? "" : fmt::format(" of kind {}", kind)));
    return polygons;
}

std::unique_ptr<geo::StudyArea> load_filter_area(ProjectStore& store, const PointFilter& filter, const geo::GeosContext& geos) {
    if (filter.area.empty()) return nullptr;
    return std::make_unique<geo::StudyArea>(geos, read_named_boundary(store, filter.area, filter.area_kind, geos),
                                            filter.area_note.empty() ? filter.area : filter.area_note);
}

} // namespace safermap::io
