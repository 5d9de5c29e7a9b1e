// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/point_loader.hpp"

#include <string>
#include <vector>

namespace safermap::io {

struct ExportResult {
    long long incidents = 0;          // written
    long long without_position = 0;   // written with blank Longitude/Latitude (not geocoded)
    bool extra_columns = false;       // the project holds non-police.uk rows: source columns added
    std::vector<std::string> written; // files (and layer) written
};

// Writes a project's incidents that pass `filter` (resolved as analyses resolve it: a filter
// that matches nothing is a ConfigError) by the extension of `out`:
//   .csv   the 12 police.uk street-level columns, in import order. Longitude and Latitude are
//          WGS84 degrees for every incident with a position, whatever its source CRS: rows
//          read from police.uk files keep their coordinate text byte for byte, others are
//          reprojected from the working CRS. When the project holds other sources, columns
//          follow for what police.uk has no place for: Source x, Source y, Source CRS,
//          Occurred, Address, Postcode, Weight, Geocode status, Match level.
//   .gpkg  the same fields on a point layer `layer` (working CRS), added to or replacing that
//          layer; the project itself is refused as the target.
// Written under a temporary name and moved into place. Throws IoError/ConfigError.
ExportResult export_incidents(const std::string& project, const PointFilter& filter, const std::string& out, const std::string& layer);

} // namespace safermap::io
