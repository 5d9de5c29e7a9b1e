// SPDX-License-Identifier: MIT
#pragma once
// What is inside a printed map's frame, drawn on a render::Canvas in the order and colours of
// the viewer (render/map_style): district ground, ward choropleth or Gi* fills, the raster
// surface (KDE, grid Gi*, emerging) embedded at the output resolution, boundaries, priority
// areas, clusters, incident points (internal outputs only), CCTV and proposed sites,
// interventions, and labels for wards and places placed clear of each other and of the hotspots.

#include "render/camera.hpp"
#include "render/canvas.hpp"
#include "render/page_layout.hpp"
#include "scene/map_legend.hpp"
#include "scene/scene_analysis.hpp"

#include <optional>
#include <vector>

namespace safermap::print {

struct MapLayers {
    const scene::MapScene* scene = nullptr;
    const geo::GeosContext* geos = nullptr;   // the context the scene and clusters were made in
    scene::MapShown shown;
    scene::IncidentFilter filter;             // which incidents are drawn as points
    std::optional<scene::DensityResult> density;
    std::optional<scene::GridHotspots> grid_hotspots;
    std::optional<scene::EmergingGrid> emerging;
    std::vector<render::Rgba> ward_fill;      // per ward (choropleth or Gi* colours); empty: none
    std::optional<scene::ClusterResult> clusters;
};

// Draws `layers` into `frame` through `camera` (whose pixels are points, the frame's size).
// Raster surfaces become images of `dpi`. Returns the number of labels placed.
std::size_t paint_map_frame(render::Canvas& canvas, const MapLayers& layers, const render::Camera& camera, const render::Box& frame,
                            double dpi, double unit);

} // namespace safermap::print
