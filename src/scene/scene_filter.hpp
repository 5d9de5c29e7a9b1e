// SPDX-License-Identifier: MIT
#pragma once
// The --from/--to, --category and --area flags read against a loaded scene, as the viewer and
// the print outputs (map, report) take them: names matched as every command matches them
// (core/name_match), and a filter that matches nothing is an error that lists what exists.

#include "scene/map_scene.hpp"

#include <string>
#include <vector>

namespace safermap::scene {

struct SceneFilterFlags {
    std::string from, to;                 // YYYY-MM; empty: the data's first or last month
    std::vector<std::string> categories;  // empty: all types
    std::string area;                     // a ward, or any boundary or place of the project (as --area
                                          // matches them), by name or code; empty: everywhere
};

// Throws ConfigError naming the flag: a month that is not YYYY-MM, --from after --to, a period
// outside the data (with the months it has), a crime type or ward the project lacks (with what
// it has and the closest name), or filters that together leave no incident.
IncidentFilter resolve_scene_filter(const MapScene& scene, const SceneFilterFlags& flags);

// How many incidents pass.
std::size_t count_passing(const IncidentLayer& layer, const IncidentFilter& filter);

} // namespace safermap::scene
