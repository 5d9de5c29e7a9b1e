// SPDX-License-Identifier: MIT
#include "jobs/accuracy_job.hpp"

#include "analysis/dbscan.hpp"
#include "analysis/gi_star.hpp"
#include "analysis/grid_counts.hpp"
#include "analysis/kde.hpp"
#include "analysis/spatial_weights.hpp"
#include "core/error.hpp"
#include "geo/bounds.hpp"
#include "io/features/polygon_loader.hpp"
#include "jobs/kde_job.hpp"

#include <fmt/format.h>
#include <geos_c.h>

#include <algorithm>
#include <array>
#include <cmath>

namespace safermap::jobs {

namespace {

// The grid over the study area (or the incidents), its origin on a multiple of the cell and
// then shifted by (dx, dy).
analysis::GridSpec grid_for(const io::PointSet& points, const std::optional<io::PolygonSet>& area, double cell, double dx, double dy) {
    geo::Bounds b = geo::bounds_of(points.x, points.y);
    if (area) {
        b = {1e300, 1e300, -1e300, -1e300};
        for (std::size_t i = 0; i < area->index->size(); ++i) {
            double a, c, d, e;
            GEOSGeom_getXMin_r(area->index->context().handle(), area->index->polygon(i), &a);
            GEOSGeom_getYMin_r(area->index->context().handle(), area->index->polygon(i), &c);
            GEOSGeom_getXMax_r(area->index->context().handle(), area->index->polygon(i), &d);
            GEOSGeom_getYMax_r(area->index->context().handle(), area->index->polygon(i), &e);
            b = {std::min(b.min_x, a), std::min(b.min_y, c), std::max(b.max_x, d), std::max(b.max_y, e)};
        }
    }
    const double x0 = std::floor(b.min_x / cell) * cell - dx, y0 = std::floor(b.min_y / cell) * cell - dy;
    return analysis::GridSpec::covering(x0, y0, b.max_x + cell, b.max_y + cell, cell);
}

// Cells whose centre lies in the study area (every cell without one).
std::vector<bool> eligible_cells(const analysis::GridSpec& g, const std::optional<io::PolygonSet>& area) {
    std::vector<bool> out(g.cells(), true);
    if (!area) return out;
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i)
            out[static_cast<std::size_t>(j) * g.nx + i] = area->index->locate(g.centre_x(i), g.centre_y(j)).has_value();
    return out;
}

} // namespace

AccuracyOutcome run_accuracy(const AccuracyRequest& request, const geo::GeosContext& geos) {
    if (request.points.project.empty()) throw ConfigError("accuracy needs a project");
    if (!request.points.filter.from_month.empty() || !request.points.filter.to_month.empty())
        throw ConfigError("accuracy: --from/--to do not apply; give the periods as --train FROM:TO and --test FROM:TO");
    const io::PointSet points = load_points(request.points);
    std::vector<double> tx, ty, tw, sx, sy;
    for (std::size_t k = 0; k < points.size(); ++k) {
        const auto m = points.month[k];
        if (request.train.contains(m)) tx.push_back(points.x[k]), ty.push_back(points.y[k]), tw.push_back(points.weight[k]);
        if (request.test.contains(m)) sx.push_back(points.x[k]), sy.push_back(points.y[k]);
    }
    if (tx.size() < 2 || sx.empty())
        throw ConfigError(fmt::format("accuracy: {} training and {} test incidents; both periods need incidents", tx.size(), sx.size()));
    AccuracyOutcome out;
    out.train_incidents = tx.size();
    out.test_incidents = sx.size();
    std::optional<io::PolygonSet> area;
    try {
        area = io::load_project_polygons(request.points.project, request.area_kind, geos);
    } catch (const ConfigError&) {
        if (request.area_kind_given) throw;
        out.area_note = fmt::format("no '{}' boundaries: all cells over the incidents' extent", request.area_kind);
    }
    out.kde_bandwidth_m = choose_bandwidth(request.bandwidth, tx, ty, analysis::Kernel::quartic).metres;
    const double h = out.kde_bandwidth_m, cell = request.cell_m;
    const std::array<std::pair<double, double>, 4> shifts{{{0, 0}, {0.5, 0}, {0, 0.5}, {0.5, 0.5}}};
    out.methods = {"grid", "kde", "gistar", "clusters"};
    out.by_origin.resize(out.methods.size());
    const auto labels = analysis::dbscan(tx, ty, {request.eps_m, request.min_points});
    std::vector<double> cx, cy;
    for (std::size_t k = 0; k < tx.size(); ++k)
        if (labels[k] >= 0) cx.push_back(tx[k]), cy.push_back(ty[k]);
    std::vector<analysis::WeightedPoint> wp(tx.size());
    for (std::size_t k = 0; k < tx.size(); ++k) wp[k] = {tx[k], ty[k], tw[k]};
    for (auto [fx, fy] : shifts) {
        const analysis::GridSpec grid = grid_for(points, area, cell, fx * cell, fy * cell);
        const std::vector<bool> eligible = eligible_cells(grid, area);
        auto train_counts = analysis::count_in_grid(tx, ty, tw, grid).weighted.values;
        auto test_counts = analysis::count_in_grid(sx, sy, {}, grid).count.values;
        auto kde = analysis::kde(wp, grid, {analysis::Kernel::quartic, h, analysis::KdeOptions::Method::automatic}).values;
        auto gi = analysis::gi_star(train_counts, analysis::grid_distance_band(grid, 1.5 * cell), {}).z;
        auto clustered = analysis::count_in_grid(cx, cy, {}, grid).count.values;
        const std::vector<std::vector<double>*> scores{&train_counts, &kde, &gi, &clustered};
        for (std::size_t m = 0; m < out.methods.size(); ++m)
            out.by_origin[m].push_back(
                analysis::score_hotspot_map(*scores[m], train_counts, test_counts, eligible, request.coverage_percent / 100));
    }
    return out;
}

} // namespace safermap::jobs
