// SPDX-License-Identifier: MIT
#pragma once

#include "geo/bounds.hpp"
#include "geo/geos_context.hpp"

#include <string>
#include <vector>

namespace safermap::geo {

// The area an analysis is about (Ashfield district, say): the union of some polygons,
// prepared for fast point-in-polygon tests. Points on the boundary count as inside.
class StudyArea {
public:
    // Throws Error when `polygons` is empty or GEOS cannot union them.
    StudyArea(const GeosContext& ctx, std::vector<GeomPtr> polygons, std::string description);
    ~StudyArea();
    StudyArea(const StudyArea&) = delete;
    StudyArea& operator=(const StudyArea&) = delete;

    bool contains(double x, double y) const;
    // Whether `geometry` (in the area's CRS) and the area have interior points in common: a
    // boundary that covers the area or crosses its edge does; a neighbour that only shares an
    // edge, or one beyond, does not. Null never does.
    bool shares_interior(const GEOSGeometry* geometry) const;
    const std::string& description() const { return m_description; }
    // The smallest rectangle holding the area: what a spatial index can be asked for before
    // the exact test (contains) decides.
    const Bounds& bounds() const { return m_bounds; }

private:
    const GeosContext& m_ctx;
    GeomPtr m_union;
    const GEOSPreparedGeometry* m_prepared = nullptr;
    std::string m_description;
    Bounds m_bounds;
};

} // namespace safermap::geo
