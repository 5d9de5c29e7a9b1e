// SPDX-License-Identifier: MIT
#include "io/features/polygon_loader.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "geo/make_valid.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/features/ons_fields.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace safermap::io {

PolygonSet load_project_polygons(const std::string& project, const std::string& kind, const geo::GeosContext& geos,
                                 const std::string& population_field) {
    ProjectStore store = ProjectStore::open(project, false);
    struct Row { std::string code, name; geo::GeomPtr geom; double population; };
    std::vector<Row> rows;
    read_boundaries(store, "kind = " + sql_quote(kind), geos, [&](StoredBoundary&& b) {
        double population = 0;
        if (!population_field.empty()) {
            auto j = nlohmann::json::parse(b.attributes_json.empty() ? "{}" : b.attributes_json, nullptr, false);
            std::optional<double> v;
            if (j.is_object() && j.contains(population_field)) {
                const auto& f = j[population_field];
                v = f.is_number() ? std::optional<double>(f.get<double>()) : f.is_string() ? parse_number(f.get<std::string>()) : std::nullopt;
            }
            if (!v) throw ConfigError(fmt::format("{}: {} boundary {} ('{}') has no numeric '{}' in its source fields", project, kind, b.code, b.name, population_field));
            population = *v;
        }
        rows.push_back({b.code, b.name, std::move(b.geometry), population});
    });
    if (rows.empty()) {
        std::vector<std::string> kinds;
        for_each_row(store.dataset(), store.path(), fmt::format("SELECT DISTINCT {} FROM boundaries ORDER BY kind", sortable_text(store.dialect(), "kind")),
                     [&](OGRFeature& f) { kinds.emplace_back(f.GetFieldAsString(0)); });
        throw ConfigError(no_such_name_message("boundary kind", kind, project, kinds) +
                          fmt::format("; import them with --boundaries FILE --kind {}", kind));
    }
    std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.code < b.code; });
    PolygonSet out;
    out.crs = store.working_crs();
    std::vector<geo::GeomPtr> geoms;
    for (auto& r : rows) {
        out.code.push_back(r.code);
        out.name.push_back(r.name);
        if (!population_field.empty()) out.population.push_back(r.population);
        geoms.push_back(std::move(r.geom));
    }
    out.index = std::make_unique<geo::PolygonIndex>(geos, std::move(geoms));
    return out;
}

PolygonSet load_file_polygons(const std::string& path, const std::string& field, const std::string& working_crs,
                              const std::string& crs_override, const geo::GeosContext& geos, const std::string& population_field) {
    VectorSource src = open_vector(path, {.layer = "", .crs_override = working_crs == "none" ? "none" : crs_override,
                                          .gdal_open_options = {}});
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    int value_idx = field.empty() ? -1 : require_field(defn, field, path, "--field");
    int population_idx = population_field.empty() ? -1 : require_field(defn, population_field, path, "--per-1000");
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    // Name and code as for boundaries; a layer without them gets feature ids.
    int name_idx = -1, code_idx = -1;
    try {
        NameCodeFields nc = detect_name_code_fields(names, AreaKind::custom, "", "", path);
        name_idx = defn.GetFieldIndex(nc.name.c_str());
        code_idx = nc.code.empty() ? -1 : defn.GetFieldIndex(nc.code.c_str());
    } catch (const SchemaError&) {
    }
    std::unique_ptr<geo::Reprojector> to_working =
        working_crs == "none" ? geo::Reprojector::planar() : std::make_unique<geo::Reprojector>(src.crs, working_crs);
    PolygonSet out;
    out.crs = working_crs;
    std::vector<geo::GeomPtr> geoms;
    long long n = 0;
    while (OGRFeatureUniquePtr f = next_feature(src, n)) {
        ++n;
        const OGRGeometry* g = f->GetGeometryRef();
        auto type = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
        if (type != wkbPolygon && type != wkbMultiPolygon)
            throw SchemaError(fmt::format("{}: feature {}: not a polygon", path, f->GetFID()));
        geo::GeomPtr working = to_working_geos(geos, *g, *to_working);
        if (!working) throw CrsError(fmt::format("{}: feature {}: cannot reproject to {}", path, f->GetFID(), working_crs));
        geo::PolygonRepair repair = geo::repair_polygonal(geos, working.get());
        if (!repair.geometry) throw SchemaError(fmt::format("{}: feature {}: invalid polygon ({})", path, f->GetFID(), repair.reason));
        if (value_idx >= 0) {
            if (!f->IsFieldSetAndNotNull(value_idx))
                throw SchemaError(fmt::format("{}: feature {}: field '{}' is empty", path, f->GetFID(), field));
            out.value.push_back(f->GetFieldAsDouble(value_idx));
        }
        if (population_idx >= 0) {
            if (!f->IsFieldSetAndNotNull(population_idx))
                throw SchemaError(fmt::format("{}: feature {}: field '{}' is empty", path, f->GetFID(), population_field));
            out.population.push_back(f->GetFieldAsDouble(population_idx));
        }
        std::string code = code_idx >= 0 ? field_text(*f, code_idx) : std::to_string(f->GetFID());
        out.code.push_back(code);
        out.name.push_back(name_idx >= 0 ? field_text(*f, name_idx) : code);
        geoms.push_back(std::move(repair.geometry));
    }
    if (geoms.size() < 3) throw SchemaError(fmt::format("{}: {} polygons; spatial statistics need at least 3", path, geoms.size()));
    out.index = std::make_unique<geo::PolygonIndex>(geos, std::move(geoms));
    return out;
}

} // namespace safermap::io
