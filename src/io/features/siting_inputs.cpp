// SPDX-License-Identifier: MIT
#include "io/features/siting_inputs.hpp"

#include "core/error.hpp"
#include "geo/make_valid.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/features/point_csv.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/gdal/vector_source.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_set>

namespace safermap::io {

namespace {

std::optional<double> optional_number(const std::string& text, const std::string& where, const char* what) {
    if (std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isspace(c); })) return std::nullopt;
    auto v = parse_number(text);
    if (!v || !std::isfinite(*v)) throw SchemaError(fmt::format("{}: {} '{}' is not a number", where, what, text));
    return v;
}

std::optional<double> optional_heading(const std::string& text, const std::string& where) {
    auto h = optional_number(text, where, "heading");
    if (h && !(*h >= 0 && *h <= 360)) throw SchemaError(fmt::format("{}: heading {} is not in 0..360 degrees", where, *h));
    return h;
}

void check_unique(const CandidateSites& c, const std::string& path) {
    if (c.size() == 0) throw SchemaError(fmt::format("{}: no candidate sites", path));
    std::unordered_set<std::string> seen;
    for (std::size_t i = 0; i < c.size(); ++i)
        if (!seen.insert(c.id[i]).second) throw SchemaError(fmt::format("{}: candidate id '{}' is used twice", c.where[i], c.id[i]));
}

int csv_column(const CsvHeader& header, const std::string& name, const std::string& path, const char* what) {
    const int i = header.find({name});
    if (i < 0) throw SchemaError(fmt::format("{}: no column '{}' ({}); columns: {}", path, name, what, header.listing()));
    return i;
}

CandidateSites read_csv(const std::string& path, const CandidateFileOptions& options) {
    CsvReader reader(path);
    CsvRecord record;
    if (!reader.next(record)) throw SchemaError(fmt::format("{}: empty file (no header row)", path));
    const CsvHeader header(record.fields);
    const int id = csv_column(header, options.id_field.empty() ? "id" : options.id_field, path, "the candidate's id");
    const int x = csv_column(header, "x", path, "the candidate's x in the working CRS");
    const int y = csv_column(header, "y", path, "the candidate's y in the working CRS");
    const int heading = header.find({"heading_deg", "heading", "bearing"});
    const int cost = options.cost_field.empty() ? header.find({"cost"}) : csv_column(header, options.cost_field, path, "--cost-field");
    CandidateSites out;
    while (reader.next(record)) {
        if (std::all_of(record.fields.begin(), record.fields.end(), [](const std::string& f) { return f.empty(); })) continue;
        const std::string where = fmt::format("{} line {}", path, record.line);
        const auto vx = optional_number(field_or_empty(record.fields, x), where, "x");
        const auto vy = optional_number(field_or_empty(record.fields, y), where, "y");
        if (!vx || !vy) throw SchemaError(fmt::format("{}: x or y is blank", where));
        std::string name = field_or_empty(record.fields, id);
        if (name.empty()) throw SchemaError(fmt::format("{}: the id is blank", where));
        out.id.push_back(std::move(name));
        out.x.push_back(*vx);
        out.y.push_back(*vy);
        out.heading_deg.push_back(heading < 0 ? std::nullopt : optional_heading(field_or_empty(record.fields, heading), where));
        out.cost.push_back(cost < 0 ? std::nullopt : optional_number(field_or_empty(record.fields, cost), where, "cost"));
        out.where.push_back(where);
    }
    return out;
}

