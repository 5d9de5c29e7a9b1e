// SPDX-License-Identifier: MIT
#include "analysis/sight_obstacles.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdint>

namespace safermap::analysis {

namespace {

void collect_hit(void* item, void* hits) {
    static_cast<std::vector<std::uint32_t>*>(hits)->push_back(
        static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(item)));
}

// Groups of obstacles joined by touching or overlapping (union-find over STRtree envelope
// hits confirmed by a prepared intersects): each obstacle's group is its smallest member.
std::vector<std::uint32_t> touching_groups(const geo::GeosContext& ctx, const std::vector<geo::GeomPtr>& inputs) {
    GEOSContextHandle_t h = ctx.handle();
    std::vector<std::uint32_t> parent(inputs.size());
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = i;
    auto find = [&](std::uint32_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    };
    GEOSSTRtree* tree = GEOSSTRtree_create_r(h, 10);
    for (std::size_t i = 0; i < inputs.size(); ++i)
        GEOSSTRtree_insert_r(h, tree, inputs[i].get(), reinterpret_cast<void*>(static_cast<std::uintptr_t>(i)));
    std::vector<std::uint32_t> hits;
    for (std::uint32_t i = 0; i < inputs.size(); ++i) {
        hits.clear();
        GEOSSTRtree_query_r(h, tree, inputs[i].get(), &collect_hit, &hits);
        const GEOSPreparedGeometry* prepared = nullptr;
        for (std::uint32_t j : hits) {
            if (j <= i || find(i) == find(j)) continue;
            if (!prepared) prepared = GEOSPrepare_r(h, inputs[i].get());
            if (GEOSPreparedIntersects_r(h, prepared, inputs[j].get()) == 1) {
                const std::uint32_t a = find(i), b = find(j);
                parent[std::max(a, b)] = std::min(a, b);
            }
        }
        if (prepared) GEOSPreparedGeom_destroy_r(h, prepared);
    }
    GEOSSTRtree_destroy_r(h, tree);
    for (std::uint32_t i = 0; i < parent.size(); ++i) parent[i] = find(i);
    return parent;
}

} // namespace

SightObstacles::SightObstacles(const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& polygons)
    : m_ctx(ctx) {
    GEOSContextHandle_t h = ctx.handle();
    std::vector<geo::GeomPtr> inputs;
    inputs.reserve(polygons.size());
    for (std::size_t i = 0; i < polygons.size(); ++i) {
        const int type = polygons[i] ? GEOSGeomTypeId_r(h, polygons[i]) : -1;
        if (type != GEOS_POLYGON && type != GEOS_MULTIPOLYGON) {
            const char* name = polygons[i] ? GEOSGeomType_r(h, polygons[i]) : nullptr;
            std::string got = name ? name : "null geometry";
            if (name) GEOSFree_r(h, const_cast<char*>(name));
            throw ConfigError(fmt::format("siting: obstacle {} is a {}, not a polygon", i, got));
        }
        inputs.push_back(geo::make_geom(ctx, GEOSGeom_clone_r(h, polygons[i])));
    }
    // Union only where obstacles touch or overlap (a terrace, a block): one GEOS union of all
    // of them costs seconds for 50k buildings, most of which stand alone.
    const std::vector<std::uint32_t> group = touching_groups(ctx, inputs);
    std::vector<std::vector<std::uint32_t>> members(inputs.size());
    for (std::uint32_t i = 0; i < group.size(); ++i) members[group[i]].push_back(i);
    for (const auto& list : members) {
        if (list.empty()) continue;
        geo::GeomPtr block;
        if (list.size() == 1) {
            block = std::move(inputs[list[0]]);
        } else {
            std::vector<GEOSGeometry*> parts;
            for (std::uint32_t i : list) parts.push_back(inputs[i].release());
            geo::GeomPtr all = geo::make_geom(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                                static_cast<unsigned>(parts.size())));
            block = geo::make_geom(ctx, GEOSUnaryUnion_r(h, all.get()));
            if (!block)
                throw ConfigError(fmt::format("siting: cannot union obstacles {} and {} ({}); repair invalid polygons first",
                                              list[0], list[1], ctx.last_message()));
        }
        m_blocks.push_back(std::move(block));
    }
    m_tree = GEOSSTRtree_create_r(h, 10);
    for (const geo::GeomPtr& block : m_blocks) {
        const int n = GEOSGetNumGeometries_r(h, block.get());
        for (int i = 0; i < n; ++i) {
            const GEOSGeometry* part = GEOSGetGeometryN_r(h, block.get(), i);
            if (GEOSGeomTypeId_r(h, part) != GEOS_POLYGON || GEOSisEmpty_r(h, part)) continue;
            const auto index = static_cast<std::uintptr_t>(m_parts.size());
            m_parts.push_back(part);
            m_prepared.push_back(GEOSPrepare_r(h, part));
            GEOSSTRtree_insert_r(h, m_tree, part, reinterpret_cast<void*>(index));
        }
    }
}

SightObstacles::~SightObstacles() {
    GEOSContextHandle_t h = m_ctx.handle();
    if (m_tree) GEOSSTRtree_destroy_r(h, m_tree);
    for (const GEOSPreparedGeometry* p : m_prepared) GEOSPreparedGeom_destroy_r(h, p);
}

bool SightObstacles::blocks(double x0, double y0, double x1, double y1) const {
    if (m_parts.empty() || (x0 == x1 && y0 == y1)) return false;
    GEOSContextHandle_t h = m_ctx.handle();
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, 2, 2);
    GEOSCoordSeq_setXY_r(h, seq, 0, x0, y0);
    GEOSCoordSeq_setXY_r(h, seq, 1, x1, y1);
    geo::GeomPtr segment = geo::make_geom(m_ctx, GEOSGeom_createLineString_r(h, seq));
    m_hits.clear();
    GEOSSTRtree_query_r(h, m_tree, segment.get(), &collect_hit, &m_hits);
    for (std::uint32_t i : m_hits) {
        // The prepared test rejects most envelope hits cheaply; only a segment that meets the
        // part at all needs the full relate to tell crossing from touching.
        if (GEOSPreparedIntersects_r(h, m_prepared[i], segment.get()) != 1) continue;
        if (GEOSRelatePattern_r(h, m_parts[i], segment.get(), "T********") == 1) return true;
    }
    return false;
}

} // namespace safermap::analysis
