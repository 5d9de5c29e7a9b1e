// SPDX-License-Identifier: MIT
#include "jobs/analysis_units.hpp"

#include "analysis/grid_counts.hpp"
#include "core/error.hpp"
#include "geo/incident_location.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

namespace {

Units grid_units(const UnitsRequest& in, const PointRequest& request) {
    if (!in.contiguity.empty()) throw ConfigError("--contiguity applies to polygons; grids use --band or --k");
    io::PointSet points = load_points(request);
    Units u;
    u.points_report = points.report;
    analysis::GridSpec grid = in.grid.resolve(points, 0);
    analysis::GridCounts counts = analysis::count_in_grid(points.x, points.y, points.weight, grid);
    if (counts.outside) u.points_report.note("outside_the_grid", static_cast<std::int64_t>(counts.outside));
    u.grid = grid;
    u.crs = points.crs;
    u.values = counts.weighted.values;
    u.counts = counts.count.values;
    if (in.k > 0) {
        u.weights = analysis::grid_k_nearest(grid, in.k);
        u.weights_text = fmt::format("{} nearest cells", in.k);
    } else {
        const double band = in.band_m > 0 ? in.band_m : 1.5 * grid.cell_size_m;
        u.weights = analysis::grid_distance_band(grid, band);
        u.weights_text = fmt::format("distance band {} m", band);
    }
    return u;
}

Units polygon_units(const UnitsRequest& in, const PointRequest& request, const geo::GeosContext& geos) {
    Units u;
    if (!in.polygons_file.empty()) {
        if (in.field.empty()) throw ConfigError("--polygons needs --field, the value to analyse");
        u.polygons = io::load_file_polygons(in.polygons_file, in.field, request.crs, "", geos, in.per_1000);
        u.values = u.polygons->value;
        u.counts = u.values;
    } else {
        if (request.project.empty()) throw ConfigError("--kind needs a project, whose boundaries of that kind are the units");
        u.polygons = io::load_project_polygons(request.project, in.kind, geos, in.per_1000);
        io::PointSet points = load_points(request);
        u.points_report = points.report;
        u.values.assign(u.polygons->code.size(), 0.0);
        u.counts.assign(u.polygons->code.size(), 0.0);
        for (std::size_t k = 0; k < points.size(); ++k) {
            if (auto i = geo::locate_incident(*u.polygons->index, points.x[k], points.y[k], &u.points_report)) {
                u.values[*i] += points.weight[k];
                u.counts[*i] += 1;
            }
        }
    }
    if (!in.per_1000.empty()) {
        for (std::size_t i = 0; i < u.values.size(); ++i) {
            const double pop = u.polygons->population[i];
            if (!(pop > 0))
                throw ConfigError(fmt::format("{} ('{}') has population {}; a rate per 1,000 needs more than 0", u.polygons->code[i],
                                              u.polygons->name[i], pop));
            u.values[i] = u.values[i] / pop * 1000;
        }
    }
    u.crs = u.polygons->crs;
    std::vector<double> cx, cy;
    u.polygons->index->interior_points(cx, cy);
    if (in.band_m > 0) {
        u.weights = analysis::points_distance_band(cx, cy, in.band_m);
        u.weights_text = fmt::format("distance band {} m between interior points", in.band_m);
    } else if (in.k > 0) {
        u.weights = analysis::points_k_nearest(cx, cy, in.k);
        u.weights_text = fmt::format("{} nearest polygons (interior points)", in.k);
    } else {
        const std::string rule = in.contiguity.empty() ? "queen" : in.contiguity;
        u.weights = analysis::SpatialWeights::from_lists(
            geo::contiguity_neighbours(*u.polygons->index, geo::parse_contiguity(rule.c_str())));
        u.weights.include_self();
        u.weights_text = rule + " contiguity";
    }
    return u;
}

} // namespace

Units UnitsRequest::build(const PointRequest& points, const geo::GeosContext& geos) const {
    if (!per_1000.empty() && !polygons()) throw ConfigError("--per-1000 needs polygons (--kind or --polygons)");
    if ((band_m > 0) + (k > 0) + !contiguity.empty() > 1) throw ConfigError("give one of --band, --k and --contiguity");
    if (!kind.empty() && !polygons_file.empty()) throw ConfigError("give --kind or --polygons, not both");
    return polygons() ? polygon_units(*this, points, geos) : grid_units(*this, points);
}

std::string Units::label(std::size_t i) const {
    if (polygons) return polygons->code.at(i);
    const auto nx = static_cast<std::size_t>(grid->nx);
    return fmt::format("{:.0f},{:.0f}", grid->centre_x(static_cast<int>(i % nx)), grid->centre_y(static_cast<int>(i / nx)));
}

std::string Units::name(std::size_t i) const { return polygons ? polygons->name.at(i) : std::string(); }

} // namespace safermap::jobs
