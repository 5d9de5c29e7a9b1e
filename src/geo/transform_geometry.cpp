// SPDX-License-Identifier: MIT
#include "geo/transform_geometry.hpp"

namespace safermap::geo {

namespace {
int transform_vertex(double* x, double* y, void* userdata) {
    return static_cast<const Reprojector*>(userdata)->transform(*x, *y) ? 1 : 0;
}
} // namespace

GeomPtr transform_geometry(const GeosContext& ctx, const GEOSGeometry* geom, const Reprojector& reprojector) {
    // GEOSGeom_transformXY_r (GEOS >= 3.11) stops and returns null on the first failed vertex.
    return make_geom(ctx, GEOSGeom_transformXY_r(ctx.handle(), geom, &transform_vertex,
                                                 const_cast<Reprojector*>(&reprojector)));
}

} // namespace safermap::geo
