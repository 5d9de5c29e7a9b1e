// SPDX-License-Identifier: MIT
#pragma once

#include "io/gdal/vector_source.hpp"

#include <string>

namespace safermap::io {

// GDAL open options for a CSV of points (CCTV registers, intervention lists): which columns
// hold the coordinates, and the CRS they imply when the user gave none — lon/lat or
// longitude/latitude columns mean EPSG:4326, easting/northing mean EPSG:27700. `crs_note`
// says which was chosen and why, for the import summary. Plain x/y columns need --crs
// (ConfigError otherwise). Non-CSV paths get default options.
VectorOpenOptions point_csv_open_options(const std::string& path, const std::string& crs_override, std::string& crs_note);

// True for .csv (optionally gzipped) paths.
bool is_csv_path(const std::string& path);

} // namespace safermap::io
