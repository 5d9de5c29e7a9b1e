// SPDX-License-Identifier: MIT
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <memory>
#include <string>

namespace safermap::io {

// Opens `path` for update if it exists (a project, or an earlier results file), or creates a
// GeoPackage there. Throws IoError naming the file.
GDALDatasetUniquePtr open_or_create_gpkg(const std::string& path);

// The OGR spatial reference for a working CRS ("none" or "": no CRS), GIS axis order.
std::unique_ptr<OGRSpatialReference> spatial_reference(const std::string& crs);

} // namespace safermap::io
