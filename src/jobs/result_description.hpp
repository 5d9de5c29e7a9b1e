// SPDX-License-Identifier: MIT
#pragma once
// What every result says about where it came from: input, CRS, period, filters and weights,
// built one way for the terminal, JSON, sidecar files, GeoTIFF and GeoPackage metadata.

#include "core/result_metadata.hpp"
#include "io/incidents/point_loader.hpp"

#include <string>

namespace safermap::jobs {

struct PointRequest;

// "2025-01 to 2025-12", "2025-01 onwards", "up to 2025-06", or "all months".
std::string period_label(const std::string& from_month, const std::string& to_month);
std::string period_label(const io::PointFilter& filter);

// "Burglary; Robbery", or "all crime types".
std::string categories_label(const io::PointFilter& filter);

// One line naming every filter in force: "Burglary; 2025-01 to 2025-03; area Kirkby Cross (ward)".
// A place without a boundary (resolve_project_filter's area_note) is stated as drawn: "all crime
// types; all months; area within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)".
std::string describe_filter(const io::PointFilter& filter);

// "count", "harm (ons-css)", or the weight column's name.
std::string weights_label(const PointRequest& request);

// The entries every result carries, in this order: method, input, crs, period, categories,
// area, area_kind and area_note (when filtered; area_note for a place), weights. `method` is the command's name ("kde", "gistar", ...).
ResultMetadata describe_result(const std::string& method, const PointRequest& request, const std::string& crs);

} // namespace safermap::jobs
