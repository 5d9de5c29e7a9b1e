// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "core/result_metadata.hpp"

#include <string>

namespace safermap::io {

// Writes several bands on one grid by the extension of `path`, as write_surface does:
// GeoTIFF bands (described by name), CSV columns x,y,<names...>, or GeoPackage cell fields.
void write_grid(const std::string& path, const analysis::GridSpec& grid, const std::vector<GridBand>& bands,
                const std::string& crs, const ResultMetadata& metadata, const std::string& layer_name);

// Writes a surface by the extension of `path`:
//   .tif/.tiff  GeoTIFF, one Float64 band, north-up, parameters as GDAL metadata items;
//   .csv        x,y,value for every cell centre (south-west first), parameters in PATH.json;
//   .gpkg       a polygon layer `layer_name` of the cells with their value, added to (or
//               replacing that layer in) the GeoPackage, which may be the project itself;
//               parameters as layer metadata.
// `crs` is the working CRS ("none": no CRS recorded). Throws IoError naming the file, or
// ConfigError for an unknown extension.
void write_surface(const std::string& path, const analysis::Surface& surface, const std::string& crs,
                   const ResultMetadata& metadata, const std::string& layer_name);

// Writes `metadata` as a JSON object to `path` (the sidecar of CSV results).
void write_metadata_json(const std::string& path, const ResultMetadata& metadata);

} // namespace safermap::io
