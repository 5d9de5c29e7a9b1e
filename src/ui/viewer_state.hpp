// SPDX-License-Identifier: MIT
#pragma once
// What the viewer is showing and how: layers, styles, filter, analysis parameters and modes.
// Plain data, shared by the panels, the overlay and the renderer calls.

#include "render/camera.hpp"
#include "render/color_ramp.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::ui {

struct LayerState {
    std::string id;    // "ward", "incidents", "density", ...
    std::string title; // shown in the Layers panel and the legend
    bool visible = true;
    float opacity = 1.f;
    render::Rgba colour{60, 60, 60, 255};
};

struct AnalysisParams {
    float kde_bandwidth_m = 250;
    float kde_cell_m = 25;
    float grid_cell_m = 250;
    float dbscan_eps_m = 50;
    int dbscan_min_points = 20;
};

struct ViewerState {
    std::vector<LayerState> layers; // drawing order, bottom first
    render::Ramp ramp = render::Ramp::ylorrd;
    float point_size_px = 6;
    bool colour_points_by_month = false;
    std::int32_t from_month = -1, to_month = -1;
    std::vector<bool> categories;   // shown crime types
    std::int32_t ward = -1;         // area filter: only this ward's incidents; -1 all
    bool playing = false;
    double play_seconds_per_month = 0.8;
    AnalysisParams params;
    bool presentation = false;      // panels hidden, large fonts, title/legend/scale/north/attribution
    bool public_mode = false;       // no incident points: aggregated layers only
    bool weigh_by_harm = false;     // KDE, grid Gi*, emerging and clusters weigh incidents by harm
    bool density_by_harm = false;   // how the density shown was weighed
    std::string title;
    std::size_t bookmark = 0;       // current saved view (presentation arrows)
    int selected_area = -1;         // in the ward layer
    std::string density_note, hotspot_note, cluster_note;
    double density_max = 0;
    float density_low = 0.02f, density_high = 1.f; // shown range, as shares of the peak
    std::string raster_layer;        // which analysis the map's raster holds: density, hotspots or emerging
    std::vector<int> emerging_codes; // categories present in the emerging result
    bool move_sites = false;         // dragging on the map moves proposed sites instead of the map
    bool equal_interval = false;     // ward choropleth classes: quantiles (default) or equal intervals
    int classes = 5;

    LayerState* layer(const std::string& id);
    const LayerState* layer(const std::string& id) const;
    bool shows(const std::string& id) const;
};

} // namespace safermap::ui
