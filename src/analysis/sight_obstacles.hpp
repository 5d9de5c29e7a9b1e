// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"

#include <cstdint>
#include <vector>

namespace safermap::analysis {

// Buildings and other polygons that block a camera's (or a lamp's) line of sight, for the
// coverage sets of CCTV and lighting siting (analysis/site_coverage.hpp).
//
// Obstacles that touch or overlap are unioned first, so that a terrace of buildings sharing
// party walls is one block: a sight line running exactly along a party wall passes through
// the block and is blocked, whereas one running along an outside wall only grazes it. (Only
// such groups are unioned; one union of every building costs seconds for 50k of them.) Each
// polygon of the result is prepared and indexed in a GEOS STRtree, so a test costs an
// envelope query plus a few prepared predicates. Not thread-safe: it uses `ctx`, which must
// outlive it.
class SightObstacles {
public:
    // Copies `polygons` (Polygon or MultiPolygon, working CRS). Throws ConfigError
    // ("siting: obstacle 3 is a LineString, not a polygon") for any other geometry type or a
    // null pointer, and when GEOS cannot union them (invalid input: repair it first with
    // geo::repair_polygonal). No polygons: nothing is ever blocked.
    SightObstacles(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons);
    ~SightObstacles();
    SightObstacles(const SightObstacles&) = delete;
    SightObstacles& operator=(const SightObstacles&) = delete;

    // True when the segment from (x0, y0) to (x1, y1) passes through the interior of the union
    // of obstacles: DE-9IM interior/interior intersection, relate pattern "T********".
    // The rule for boundaries: a sight line that only touches an obstacle's boundary (grazes
    // a corner, runs along an outside wall, or ends on a wall, as for a camera mounted on
    // one) is NOT blocked. A segment that ends inside an obstacle IS blocked (a camera outside
    // cannot see into a building; a site placed inside one sees nothing outside it).
    // A zero-length segment is never blocked.
    bool blocks(double x0, double y0, double x1, double y1) const;

    // Polygons after the union of touching obstacles.
    std::size_t parts() const { return m_parts.size(); }

private:
    const geo::GeosContext& m_ctx;
    std::vector<geo::GeomPtr> m_blocks;       // a lone obstacle, or the union of a touching group
    std::vector<const GEOSGeometry*> m_parts; // polygons of m_blocks, owned by them
    std::vector<const GEOSPreparedGeometry*> m_prepared;
    GEOSSTRtree* m_tree = nullptr;
    mutable std::vector<std::uint32_t> m_hits; // scratch for tree queries
};

} // namespace safermap::analysis
