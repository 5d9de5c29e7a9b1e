// SPDX-License-Identifier: MIT
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <string>
#include <vector>

namespace safermap::io {

// An opened layer of any GDAL vector source, with its CRS resolved.
struct VectorSource {
    GDALDatasetUniquePtr dataset;
    OGRLayer* layer = nullptr;
    std::string path;
    std::string layer_name;
    std::string crs;         // "EPSG:27700", or WKT when the CRS has no authority code
    bool crs_from_user = false;
};

struct VectorOpenOptions {
    std::string layer;        // empty: the file must have exactly one layer
    std::string crs_override; // used when the layer has no CRS; required then
    std::vector<std::string> gdal_open_options; // e.g. CSV driver's X_POSSIBLE_NAMES=lon
};

// Opens `path` read-only. Throws IoError when GDAL cannot open it as vector data,
// SchemaError when the layer is missing or ambiguous (the message lists the layers), and
// CrsError when the layer has no CRS and none was given.
VectorSource open_vector(const std::string& path, const VectorOpenOptions& options);

// "EPSG:nnnn" when the CRS has an EPSG (or other authority) code, else its WKT2.
std::string crs_to_string(const OGRSpatialReference& srs);

// Reads the next feature, turning a read error (a truncated .shp, say) into IoError that
// names the file and the feature count so far. Returns null at the end.
OGRFeatureUniquePtr next_feature(VectorSource& source, long long features_read);

} // namespace safermap::io
