// SPDX-License-Identifier: MIT
#pragma once
// Polygons (with holes, multipart) turned into triangles and outline segments once, for GPU
// buffers. Triangulation is GEOS's constrained Delaunay triangulation, which respects holes.
// Vertices are stored as floats relative to an origin (see Camera::gpu_transform).

#include "core/incident.hpp"
#include "geo/geos_context.hpp"

#include <cstdint>
#include <vector>

namespace safermap::render {

struct Mesh {
    XY origin;
    std::vector<float> xy;                 // x, y pairs relative to origin
    std::vector<std::uint32_t> indices;    // triangles (fill) or segments (outline)
    std::vector<std::uint32_t> owner;      // per triangle or segment: which input polygon
};

// Triangles of each polygon in `polygons` (Polygon or MultiPolygon; others are skipped).
// Throws Error with GEOS's message when triangulation fails.
Mesh triangulate(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons, XY origin);

// Every ring of each polygon as line segments (GL_LINES index pairs).
Mesh outline(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons, XY origin);

// Every ring (exteriors and holes) of a Polygon or MultiPolygon, in world coordinates, closing
// vertex dropped: for back ends that fill paths themselves (Cairo, even-odd rule).
std::vector<std::vector<XY>> polygon_rings(const geo::GeosContext& ctx, const GEOSGeometry* polygon);

// The area of a triangle mesh (for tests: equals the polygons' area).
double mesh_area(const Mesh& mesh);

} // namespace safermap::render