CandidateSites read_layer(const std::string& path, const CandidateFileOptions& options, const geo::GeosContext& geos) {
    const bool planar = options.working_crs == "none";
    VectorSource src = open_vector(path, {.layer = "", .crs_override = planar ? "none" : "", .gdal_open_options = {}});
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    const int id = options.id_field.empty() ? find_field(defn, {"id", "site_id", "candidate_id", "name"})
                                            : require_field(defn, options.id_field, path, "--id-field");
    const int cost = options.cost_field.empty() ? find_field(defn, {"cost"}) : require_field(defn, options.cost_field, path, "--cost-field");
    const int heading = find_field(defn, {"heading_deg", "heading", "bearing"});
    std::unique_ptr<geo::Reprojector> to_working =
        planar ? geo::Reprojector::planar() : std::make_unique<geo::Reprojector>(src.crs, options.working_crs);
    CandidateSites out;
    std::size_t points = 0;
    long long n = 0;
    while (OGRFeatureUniquePtr f = next_feature(src, n)) {
        ++n;
        const std::string where = fmt::format("{} feature {}", path, f->GetFID());
        const OGRGeometry* g = f->GetGeometryRef();
        const auto type = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
        double x = 0, y = 0;
        if (type == wkbPoint) {
            x = g->toPoint()->getX();
            y = g->toPoint()->getY();
            if (!to_working->transform(x, y)) throw CrsError(fmt::format("{}: cannot reproject to {}", where, options.working_crs));
            ++points;
        } else if (type == wkbLineString || type == wkbMultiLineString) {
            geo::GeomPtr line = to_working_geos(geos, *g, *to_working);
            if (!line) throw CrsError(fmt::format("{}: cannot reproject to {}", where, options.working_crs));
            geo::GeomPtr on = geo::make_geom(geos, GEOSPointOnSurface_r(geos.handle(), line.get()));
            if (!on || GEOSGeomGetX_r(geos.handle(), on.get(), &x) != 1 || GEOSGeomGetY_r(geos.handle(), on.get(), &y) != 1)
                throw SchemaError(fmt::format("{}: an empty line", where));
            out.lines.push_back(std::move(line));
        } else {
            throw SchemaError(fmt::format("{}: {} is neither a point nor a line", where, g ? OGRGeometryTypeToName(type) : "no geometry"));
        }
        std::string name = id >= 0 ? field_text(*f, id) : std::to_string(f->GetFID());
        if (name.empty()) throw SchemaError(fmt::format("{}: the id is blank", where));
        out.id.push_back(std::move(name));
        out.x.push_back(x);
        out.y.push_back(y);
        out.heading_deg.push_back(heading < 0 ? std::nullopt : optional_heading(field_text(*f, heading), where));
        out.cost.push_back(cost < 0 ? std::nullopt : optional_number(field_text(*f, cost), where, "cost"));
        out.where.push_back(where);
    }
    if (points > 0 && !out.lines.empty())
        throw SchemaError(fmt::format("{}: mixes {} points and {} lines; give candidates of one kind", path, points, out.lines.size()));
    return out;
}

std::optional<double> optional_field(const OGRFeature& f, int i) {
    if (i < 0 || !f.IsFieldSetAndNotNull(i)) return std::nullopt;
    return f.GetFieldAsDouble(i);
}

} // namespace

CandidateSites load_candidate_sites(const std::string& path, const CandidateFileOptions& options, const geo::GeosContext& geos) {
    CandidateSites out = is_csv_path(path) ? read_csv(path, options) : read_layer(path, options, geos);
    check_unique(out, path);
    return out;
}

std::vector<ExistingCamera> load_project_cctv(const std::string& project) {
    ProjectStore store = ProjectStore::open(project, false);
    OGRLayer& layer = store.layer(schema::k_cctv);
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    const int id = defn.GetFieldIndex("site_id"), type = defn.GetFieldIndex("type"), heading = defn.GetFieldIndex("heading_deg"),
              fov = defn.GetFieldIndex("fov_deg"), range = defn.GetFieldIndex("range_m");
    std::vector<ExistingCamera> out;
    layer.ResetReading();
    for (auto& f : layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || wkbFlatten(g->getGeometryType()) != wkbPoint) continue;
        ExistingCamera c;
        c.id = field_text(*f, id);
        c.type = field_text(*f, type);
        c.x = g->toPoint()->getX();
        c.y = g->toPoint()->getY();
        c.heading_deg = optional_field(*f, heading);
        c.fov_deg = optional_field(*f, fov);
        c.range_m = optional_field(*f, range);
        out.push_back(std::move(c));
    }
    return out;
}

std::vector<geo::GeomPtr> load_obstacle_polygons(const std::string& path, const std::string& working_crs, const geo::GeosContext& geos) {
    const bool planar = working_crs == "none";
    VectorSource src = open_vector(path, {.layer = "", .crs_override = planar ? "none" : "", .gdal_open_options = {}});
    std::unique_ptr<geo::Reprojector> to_working = planar ? geo::Reprojector::planar() : std::make_unique<geo::Reprojector>(src.crs, working_crs);
    std::vector<geo::GeomPtr> out;
    long long n = 0;
    while (OGRFeatureUniquePtr f = next_feature(src, n)) {
        ++n;
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g) continue;
        const auto type = wkbFlatten(g->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon)
            throw SchemaError(fmt::format("{} feature {}: {} is not a polygon (obstacles are buildings or other areas)", path,
                                          f->GetFID(), OGRGeometryTypeToName(type)));
        geo::GeomPtr working = to_working_geos(geos, *g, *to_working);
        if (!working) throw CrsError(fmt::format("{} feature {}: cannot reproject to {}", path, f->GetFID(), working_crs));
        geo::PolygonRepair repair = geo::repair_polygonal(geos, working.get());
        if (!repair.geometry) throw SchemaError(fmt::format("{} feature {}: invalid polygon ({})", path, f->GetFID(), repair.reason));
        out.push_back(std::move(repair.geometry));
    }
    return out;
}

} // namespace safermap::io
