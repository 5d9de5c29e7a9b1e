// SPDX-License-Identifier: MIT
#include "app/cli/study_area_input.hpp"

#include "core/error.hpp"
#include "io/features/polygon_loader.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::cli {

void StudyAreaInput::add_options(CLI::App& app) {
    app.add_option("--area-km2", area_km2, "Study area size in km² (default: the points' bounding rectangle)");
    app.add_option("--study-area", kind, "Use the area of the project's boundaries of this kind (e.g. district)");
}

double StudyAreaInput::resolve(const std::string& project, const io::PointSet& points, std::string& how) const {
    if (area_km2 > 0 && !kind.empty()) throw ConfigError("give --area-km2 or --study-area, not both");
    if (area_km2 > 0) {
        how = fmt::format("given, {} km²", area_km2);
        return area_km2 * 1e6;
    }
    if (!kind.empty()) {
        if (project.empty()) throw ConfigError("--study-area needs a project");
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
    auto [xmin, xmax] = std::minmax_element(points.x.begin(), points.x.end());
    auto [ymin, ymax] = std::minmax_element(points.y.begin(), points.y.end());
    const double area = (*xmax - *xmin) * (*ymax - *ymin);
    how = fmt::format("the points' bounding rectangle, {:.2f} km²", area / 1e6);
    return area;
}

} // namespace safermap::cli
