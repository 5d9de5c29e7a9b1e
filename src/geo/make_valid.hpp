// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"

#include <string>

namespace safermap::geo {

// The outcome of checking and, where needed, repairing one polygonal geometry.
struct PolygonRepair {
    GeomPtr geometry;       // valid (Multi)Polygon; null when nothing polygonal survived
    bool repaired = false;  // the input was invalid and was rebuilt
    std::string reason;     // GEOS's reason for invalidity, e.g. "Self-intersection[451 262]"
    double area_before = 0; // planar area of the input as given (m² in a projected CRS)
    double area_after = 0;
};

// Validates `polygon` and repairs it with GEOS MakeValid (the "structure" method, which keeps
// the input's polygonal structure and drops collapsed parts instead of turning them into
// lines). Valid input is returned unchanged (cloned). Throws Error if GEOS fails outright.
PolygonRepair repair_polygonal(const GeosContext& ctx, const GEOSGeometry* polygon);

} // namespace safermap::geo
