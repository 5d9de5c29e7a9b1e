// SPDX-License-Identifier: MIT
#include "jobs/study_area.hpp"

#include "core/error.hpp"
#include "geo/bounds.hpp"
#include "io/features/polygon_loader.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

double StudyAreaRequest::resolve(const std::string& project, const io::PointSet& points, std::string& how) const {
    if (area_km2 > 0 && !kind.empty()) throw ConfigError("give --area-km2 or --kind, not both");
    if (area_km2 > 0) {
        how = fmt::format("given, {} km²", area_km2);
        return area_km2 * 1e6;
    }
    if (!kind.empty()) {
        if (project.empty()) throw ConfigError("a study area of boundaries (--kind) needs a project");
        geo::GeosContext geos;
        io::PolygonSet polygons = io::load_project_polygons(project, kind, geos);
        double total = 0;
        for (std::size_t i = 0; i < polygons.index->size(); ++i) {
            double a = 0;
            GEOSArea_r(geos.handle(), polygons.index->polygon(i), &a);
            total += a;
        }
        how = fmt::format("the project's {} boundaries, {:.2f} km²", kind, total / 1e6);
        return total;
    }
    if (points.size() < 2) throw ConfigError("too few points to measure a bounding rectangle; give --area-km2");
    const geo::Bounds b = geo::bounds_of(points.x, points.y);
    const double area = b.width() * b.height();
    how = fmt::format("the points' bounding rectangle, {:.2f} km²", area / 1e6);
    return area;
}

} // namespace safermap::jobs
