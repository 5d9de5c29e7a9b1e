// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"

#include <optional>
#include <string>
#include <unordered_map>

namespace safermap::geo {

// Polygons looked up by their code (an LSOA code, say), prepared once so that testing a point
// against its own polygon costs microseconds. Used to check police.uk points against the LSOA
// named in their row.
class AreaIndex {
public:
    explicit AreaIndex(const GeosContext& ctx) : m_ctx(ctx) {}
    ~AreaIndex();
    AreaIndex(const AreaIndex&) = delete;
    AreaIndex& operator=(const AreaIndex&) = delete;

    // Takes ownership of `polygon`. A second polygon with the same code replaces the first.
    void add(const std::string& code, GeomPtr polygon);
    bool empty() const { return m_areas.empty(); }
    std::size_t size() const { return m_areas.size(); }

    // Distance in CRS units from (x, y) to the polygon `code`: 0 inside or on it;
    // empty when `code` is not in the index.
    std::optional<double> distance_to(const std::string& code, double x, double y) const;

    // A point inside the polygon (GEOS PointOnSurface), for membership tests of whole areas.
    std::optional<std::pair<double, double>> interior_point(const std::string& code) const;

    template <typename Fn> void for_each_code(Fn&& fn) const {
        for (const auto& [code, area] : m_areas) fn(code);
    }

private:
    struct Area {
        GeomPtr geometry;
        const GEOSPreparedGeometry* prepared = nullptr;
    };
    const GeosContext& m_ctx;
    std::unordered_map<std::string, Area> m_areas;
};

} // namespace safermap::geo
