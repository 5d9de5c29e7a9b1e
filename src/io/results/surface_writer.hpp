// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "core/result_metadata.hpp"

#include <string>
#include <vector>

namespace safermap::io {

// NoData in GeoTIFF results: measurement bands (Float32) and class bands (Int16).
inline constexpr double k_float_nodata = -9999;
inline constexpr double k_class_nodata = -32768;

// Writes bands on one grid by the extension of `path`, never half-written (each file goes
// under a temporary name first) and never over a GeoPackage in another format:
//   .tif/.tiff  GeoTIFF, north-up, parameters as GDAL metadata items: measurements as Float32
//               with NoData k_float_nodata (also for NaN); bands marked `classes` as Int16 with
//               NoData k_class_nodata, in PATH when they are the only bands, else in
//               STEM_<band>.tif beside it;
//   .csv        x,y,<names...> for every cell centre (south-west first), parameters in PATH.json;
//   .gpkg       a point layer `layer_name` of cell centres with i, j and the bands, the cell
//               size and origin in the layer metadata; added to (or replacing that layer in)
//               the GeoPackage, which may be the project itself, in one transaction.
// Returns the files written. `crs` is the working CRS ("none": no CRS recorded). Throws
// IoError naming the file, or ConfigError for an unknown extension or a GeoPackage in the way.
std::vector<std::string> write_grid(const std::string& path, const analysis::GridSpec& grid, const std::vector<GridBand>& bands,
                                    const std::string& crs, const ResultMetadata& metadata, const std::string& layer_name);

// write_grid() with the one band "value".
std::vector<std::string> write_surface(const std::string& path, const analysis::Surface& surface, const std::string& crs,
                                       const ResultMetadata& metadata, const std::string& layer_name);

// Writes `metadata` as a JSON object to `path` (the sidecar of CSV results), safely.
void write_metadata_json(const std::string& path, const ResultMetadata& metadata);

} // namespace safermap::io
