// SPDX-License-Identifier: MIT
#pragma once
// `safermap geocode PROJECT.gpkg --gazetteer GAZ.gpkg`: places a project's incidents that
// came without coordinates, and records each match in the incidents layer. A re-run (after
// the gazetteer was improved, or with reviewed coordinates from --manual) writes only the
// incidents whose result changed; coordinates from the source or placed by hand are never
// touched.

#include "core/progress.hpp"
#include "geocode/geocode_summary.hpp"
#include "geocode/matcher.hpp"

#include <string>

namespace safermap::geocode {

struct ProjectGeocodeRequest {
    std::string project;
    std::string locality_attribute; // key in an incident's attributes JSON holding its town; may be empty
    std::string manual_file;        // CSV key,x,y (British National Grid) of reviewed positions; may be empty
    std::string unmatched_path;     // empty: <project stem>.unmatched.csv beside the project
    ProgressFn progress = nullptr;          // incidents looked at so far, of those waiting
};

// Throws IoError/SchemaError naming the project, ConfigError for a bad --manual file.
GeocodeSummary geocode_project(const Matcher& matcher, const ProjectGeocodeRequest& request);

} // namespace safermap::geocode
