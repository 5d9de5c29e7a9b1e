// SPDX-License-Identifier: MIT
#pragma once
// Creating and upgrading layers declared as schema::LayerDef (projects and gazetteers).

#include "io/project/project_schema.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>

namespace safermap::io {

// Creates the layer with its fields. Throws IoError naming `path` when GDAL cannot.
OGRLayer& create_schema_layer(GDALDataset& ds, const schema::LayerDef& def, const OGRSpatialReference* srs,
                              const std::string& path);

// The layer, created when missing, with any field the definition has and the file lacks
// added (files written by an older SaferMap). Throws IoError naming `path`.
OGRLayer& ensure_schema_layer(GDALDataset& ds, const schema::LayerDef& def, const OGRSpatialReference* srs,
                              const std::string& path);

} // namespace safermap::io
