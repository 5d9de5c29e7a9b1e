// SPDX-License-Identifier: MIT
#pragma once
// A result layer's parameters (method, period, categories...) kept with the layer. A
// GeoPackage holds them as GDAL layer metadata; GDAL's PostgreSQL driver keeps only the layer's
// DESCRIPTION (the table's COMMENT), so there they are one JSON object in it.

#include "core/result_metadata.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <string>
#include <vector>

namespace safermap::io {

// The layer creation options that store `metadata` on `ds` ("DESCRIPTION=<JSON>" on
// PostgreSQL, whose driver writes it as the table's COMMENT; none for a GeoPackage).
std::vector<std::string> metadata_creation_options(GDALDataset& ds, const ResultMetadata& metadata);

// Stores every item of `metadata` with `layer` of `ds` where the creation options did not.
void set_layer_metadata(GDALDataset& ds, OGRLayer& layer, const ResultMetadata& metadata);

// Every item stored for `layer` of `ds`, as text (GeoPackage metadata items are text); an
// empty object when it has none.
std::map<std::string, std::string> layer_metadata(GDALDataset& ds, OGRLayer& layer);

} // namespace safermap::io
