// SPDX-License-Identifier: MIT
#pragma once
// Builds or extends a gazetteer GeoPackage from postcode directories, police.uk files, road
// layers or Open Names, address points and locality polygons: `safermap gazetteer`.

#include "core/progress.hpp"
#include "core/run_report.hpp"
#include "geocode/street_sources.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::geocode {

struct GazetteerInputs {
    std::vector<std::string> postcodes;  // Code-Point Open, ONSPD/NSPL, postcode CSVs
    std::vector<std::string> policeuk;   // police.uk street-level CSVs
    std::vector<std::string> streets;    // road layers (any GDAL format) or Open Names CSVs
    std::vector<std::string> addresses;  // AddressBase-style CSVs
    std::vector<std::string> localities; // ward, district or town polygons (any GDAL format)
    StreetSourceOptions street_options;
    std::string locality_crs;            // for locality layers without a CRS
    std::string rejects_path;            // empty: <gazetteer stem>.rejects.csv beside it
    ProgressFn progress = nullptr;               // entries stored so far (total unknown: 0)
};

struct GazetteerFileResult {
    std::string kind; // postcodes, policeuk, streets, addresses, localities
    std::string file;
    std::string format;
    RunReport report;
    std::int64_t added = 0;
    std::int64_t updated = 0;
    bool skipped = false; // the same file (name and size) was added before
};

// What the gazetteer holds after the build.
struct GazetteerCounts {
    std::int64_t postcodes = 0, terminated_postcodes = 0, policeuk_locations = 0, streets = 0, places = 0, addresses = 0,
                 localities = 0;
};

struct GazetteerBuildResult {
    std::vector<GazetteerFileResult> files;
    GazetteerCounts counts;
    std::string rejects_file; // empty when nothing was rejected
};

// One transaction: on any error nothing is written (and a gazetteer created by this call is
// removed). Throws the Error subclasses of the readers, naming the file.
GazetteerBuildResult build_gazetteer(const std::string& path, const GazetteerInputs& inputs);

// Counts of an existing gazetteer. Throws IoError/SchemaError when `path` is not one.
GazetteerCounts count_gazetteer(const std::string& path);

} // namespace safermap::geocode
