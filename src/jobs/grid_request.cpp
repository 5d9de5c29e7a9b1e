// SPDX-License-Identifier: MIT
#include "jobs/grid_request.hpp"

#include "core/error.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>
#include <vector>

namespace safermap::jobs {

geo::Bounds parse_extent(const std::string& text, const char* flag) {
    std::vector<double> v;
    std::stringstream ss(text);
    std::string part;
    while (std::getline(ss, part, ',')) {
        auto n = io::parse_number(part);
        if (!n) throw ConfigError(fmt::format("{} '{}': '{}' is not a number", flag, text, part));
        v.push_back(*n);
    }
    if (v.size() != 4) throw ConfigError(fmt::format("{} '{}' needs XMIN,YMIN,XMAX,YMAX", flag, text));
    if (!(v[2] > v[0] && v[3] > v[1])) throw ConfigError(fmt::format("{} '{}': XMAX and YMAX must exceed XMIN and YMIN", flag, text));
    return {v[0], v[1], v[2], v[3]};
}

analysis::GridSpec GridRequest::resolve(const io::PointSet& points, double pad_m) const {
    if (!(cell_m > 0)) throw ConfigError(fmt::format("--cell must be more than 0 metres (got {})", cell_m));
    if (extent) return analysis::GridSpec::covering(extent->min_x, extent->min_y, extent->max_x, extent->max_y, cell_m);
    if (points.size() == 0) throw ConfigError("no points to analyse, so no extent to grid; give --extent or widen the filters");
    const geo::Bounds b = geo::bounds_of(points.x, points.y);
    const double x0 = std::floor((b.min_x - pad_m) / cell_m) * cell_m;
    const double y0 = std::floor((b.min_y - pad_m) / cell_m) * cell_m;
    return analysis::GridSpec::covering(x0, y0, std::max(b.max_x + pad_m, x0 + cell_m), std::max(b.max_y + pad_m, y0 + cell_m), cell_m);
}

} // namespace safermap::jobs
