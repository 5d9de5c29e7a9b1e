// SPDX-License-Identifier: MIT
#pragma once
// The analyses the viewer runs on the current filter, through the same analysis library as
// the CLI: a KDE surface, Gi* on a grid or on areas, DBSCAN clusters with hulls, and counts
// per area against the same months a year earlier (for hover tooltips and the hotspot table).

#include "analysis/grid.hpp"
#include "io/incidents/point_loader.hpp"
#include "render/color_ramp.hpp"
#include "scene/map_scene.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::scene {

using render::Mesh;
using render::WorldBounds;
using render::Rgba;

// The incidents that pass `filter`, as the analysis jobs take them (weight 1 each; `crs` is
// the scene's working CRS): the same points the CLI loads for the same filter.
io::PointSet filtered_points(const IncidentLayer& layer, const IncidentFilter& filter, const std::string& crs);

struct DensityResult {
    analysis::Surface surface{analysis::GridSpec{}};
    double max_value = 0;
    double bandwidth_m = 0;
    std::size_t points = 0;
};
// Quartic KDE (incidents per km²) over `extent` with cells of `cell_m`, through jobs::run_kde
// as `safermap kde` runs it.
DensityResult density(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m,
                      double bandwidth_m);

struct GridHotspots {
    analysis::Surface bins{analysis::GridSpec{}}; // -3..3 per cell
    std::size_t points = 0;
};
// Gi* on counts per cell, neighbours within 1.5 cells, FDR-corrected bins.
GridHotspots grid_hotspots(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m);

struct EmergingGrid {
    analysis::Surface category{analysis::GridSpec{}}; // +-1..8 per cell (analysis::Emerging), 0 none
    std::size_t points = 0;
    int months = 0;
};
// Emerging hot spots: Gi* on each month's counts (neighbours within 1.5 cells, FDR), then
// ArcGIS's categories from each cell's history. Needs a filter of at least three months
// (ConfigError otherwise).
EmergingGrid emerging_grid(const IncidentLayer& layer, const IncidentFilter& filter, const WorldBounds& extent, double cell_m);

// Colours of the emerging categories -8..8 (reds hot, blues cold, 0 clear), in code order.
std::vector<Rgba> emerging_palette();

struct AreaHotspots {
    std::vector<int> bin;
    std::vector<double> z;
    std::vector<double> count;
};
// Gi* on counts per area of `areas` (queen contiguity, binary weights, FDR bins).
AreaHotspots area_hotspots(const AreaLayer& areas, const IncidentLayer& layer, const IncidentFilter& filter);

struct AreaCounts {
    std::vector<std::int64_t> current;   // in the filter's months
    std::vector<std::int64_t> last_year; // in the same months a year earlier (same categories)
};
AreaCounts area_counts(const AreaLayer& areas, const IncidentLayer& layer, const IncidentFilter& filter);

struct ClusterResult {
    std::vector<geo::GeomPtr> hulls;     // convex hulls of clusters with an area
    std::vector<std::size_t> counts;
    Mesh fill, lines;
    Mesh ellipses;                       // standard deviational ellipses, as outlines
};
ClusterResult point_clusters(const geo::GeosContext& geos, const IncidentLayer& layer, const IncidentFilter& filter, double eps_m,
                             int min_points);

} // namespace safermap::scene
