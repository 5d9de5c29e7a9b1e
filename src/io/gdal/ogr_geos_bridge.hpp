// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"
#include "geo/reprojector.hpp"

#include <ogr_geometry.h>

#include <memory>

namespace safermap::io {

// OGR geometry -> GEOS, reprojected to the working CRS. Null when a vertex cannot be
// transformed or the geometry cannot be read.
geo::GeomPtr to_working_geos(const geo::GeosContext& ctx, const OGRGeometry& geometry, const geo::Reprojector& to_working);

// GEOS -> OGR (through WKB). Throws Error on failure, which would be a bug.
std::unique_ptr<OGRGeometry> to_ogr(const geo::GeosContext& ctx, const GEOSGeometry* geometry);

// Wraps a Polygon as a one-part MultiPolygon; returns MultiPolygons unchanged.
geo::GeomPtr as_multipolygon(const geo::GeosContext& ctx, geo::GeomPtr polygonal);

} // namespace safermap::io
