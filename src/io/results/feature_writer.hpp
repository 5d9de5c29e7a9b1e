// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"
#include "io/results/surface_writer.hpp"

#include <string>
#include <vector>

namespace safermap::io {

// Writes GEOS geometries (any type) with numeric columns as a GeoPackage layer `layer_name`,
// replacing a layer of that name, with `metadata` on the layer. The file may be the project.
// Throws IoError naming the file.
std::vector<std::string> write_features_gpkg(const std::string& path, const std::string& layer_name, const std::string& crs,
                         const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& geometries,
                         const std::vector<GridBand>& columns, const ResultMetadata& metadata);

// Writes a CSV of points with numeric columns: x,y,<columns>, one row per point in input order,
// and the parameters to PATH.json.
std::vector<std::string> write_points_csv(const std::string& path, const std::vector<double>& x, const std::vector<double>& y,
                      const std::vector<GridBand>& columns, const ResultMetadata& metadata);

} // namespace safermap::io
