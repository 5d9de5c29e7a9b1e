// SPDX-License-Identifier: MIT
#include "geo/area_index.hpp"

namespace safermap::geo {

AreaIndex::~AreaIndex() {
    for (auto& [code, area] : m_areas) GEOSPreparedGeom_destroy_r(m_ctx.handle(), area.prepared);
}

void AreaIndex::add(const std::string& code, GeomPtr polygon) {
    auto it = m_areas.find(code);
    if (it != m_areas.end()) {
        GEOSPreparedGeom_destroy_r(m_ctx.handle(), it->second.prepared);
        m_areas.erase(it);
    }
    Area area;
    area.prepared = GEOSPrepare_r(m_ctx.handle(), polygon.get());
    area.geometry = std::move(polygon);
    m_areas.emplace(code, std::move(area));
}

std::optional<double> AreaIndex::distance_to(const std::string& code, double x, double y) const {
    auto it = m_areas.find(code);
    if (it == m_areas.end()) return std::nullopt;
    GeomPtr point = make_geom(m_ctx, GEOSGeom_createPointFromXY_r(m_ctx.handle(), x, y));
    if (GEOSPreparedIntersects_r(m_ctx.handle(), it->second.prepared, point.get()) == 1) return 0.0;
    double d = 0;
    GEOSPreparedDistance_r(m_ctx.handle(), it->second.prepared, point.get(), &d);
    return d;
}

std::optional<std::pair<double, double>> AreaIndex::interior_point(const std::string& code) const {
    auto it = m_areas.find(code);
    if (it == m_areas.end()) return std::nullopt;
    GeomPtr p = make_geom(m_ctx, GEOSPointOnSurface_r(m_ctx.handle(), it->second.geometry.get()));
    double x = 0, y = 0;
    if (!p || GEOSGeomGetX_r(m_ctx.handle(), p.get(), &x) != 1 || GEOSGeomGetY_r(m_ctx.handle(), p.get(), &y) != 1)
        return std::nullopt;
    return std::make_pair(x, y);
}

} // namespace safermap::geo
