// SPDX-License-Identifier: MIT
#pragma once

#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "io/project/project_store.hpp"

#include <map>
#include <string>

namespace safermap::io {

struct PlaceImportResult {
    std::string path;
    std::string format = "naptan";
    RunReport report;                               // the file's stop rows (see read_naptan_stops)
    long long places = 0;                           // places stored
    long long replaced = 0;                         // of them, ones that replaced a stored place of the same code
    std::map<std::string, long long> places_by_kind; // town, village, suburb, estate
};

// Imports the places of a NaPTAN stops CSV (plain or gzip) into the project's `places` layer
// (creating the layer in a project made before it existed): one point per NPTG locality at the
// centre of its active stops, with the fields of io::Place (naptan_places.hpp). A place whose
// code is already stored replaces the stored one, as a boundary's kind+code does; places the
// file lacks stay. Rows go to `rejects` as read_naptan_stops says. Throws ConfigError when the
// project's working CRS is not EPSG:27700 (NaPTAN's eastings and northings are British National
// Grid, and radius_m and --area's stop catchment are metres on it), SchemaError when the file
// is not a NaPTAN stops CSV, IoError when it cannot be read or the project written.
PlaceImportResult import_places(ProjectStore& store, const std::string& path, Rejects& rejects);

} // namespace safermap::io
