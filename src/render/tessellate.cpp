// SPDX-License-Identifier: MIT
#include "render/tessellate.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <geos_c.h>

#include <cmath>

namespace safermap::render {

namespace {

void add_vertex(Mesh& m, XY origin, double x, double y) {
    m.xy.push_back(static_cast<float>(x - origin.x));
    m.xy.push_back(static_cast<float>(y - origin.y));
}

void add_ring_segments(const geo::GeosContext& ctx, const GEOSGeometry* ring, Mesh& m, std::uint32_t owner) {
    GEOSContextHandle_t h = ctx.handle();
    const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
    unsigned int n = 0;
    GEOSCoordSeq_getSize_r(h, seq, &n);
    if (n < 2) return;
    const auto first = static_cast<std::uint32_t>(m.xy.size() / 2);
    for (unsigned int i = 0; i + 1 < n; ++i) { // the closing vertex repeats the first
        double x = 0, y = 0;
        GEOSCoordSeq_getXY_r(h, seq, i, &x, &y);
        add_vertex(m, m.origin, x, y);
    }
    const std::uint32_t count = n - 1;
    for (std::uint32_t i = 0; i < count; ++i) {
        m.indices.push_back(first + i);
        m.indices.push_back(first + (i + 1) % count);
        m.owner.push_back(owner);
    }
}

void for_each_polygon(const geo::GeosContext& ctx, const GEOSGeometry* g, const auto& f) {
    GEOSContextHandle_t h = ctx.handle();
    const int type = GEOSGeomTypeId_r(h, g);
    if (type == GEOS_POLYGON) {
        f(g);
    } else if (type == GEOS_MULTIPOLYGON || type == GEOS_GEOMETRYCOLLECTION) {
        const int n = GEOSGetNumGeometries_r(h, g);
        for (int i = 0; i < n; ++i) for_each_polygon(ctx, GEOSGetGeometryN_r(h, g, i), f);
    }
}

} // namespace

Mesh triangulate(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons, XY origin) {
    GEOSContextHandle_t h = ctx.handle();
    Mesh m;
    m.origin = origin;
    for (std::size_t p = 0; p < polygons.size(); ++p) {
        if (!polygons[p]) continue;
        for_each_polygon(ctx, polygons[p], [&](const GEOSGeometry* poly) {
            geo::GeomPtr tris = geo::make_geom(ctx, GEOSConstrainedDelaunayTriangulation_r(h, poly));
            if (!tris) throw Error(fmt::format("cannot triangulate polygon {} ({})", p, ctx.last_message()));
            const int n = GEOSGetNumGeometries_r(h, tris.get());
            for (int i = 0; i < n; ++i) {
                const GEOSGeometry* tri = GEOSGetGeometryN_r(h, tris.get(), i);
                const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, GEOSGetExteriorRing_r(h, tri));
                const auto first = static_cast<std::uint32_t>(m.xy.size() / 2);
                for (unsigned int k = 0; k < 3; ++k) {
                    double x = 0, y = 0;
                    GEOSCoordSeq_getXY_r(h, seq, k, &x, &y);
                    add_vertex(m, origin, x, y);
                    m.indices.push_back(first + k);
                }
                m.owner.push_back(static_cast<std::uint32_t>(p));
            }
        });
    }
    return m;
}

Mesh outline(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons, XY origin) {
    GEOSContextHandle_t h = ctx.handle();
    Mesh m;
    m.origin = origin;
    for (std::size_t p = 0; p < polygons.size(); ++p) {
        if (!polygons[p]) continue;
        for_each_polygon(ctx, polygons[p], [&](const GEOSGeometry* poly) {
            add_ring_segments(ctx, GEOSGetExteriorRing_r(h, poly), m, static_cast<std::uint32_t>(p));
            const int holes = GEOSGetNumInteriorRings_r(h, poly);
            for (int i = 0; i < holes; ++i) add_ring_segments(ctx, GEOSGetInteriorRingN_r(h, poly, i), m, static_cast<std::uint32_t>(p));
        });
    }
    return m;
}

std::vector<std::vector<XY>> polygon_rings(const geo::GeosContext& ctx, const GEOSGeometry* polygon) {
    GEOSContextHandle_t h = ctx.handle();
    std::vector<std::vector<XY>> rings;
    auto add = [&](const GEOSGeometry* ring) {
        const GEOSCoordSequence* seq = GEOSGeom_getCoordSeq_r(h, ring);
        unsigned int n = 0;
        GEOSCoordSeq_getSize_r(h, seq, &n);
        if (n < 4) return;
        std::vector<XY> pts(n - 1);
        for (unsigned int i = 0; i + 1 < n; ++i) GEOSCoordSeq_getXY_r(h, seq, i, &pts[i].x, &pts[i].y);
        rings.push_back(std::move(pts));
    };
    if (!polygon) return rings;
    for_each_polygon(ctx, polygon, [&](const GEOSGeometry* poly) {
        add(GEOSGetExteriorRing_r(h, poly));
        const int holes = GEOSGetNumInteriorRings_r(h, poly);
        for (int i = 0; i < holes; ++i) add(GEOSGetInteriorRingN_r(h, poly, i));
    });
    return rings;
}

double mesh_area(const Mesh& m) {
    double area = 0;
    for (std::size_t t = 0; t + 2 < m.indices.size(); t += 3) {
        const auto a = m.indices[t] * 2, b = m.indices[t + 1] * 2, c = m.indices[t + 2] * 2;
        const double ax = m.xy[a], ay = m.xy[a + 1], bx = m.xy[b], by = m.xy[b + 1], cx = m.xy[c], cy = m.xy[c + 1];
        area += std::abs((bx - ax) * (cy - ay) - (cx - ax) * (by - ay)) / 2;
    }
    return area;
}

} // namespace safermap::render
