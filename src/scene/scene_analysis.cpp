// SPDX-License-Identifier: MIT
#include "scene/scene_analysis.hpp"

#include "analysis/cluster_shapes.hpp"
#include "analysis/dbscan.hpp"
#include "analysis/emerging_hotspots.hpp"
#include "core/error.hpp"
#include "analysis/gi_star.hpp"
#include "analysis/grid_counts.hpp"
#include "analysis/kde.hpp"
#include "analysis/spatial_weights.hpp"
#include "geo/incident_location.hpp"
#include "jobs/cluster_job.hpp"
#include "jobs/emerging_job.hpp"
#include "jobs/kde_job.hpp"

#include <fmt/format.h>

#include <geos_c.h>

#include <algorithm>

namespace safermap::scene {

using namespace render; // the scene is built from render's GL-free geometry (meshes, bounds, colours)

namespace {

analysis::GridSpec grid_over(const WorldBounds& e, double cell_m) {
    return analysis::GridSpec::covering(e.min_x, e.min_y, e.max_x, e.max_y, cell_m);
}

void count_in_areas(const AreaLayer& areas, const IncidentLayer& layer, const IncidentFilter& filter, std::vector<std::int64_t>& counts) {
    counts.assign(areas.names.size(), 0);
    for (std::size_t i = 0; i < layer.size(); ++i) {
        if (!filter.passes(layer, i)) continue;
        if (auto a = geo::locate_incident(*areas.polygons, layer.x[i], layer.y[i])) ++counts[*a];
    }
}

} // namespace

io::PointSet filtered_points(const IncidentLayer& layer, const IncidentFilter& filter, const std::string& crs) {
    io::PointSet out;
    out.crs = crs;
    out.categories = layer.categories;
    for (std::size_t i = 0; i < layer.size(); ++i) {
        if (!filter.passes(layer, i)) continue;
        out.x.push_back(layer.x[i]);
        out.y.push_back(layer.y[i]);
        out.weight.push_back(filter.weight(layer, i));
        out.month.push_back(layer.month[i]);
        out.category.push_back(layer.category[i]);
    }
    out.report.rows_read = static_cast<std::int64_t>(layer.size());
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

DensityResult density(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m,
                      double bandwidth_m) {
    const io::PointSet points = filtered_points(layer, filter, "");
    jobs::KdeRequest request;
    request.bandwidth = fmt::format("{}", bandwidth_m);
    request.grid.cell_m = cell_m;
    request.grid.extent = geo::Bounds{extent.min_x, extent.min_y, extent.max_x, extent.max_y};
    jobs::KdeOutcome kde = jobs::run_kde(points, request);
    DensityResult r;
    r.surface = std::move(kde.surface);
    r.max_value = r.surface.values.empty() ? 0 : *std::max_element(r.surface.values.begin(), r.surface.values.end());
    r.bandwidth_m = kde.bandwidth_m;
    r.points = points.size();
    return r;
}

GridHotspots grid_hotspots(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m) {
    const analysis::GridSpec grid = grid_over(extent, cell_m);
    GridHotspots r;
    r.bins = analysis::Surface(grid);
    analysis::Surface counts(grid);
    for (std::size_t i = 0; i < layer.size(); ++i) {
        if (!filter.passes(layer, i)) continue;
        const auto c = analysis::cell_of(grid, layer.x[i], layer.y[i]);
        if (!c) continue;
        counts.values[*c] += filter.weight(layer, i);
        ++r.points;
    }
    auto weights = analysis::grid_distance_band(grid, 1.5 * cell_m);
    auto gi = analysis::gi_star(counts.values, weights, analysis::GiStarOptions{});
    for (std::size_t c = 0; c < gi.bin.size(); ++c) r.bins.values[c] = gi.bin[c];
    return r;
}

EmergingGrid emerging_grid(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m) {
    const jobs::MonthSpan span{filter.from_month >= 0 ? filter.from_month : layer.first_month,
                               filter.to_month >= 0 ? filter.to_month : layer.last_month};
    jobs::EmergingRequest request;
    request.grid.cell_m = cell_m;
    request.grid.extent = geo::Bounds{extent.min_x, extent.min_y, extent.max_x, extent.max_y};
    const jobs::EmergingOutcome e = jobs::run_emerging(filtered_points(layer, filter, ""), span, request);
    EmergingGrid r;
    r.months = span.months();
    r.points = e.counted;
    r.category = analysis::Surface(e.grid);
    for (std::size_t c = 0; c < e.result.category.size(); ++c) r.category.values[c] = e.result.category[c];
    return r;
}

std::vector<Rgba> emerging_palette() {
    // Index = code + 8. Hot: new, consecutive, intensifying, persistent, diminishing, sporadic,
    // oscillating, historical in oranges and reds; cold the same in blues (as ArcGIS's scheme).
    static const char* hot[] = {"#fdd0a2", "#fdae6b", "#e6550d", "#a63603", "#fd8d3c", "#fee6ce", "#d94801", "#d9c4b0"};
    static const char* cold[] = {"#c6dbef", "#9ecae1", "#3182bd", "#08519c", "#6baed6", "#deebf7", "#2171b5", "#c0c8d0"};
    std::vector<Rgba> out(17, Rgba{0, 0, 0, 0});
    for (int k = 1; k <= 8; ++k) {
        out[static_cast<std::size_t>(8 + k)] = hex_colour(hot[k - 1]);
        out[static_cast<std::size_t>(8 - k)] = hex_colour(cold[k - 1]);
    }
    return out;
}

AreaHotspots area_hotspots(const AreaLayer& areas, const IncidentLayer& layer, const IncidentFilter& filter) {
    std::vector<std::int64_t> counts;
    count_in_areas(areas, layer, filter, counts);
    auto lists = geo::contiguity_neighbours(*areas.polygons, geo::Contiguity::queen);
    auto weights = analysis::SpatialWeights::from_lists(lists);
    weights.include_self();
    AreaHotspots r;
    r.count.assign(counts.begin(), counts.end());
    auto gi = analysis::gi_star(r.count, weights, analysis::GiStarOptions{});
    r.bin = gi.bin;
    r.z = gi.z;
    return r;
}

AreaCounts area_counts(const AreaLayer& areas, const IncidentLayer& layer, const IncidentFilter& filter) {
    AreaCounts r;
    count_in_areas(areas, layer, filter, r.current);
    IncidentFilter earlier = filter;
    if (filter.from_month >= 0) earlier.from_month = filter.from_month - 12;
    if (filter.to_month >= 0) earlier.to_month = filter.to_month - 12;
    if (filter.from_month < 0 && filter.to_month < 0) {
        r.last_year.assign(areas.names.size(), 0); // no period chosen: nothing to compare
        return r;
    }
    count_in_areas(areas, layer, earlier, r.last_year);
    return r;
}

ClusterResult point_clusters(const geo::GeosContext& geos, const IncidentLayer& layer, const IncidentFilter& filter, double eps_m,
                             int min_points) {
    const io::PointSet points = filtered_points(layer, filter, "");
    ClusterResult r;
    if (points.size() == 0) return r;
    jobs::ClusterRequest request;
    request.eps_m = eps_m;
    request.min_points = min_points;
    request.concave_ratio = 1.0; // the viewer draws convex hulls
    auto shapes = jobs::run_clusters(geos, points, request).found;
    WorldBounds b;
    std::vector<geo::GeomPtr> ellipses;
    for (auto& found : shapes) {
        auto& s = found.shape;
        if (!s.convex_hull || GEOSGeomTypeId_r(geos.handle(), s.convex_hull.get()) != GEOS_POLYGON) continue;
        b.include(s.mean_x, s.mean_y);
        r.counts.push_back(s.count);
        r.hulls.push_back(std::move(s.convex_hull));
        if (s.ellipse) ellipses.push_back(std::move(s.ellipse));
    }
    std::vector<const GEOSGeometry*> raw;
    for (const auto& h : r.hulls) raw.push_back(h.get());
    const XY origin = b.empty() && r.hulls.empty() ? XY{} : XY{(b.min_x + b.max_x) / 2, (b.min_y + b.max_y) / 2};
    r.fill = triangulate(geos, raw, origin);
    r.lines = outline(geos, raw, origin);
    std::vector<const GEOSGeometry*> raw_ellipses;
    for (const auto& e : ellipses) raw_ellipses.push_back(e.get());
    r.ellipses = outline(geos, raw_ellipses, origin);
    return r;
}

} // namespace safermap::scene
