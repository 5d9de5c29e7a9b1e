// SPDX-License-Identifier: MIT
#include "geo/make_valid.hpp"

#include "core/error.hpp"

namespace safermap::geo {

namespace {

double area(const GeosContext& ctx, const GEOSGeometry* g) {
    double a = 0;
    if (g) GEOSArea_r(ctx.handle(), g, &a);
    return a;
}

bool is_polygonal(const GeosContext& ctx, const GEOSGeometry* g) {
    int t = GEOSGeomTypeId_r(ctx.handle(), g);
    return t == GEOS_POLYGON || t == GEOS_MULTIPOLYGON;
}

} // namespace

PolygonRepair repair_polygonal(const GeosContext& ctx, const GEOSGeometry* polygon) {
    auto h = ctx.handle();
    PolygonRepair out;
    out.area_before = area(ctx, polygon);
    if (GEOSisValid_r(h, polygon) == 1) {
        out.geometry = make_geom(ctx, GEOSGeom_clone_r(h, polygon));
        out.area_after = out.area_before;
        return out;
    }
    char* reason = GEOSisValidReason_r(h, polygon);
    out.reason = reason ? reason : "invalid";
    if (reason) GEOSFree_r(h, reason);
    out.repaired = true;

    GEOSMakeValidParams* params = GEOSMakeValidParams_create_r(h);
    GEOSMakeValidParams_setMethod_r(h, params, GEOS_MAKE_VALID_STRUCTURE);
    GEOSMakeValidParams_setKeepCollapsed_r(h, params, 0);
    GeomPtr fixed = make_geom(ctx, GEOSMakeValidWithParams_r(h, polygon, params));
    GEOSMakeValidParams_destroy_r(h, params);
    if (!fixed) throw Error("GEOS MakeValid failed: " + ctx.last_message());
    if (GEOSisEmpty_r(h, fixed.get()) == 1 || !is_polygonal(ctx, fixed.get())) {
        // Nothing polygonal survived (e.g. a ring collapsed to a line): the caller reports it.
        out.area_after = 0;
        return out;
    }
    out.area_after = area(ctx, fixed.get());
    out.geometry = std::move(fixed);
    return out;
}

} // namespace safermap::geo
