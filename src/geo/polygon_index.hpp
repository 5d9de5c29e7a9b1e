// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::geo {

// A set of polygons (wards, LSOAs) with a GEOS STRtree over their envelopes and prepared
// geometries, for point-in-polygon counts in microseconds a point, and for contiguity.
class PolygonIndex {
public:
    // Takes ownership of the polygons; their order is the unit order used everywhere else.
    PolygonIndex(const GeosContext& ctx, std::vector<GeomPtr> polygons);
    ~PolygonIndex();
    PolygonIndex(const PolygonIndex&) = delete;
    PolygonIndex& operator=(const PolygonIndex&) = delete;

    std::size_t size() const { return m_polygons.size(); }
    const GeosContext& context() const { return m_ctx; }
    const GEOSGeometry* polygon(std::size_t i) const { return m_polygons[i].get(); }

    // The first polygon (in input order) containing (x, y), boundary included; empty if none.
    std::optional<std::size_t> locate(double x, double y) const;

    // locate(), or else the nearest polygon within `max_distance` (ties: the first in input
    // order). Generalised boundaries leave points on boundary roads a few metres outside.
    std::optional<std::size_t> locate_or_nearest(double x, double y, double max_distance) const;

    // Indexes of polygons whose envelopes intersect polygon i's (i excluded), ascending.
    std::vector<std::uint32_t> envelope_candidates(std::size_t i) const;

    // A point inside each polygon (GEOS PointOnSurface), for distance-based weights and labels.
    void interior_points(std::vector<double>& x, std::vector<double>& y) const;

private:
    const GeosContext& m_ctx;
    std::vector<GeomPtr> m_polygons;
    std::vector<const GEOSPreparedGeometry*> m_prepared;
    GEOSSTRtree* m_tree = nullptr;
};

enum class Contiguity { queen, rook };
// Throws ConfigError for anything but "queen" or "rook".
Contiguity parse_contiguity(const char* text);

// Neighbour lists by contiguity: queen, polygons sharing at least one boundary point; rook,
// polygons sharing a boundary segment (a one-dimensional boundary intersection). Exact: ONS
// boundaries from one release share vertices, so no snapping tolerance is applied.
std::vector<std::vector<std::uint32_t>> contiguity_neighbours(const PolygonIndex& polygons, Contiguity rule);

} // namespace safermap::geo
