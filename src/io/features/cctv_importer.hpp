// SPDX-License-Identifier: MIT
#pragma once

#include "io/features/feature_import.hpp"

namespace safermap::io {

// Imports CCTV sites (points) from any GDAL vector source or a CSV with lon/lat or
// easting/northing columns into the project's `cctv_sites` layer.
// Fields are found by name, case-insensitive (first match wins):
//   site_id: site_id, camera_id, cctv_id, id      name: name, location, site_name
//   type: type, camera_type (fixed | ptz | redeployable; "static", "pan tilt zoom", "mobile",
//         "rdc" are accepted; blank -> "unknown", counted as the note type_not_given)
//   heading_deg: heading_deg, heading, bearing (0..360)   fov_deg: fov_deg, fov (0..360]
//   range_m: range_m, range (> 0)    install_date: install_date, installed, date
//   status, funding (funding, funding_source), illustrative (1/true/yes)
// Other fields are kept as JSON in `attributes`. Rejects: bad_type, bad_heading, bad_fov,
// bad_range, bad_date, no_location, not_a_point, coordinates_out_of_range.
FeatureImportResult import_cctv(ProjectStore& store, const std::string& path, const std::string& crs_override,
                                Rejects& rejects, const geo::GeosContext& geos);

// Normalises a camera type; empty result for an unrecognised one. "" -> "unknown".
std::string normalise_camera_type(const std::string& text);

} // namespace safermap::io
