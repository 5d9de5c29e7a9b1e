// SPDX-License-Identifier: MIT
#include "geo/incident_location.hpp"

namespace safermap::geo {

std::optional<std::size_t> locate_incident(const PolygonIndex& polygons, double x, double y, RunReport* report) {
    if (auto inside = polygons.locate(x, y)) return inside;
    if (auto near = polygons.locate_or_nearest(x, y, k_boundary_tolerance_m)) {
        if (report) report->note("assigned_to_nearest_polygon_within_150m");
        return near;
    }
    if (report) report->note("outside_every_polygon");
    return std::nullopt;
}

} // namespace safermap::geo
