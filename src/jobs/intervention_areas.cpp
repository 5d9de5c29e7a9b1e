// SPDX-License-Identifier: MIT
#include "jobs/intervention_areas.hpp"

#include "core/error.hpp"
#include "geo/make_valid.hpp"
#include "geo/reprojector.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/gdal/vector_source.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

#include <memory>

namespace safermap::jobs {

namespace {

// GEOS's quadrant segments for buffers: 16 makes a circle a 64-gon, 0.16% short of pi r².
constexpr int k_quadrant_segments = 16;

geo::GeomPtr union_of(const geo::GeosContext& geos, std::vector<geo::GeomPtr> parts) {
    std::vector<GEOSGeometry*> raw;
    raw.reserve(parts.size());
    for (auto& p : parts) raw.push_back(p.release());
    // The collection takes ownership of the parts.
    geo::GeomPtr collection = geo::make_geom(
        geos, GEOSGeom_createCollection_r(geos.handle(), GEOS_GEOMETRYCOLLECTION, raw.data(), static_cast<unsigned>(raw.size())));
    geo::GeomPtr out = geo::make_geom(geos, GEOSUnaryUnion_r(geos.handle(), collection.get()));
    if (!out) throw Error("cannot union geometries: " + geos.last_message());
    return out;
}

const char* shape_word(const geo::GeosContext& geos, const GEOSGeometry* g) {
    switch (GEOSGeomTypeId_r(geos.handle(), g)) {
    case GEOS_POINT: return "point";
    case GEOS_MULTIPOINT: return "points";
    case GEOS_LINESTRING: return "line";
    case GEOS_MULTILINESTRING: return "lines";
    default: return "geometry";
    }
}

} // namespace

bool is_polygonal(const geo::GeosContext& geos, const GEOSGeometry* geometry) {
    const int type = GEOSGeomTypeId_r(geos.handle(), geometry);
    return type == GEOS_POLYGON || type == GEOS_MULTIPOLYGON;
}

double area_km2(const geo::GeosContext& geos, const GEOSGeometry* geometry) {
    double a = 0;
    GEOSArea_r(geos.handle(), geometry, &a);
    return a / 1e6;
}

std::vector<InterventionSite> read_interventions(const std::string& project, const geo::GeosContext& geos) {
    io::ProjectStore store = io::ProjectStore::open(project, false);
    OGRLayer& layer = store.layer(io::schema::k_interventions);
    layer.ResetReading();
    std::vector<InterventionSite> out;
    std::vector<unsigned char> wkb;
    for (auto& f : layer) {
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) continue;
        wkb.resize(g->WkbSize());
        g->exportToWkb(wkbNDR, wkb.data(), wkbVariantIso);
        InterventionSite site;
        site.id = f->GetFieldAsString("intervention_id");
        site.type = f->GetFieldAsString("type");
        site.install_date = f->GetFieldAsString("install_date");
        site.description = f->GetFieldAsString("description");
        site.illustrative = f->GetFieldAsInteger("illustrative") != 0;
        site.geometry = geo::read_wkb(geos, {reinterpret_cast<const char*>(wkb.data()), wkb.size()});
        if (!site.geometry) throw SchemaError(fmt::format("{}: intervention {}: unreadable geometry", project, site.id));
        out.push_back(std::move(site));
    }
    return out;
}

EvaluationArea treatment_area(const std::string& name, const GEOSGeometry* geometry, double radius_m, const geo::GeosContext& geos) {
    EvaluationArea out;
    out.name = name;
    if (is_polygonal(geos, geometry)) {
        out.geometry = geo::make_geom(geos, GEOSGeom_clone_r(geos.handle(), geometry));
        out.how = "the scheme's polygon";
    } else {
        const char* shape = shape_word(geos, geometry);
        if (!(radius_m > 0))
            throw ConfigError(fmt::format("intervention {} is a {}, not an area: give --radius METRES for the area it protects", name, shape));
        out.geometry = geo::make_geom(geos, GEOSBuffer_r(geos.handle(), geometry, radius_m, k_quadrant_segments));
        if (!out.geometry) throw Error(fmt::format("cannot buffer intervention {}: {}", name, geos.last_message()));
        out.how = fmt::format("{:g} m around the {}", radius_m, shape);
    }
    out.area_km2 = area_km2(geos, out.geometry.get());
    return out;
}

EvaluationArea buffer_ring(const GEOSGeometry* treatment, double buffer_m, const geo::GeosContext& geos) {
    if (!(buffer_m > 0)) throw ConfigError(fmt::format("--buffer must be more than 0 metres (got {})", buffer_m));
    geo::GeomPtr outer = geo::make_geom(geos, GEOSBuffer_r(geos.handle(), treatment, buffer_m, k_quadrant_segments));
    if (!outer) throw Error("cannot buffer the treatment area: " + geos.last_message());
    EvaluationArea out;
    out.name = "buffer";
    out.how = fmt::format("a {:g} m ring around the treatment area, which is left out", buffer_m);
    out.geometry = geo::make_geom(geos, GEOSDifference_r(geos.handle(), outer.get(), treatment));
    if (!out.geometry) throw Error("cannot cut the treatment area out of its buffer: " + geos.last_message());
    out.area_km2 = area_km2(geos, out.geometry.get());
    return out;
}

geo::GeomPtr read_area_file(const std::string& path, const std::string& working_crs, const geo::GeosContext& geos) {
    io::VectorSource src = io::open_vector(path, {.layer = "", .crs_override = working_crs == "none" ? "none" : "", .gdal_open_options = {}});
    std::unique_ptr<geo::Reprojector> to_working =
        working_crs == "none" ? geo::Reprojector::planar() : std::make_unique<geo::Reprojector>(src.crs, working_crs);
    std::vector<geo::GeomPtr> parts;
    long long n = 0;
    while (OGRFeatureUniquePtr f = io::next_feature(src, n)) {
        ++n;
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) throw SchemaError(fmt::format("{}: feature {}: no geometry", path, f->GetFID()));
        geo::GeomPtr working = io::to_working_geos(geos, *g, *to_working);
        if (!working) throw CrsError(fmt::format("{}: feature {}: cannot reproject to {}", path, f->GetFID(), working_crs));
        if (is_polygonal(geos, working.get())) {
            geo::PolygonRepair repair = geo::repair_polygonal(geos, working.get());
            if (!repair.geometry) throw SchemaError(fmt::format("{}: feature {}: invalid polygon ({})", path, f->GetFID(), repair.reason));
            working = std::move(repair.geometry);
        }
        parts.push_back(std::move(working));
    }
    if (parts.empty()) throw SchemaError(fmt::format("{}: no features", path));
    return union_of(geos, std::move(parts));
}

EvaluationArea named_boundary(const std::string& project, const std::string& name, const std::string& kind,
                              const geo::GeosContext& geos) {
    io::ProjectStore store = io::ProjectStore::open(project, false);
    io::PointFilter wanted;
    wanted.area = name;
    wanted.area_kind = kind;
    const io::PointFilter found = io::resolve_project_filter(store, wanted);
    std::vector<geo::GeomPtr> parts = io::read_named_boundary(store, found.area, kind, geos);
    EvaluationArea out;
    out.name = found.area;
    out.geometry = union_of(geos, std::move(parts));
    out.area_km2 = area_km2(geos, out.geometry.get());
    return out;
}

} // namespace safermap::jobs
