// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"
#include "geo/reprojector.hpp"

namespace safermap::geo {

// Reprojects every vertex of `geom` with `reprojector`. Returns null when any vertex cannot be
// transformed (outside the source CRS's range or the target's area of use).
GeomPtr transform_geometry(const GeosContext& ctx, const GEOSGeometry* geom, const Reprojector& reprojector);

} // namespace safermap::geo
