// SPDX-License-Identifier: MIT
#pragma once

#include "io/features/polygon_loader.hpp"
#include "io/results/surface_writer.hpp"

#include <string>
#include <vector>

namespace safermap::io {

// A named numeric column with one value per polygon (in PolygonSet order).
using PolygonColumn = GridBand;

// Writes per-polygon results by extension: .csv (code,name,<columns>, one row per polygon in
// input order; parameters in PATH.json) or .gpkg (the polygons with their columns as a layer
// `layer_name`, replacing any layer of that name; parameters as layer metadata).
// Written safely as write_grid() writes; returns the files written. Throws IoError naming the
// file, ConfigError for another extension or a GeoPackage in the way.
std::vector<std::string> write_polygon_results(const std::string& path, const PolygonSet& polygons, const std::vector<PolygonColumn>& columns,
                           const ResultMetadata& metadata, const std::string& layer_name);

} // namespace safermap::io
