// SPDX-License-Identifier: MIT
#include "geo/study_area.hpp"

#include "core/error.hpp"

namespace safermap::geo {

StudyArea::StudyArea(const GeosContext& ctx, std::vector<GeomPtr> polygons, std::string description)
    : m_ctx(ctx), m_description(std::move(description)) {
    if (polygons.empty()) throw Error("study area '" + m_description + "' has no polygons");
    auto h = ctx.handle();
    std::vector<GEOSGeometry*> parts;
    parts.reserve(polygons.size());
    for (auto& p : polygons) parts.push_back(p.release());
    // The collection takes ownership of the parts.
    GeomPtr collection = make_geom(ctx, GEOSGeom_createCollection_r(h, GEOS_GEOMETRYCOLLECTION, parts.data(),
                                                                    static_cast<unsigned>(parts.size())));
    m_union = make_geom(ctx, GEOSUnaryUnion_r(h, collection.get()));
    if (!m_union) throw Error("cannot union study area '" + m_description + "': " + ctx.last_message());
    m_prepared = GEOSPrepare_r(h, m_union.get());
    if (GEOSGeom_getXMin_r(h, m_union.get(), &m_bounds.min_x) != 1 || GEOSGeom_getYMin_r(h, m_union.get(), &m_bounds.min_y) != 1 ||
        GEOSGeom_getXMax_r(h, m_union.get(), &m_bounds.max_x) != 1 || GEOSGeom_getYMax_r(h, m_union.get(), &m_bounds.max_y) != 1)
        throw Error("study area '" + m_description + "' is empty: it has no extent");
}

StudyArea::~StudyArea() { GEOSPreparedGeom_destroy_r(m_ctx.handle(), m_prepared); }

bool StudyArea::contains(double x, double y) const {
    GeomPtr point = make_geom(m_ctx, GEOSGeom_createPointFromXY_r(m_ctx.handle(), x, y));
    return GEOSPreparedIntersects_r(m_ctx.handle(), m_prepared, point.get()) == 1;
}

bool StudyArea::shares_interior(const GEOSGeometry* geometry) const {
    auto h = m_ctx.handle();
    return geometry && GEOSPreparedIntersects_r(h, m_prepared, geometry) == 1 && GEOSPreparedTouches_r(h, m_prepared, geometry) != 1;
}

} // namespace safermap::geo
