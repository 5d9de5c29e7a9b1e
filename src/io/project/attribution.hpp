// SPDX-License-Identifier: MIT
#pragma once
// The attribution lines a map of a project owes, from what the project actually holds: police.uk
// and ONS lines only where their data is there, Ordnance Survey and Royal Mail where incidents
// were placed from postcodes, NaPTAN where places are held, partners' own files named,
// ILLUSTRATIVE layers flagged.

#include "io/project/project_store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace safermap::io {

// One source's line, and the layers it is owed by: "incidents" (and everything drawn from
// them), a boundary kind ("ward", "priority", ...), "cctv", "interventions" or "places" (place
// labels and anything named after a place).
struct AttributionLine {
    std::vector<std::string> layers;
    std::string text;
};

// One line per source, in a fixed order: crime data, other incident data, geocoding, boundaries,
// places, illustrative layers. Empty for an empty project. Throws IoError naming the project.
std::vector<AttributionLine> project_attribution(ProjectStore& store);

// The texts owed by the layers for which `shown` is true, in order, each once.
std::vector<std::string> attribution_for(const std::vector<AttributionLine>& lines,
                                         const std::function<bool(const std::string& layer)>& shown);

} // namespace safermap::io
