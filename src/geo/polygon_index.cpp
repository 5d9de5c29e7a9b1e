// SPDX-License-Identifier: MIT
#include "geo/polygon_index.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cstring>
#include <string>

namespace safermap::geo {

PolygonIndex::PolygonIndex(const GeosContext& ctx, std::vector<GeomPtr> polygons)
    : m_ctx(ctx), m_polygons(std::move(polygons)) {
    auto h = ctx.handle();
    m_tree = GEOSSTRtree_create_r(h, 10);
    for (std::size_t i = 0; i < m_polygons.size(); ++i) {
        if (!m_polygons[i]) throw Error("PolygonIndex: polygon " + std::to_string(i) + " is missing");
        m_prepared.push_back(GEOSPrepare_r(h, m_polygons[i].get()));
        // The tree stores the index itself as its item pointer.
        GEOSSTRtree_insert_r(h, m_tree, m_polygons[i].get(), reinterpret_cast<void*>(i));
    }
}

PolygonIndex::~PolygonIndex() {
    for (auto* p : m_prepared) GEOSPreparedGeom_destroy_r(m_ctx.handle(), p);
    GEOSSTRtree_destroy_r(m_ctx.handle(), m_tree);
}

namespace {
void collect(void* item, void* userdata) {
    static_cast<std::vector<std::uint32_t>*>(userdata)->push_back(static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item)));
}
} // namespace

std::optional<std::size_t> PolygonIndex::locate(double x, double y) const {
    auto h = m_ctx.handle();
    GeomPtr point = make_geom(m_ctx, GEOSGeom_createPointFromXY_r(h, x, y));
    std::vector<std::uint32_t> hits;
    GEOSSTRtree_query_r(h, m_tree, point.get(), &collect, &hits);
    std::sort(hits.begin(), hits.end());
    for (auto i : hits)
        if (GEOSPreparedIntersects_r(h, m_prepared[i], point.get()) == 1) return i;
    return std::nullopt;
}

std::optional<std::size_t> PolygonIndex::locate_or_nearest(double x, double y, double max_distance) const {
    if (auto inside = locate(x, y)) return inside;
    auto h = m_ctx.handle();
    GeomPtr point = make_geom(m_ctx, GEOSGeom_createPointFromXY_r(h, x, y));
    GeomPtr reach = make_geom(m_ctx, GEOSBuffer_r(h, point.get(), max_distance, 4));
    std::vector<std::uint32_t> hits;
    GEOSSTRtree_query_r(h, m_tree, reach.get(), &collect, &hits);
    std::sort(hits.begin(), hits.end());
    std::optional<std::size_t> best;
    double best_d = max_distance;
    for (auto i : hits) {
        double d = 0;
        GEOSPreparedDistance_r(h, m_prepared[i], point.get(), &d);
        if (d <= best_d && (!best || d < best_d)) {
            best = i;
            best_d = d;
        }
    }
    return best;
}

std::vector<std::uint32_t> PolygonIndex::envelope_candidates(std::size_t i) const {
    std::vector<std::uint32_t> hits;
    GEOSSTRtree_query_r(m_ctx.handle(), m_tree, m_polygons[i].get(), &collect, &hits);
    hits.erase(std::remove(hits.begin(), hits.end(), static_cast<std::uint32_t>(i)), hits.end());
    std::sort(hits.begin(), hits.end());
    return hits;
}

void PolygonIndex::interior_points(std::vector<double>& x, std::vector<double>& y) const {
    x.clear();
    y.clear();
    for (const auto& p : m_polygons) {
        GeomPtr c = make_geom(m_ctx, GEOSPointOnSurface_r(m_ctx.handle(), p.get()));
        double px = 0, py = 0;
        GEOSGeomGetX_r(m_ctx.handle(), c.get(), &px);
        GEOSGeomGetY_r(m_ctx.handle(), c.get(), &py);
        x.push_back(px);
        y.push_back(py);
    }
}

Contiguity parse_contiguity(const char* text) {
    if (std::strcmp(text, "queen") == 0) return Contiguity::queen;
    if (std::strcmp(text, "rook") == 0) return Contiguity::rook;
    throw ConfigError(std::string("unknown contiguity '") + text + "' (expected queen or rook)");
}

std::vector<std::vector<std::uint32_t>> contiguity_neighbours(const PolygonIndex& polygons, Contiguity rule) {
    auto h = polygons.context().handle();
    std::vector<std::vector<std::uint32_t>> out(polygons.size());
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        for (std::uint32_t j : polygons.envelope_candidates(i)) {
            if (j < i) continue; // each pair once
            // DE-9IM: [0] interior/interior, [4] boundary/boundary.
            char* m = GEOSRelate_r(h, polygons.polygon(i), polygons.polygon(j));
            if (!m) throw Error("GEOS relate failed: " + polygons.context().last_message());
            const bool overlap = m[0] != 'F';
            const bool touch = rule == Contiguity::queen ? m[4] != 'F' : m[4] == '1';
            GEOSFree_r(h, m);
            if (overlap || touch) {
                out[i].push_back(j);
                out[j].push_back(static_cast<std::uint32_t>(i));
            }
        }
    }
    for (auto& l : out) std::sort(l.begin(), l.end());
    return out;
}

} // namespace safermap::geo
