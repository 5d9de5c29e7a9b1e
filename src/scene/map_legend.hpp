// SPDX-License-Identifier: MIT
#pragma once
// What a map of a project shows, described once for the viewer and the exports: from the
// layers drawn and the analyses' outcomes, the legend entries and the attribution owed. The
// viewer fills MapShown from its state each frame; `safermap map` and `safermap report` from
// their flags. Both then draw the same render::MapFurniture.

#include "render/map_style.hpp"
#include "scene/map_scene.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::scene {

struct MapShown {
    std::vector<std::string> layers;     // ids drawn: district, ward, lsoa, priority, incidents, density, hotspots,
                                         // emerging, ward_counts, ward_hotspots, clusters, cctv, proposed,
                                         // interventions, labels, places
    bool public_audience = false;        // counts in the legend as public outputs show them
    // Outline colours (the viewer lets the user change them; exports keep the style's).
    render::Rgba priority_colour = render::style::priority, ward_colour = render::style::ward_line;
    render::Ramp ramp = render::Ramp::ylorrd;
    // The ward choropleth: counts per ward and its class breaks (render::class_breaks).
    std::vector<std::int64_t> ward_counts;
    std::vector<double> ward_breaks;
    // The raster (one at a time): "density", "hotspots", "emerging" or empty.
    std::string raster;
    double density_max = 0, density_low = 0.02, density_high = 1; // shown range as shares of the peak
    bool density_by_harm = false;
    std::vector<int> emerging_codes;     // categories present
    bool clusters = false;               // a cluster result exists
    bool points_by_month = false;
    std::vector<bool> categories;        // incident types shown (index as the scene's)

    bool shows(const std::string& id) const;
};

// The legend of `shown`, in drawing order; fills `ramp_low`/`ramp_high` for a density ramp.
render::MapFurniture describe_map(const MapScene& scene, const MapShown& shown);

} // namespace safermap::scene
