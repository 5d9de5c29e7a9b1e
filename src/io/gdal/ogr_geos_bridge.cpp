// SPDX-License-Identifier: MIT
#include "io/gdal/ogr_geos_bridge.hpp"

#include "core/error.hpp"
#include "geo/transform_geometry.hpp"

#include <vector>

namespace safermap::io {

geo::GeomPtr to_working_geos(const geo::GeosContext& ctx, const OGRGeometry& geometry, const geo::Reprojector& to_working) {
    std::vector<unsigned char> wkb(geometry.WkbSize());
    if (geometry.exportToWkb(wkbNDR, wkb.data(), wkbVariantIso) != OGRERR_NONE) return geo::make_geom(ctx, nullptr);
    geo::GeomPtr g = geo::read_wkb(ctx, std::string_view(reinterpret_cast<const char*>(wkb.data()), wkb.size()));
    if (!g) return g;
    return geo::transform_geometry(ctx, g.get(), to_working);
}

std::unique_ptr<OGRGeometry> to_ogr(const geo::GeosContext& ctx, const GEOSGeometry* geometry) {
    std::string wkb = geo::write_wkb(ctx, geometry);
    OGRGeometry* out = nullptr;
    if (OGRGeometryFactory::createFromWkb(wkb.data(), nullptr, &out, wkb.size()) != OGRERR_NONE || !out)
        throw Error("cannot convert a GEOS geometry to OGR");
    return std::unique_ptr<OGRGeometry>(out);
}

geo::GeomPtr as_multipolygon(const geo::GeosContext& ctx, geo::GeomPtr polygonal) {
    if (!polygonal || GEOSGeomTypeId_r(ctx.handle(), polygonal.get()) != GEOS_POLYGON) return polygonal;
    GEOSGeometry* part = polygonal.release();
    return geo::make_geom(ctx, GEOSGeom_createCollection_r(ctx.handle(), GEOS_MULTIPOLYGON, &part, 1));
}

} // namespace safermap::io
