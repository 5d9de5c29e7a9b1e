// SPDX-License-Identifier: MIT
#pragma once
// Postcode directories as published: OS Code-Point Open (headerless, BNG), the ONS Postcode
// Directory and NSPL (headed, pcds/oseast1m/osnrth1m/osgrdind/doterm), and any CSV with a
// postcode column and easting/northing or latitude/longitude columns. Told apart by content.

#include "core/rejects.hpp"
#include "core/run_report.hpp"

#include <functional>
#include <string>

namespace safermap::geocode {

struct PostcodeRecord {
    std::string postcode;   // standard form, "NG17 1AA"
    std::string sector;     // "NG17 1"
    double x = 0, y = 0;    // British National Grid
    int quality = 0;        // PQI / osgrdind; 0 when the source has none
    std::string terminated; // "YYYY-MM", empty while live
    std::string district_code;
    std::string ward_code;
};

// Reads every row of `path` (gzip accepted). Good rows go to `on_record`; bad ones (no
// valid postcode, no coordinates, coordinates outside Great Britain) to `rejects`, counted in
// `report`. Returns the format found: "codepoint_open", "onspd" or "postcode_csv".
// Throws IoError/SchemaError naming the file when it is none of these.
std::string read_postcode_file(const std::string& path, const std::function<void(const PostcodeRecord&)>& on_record,
                               Rejects& rejects, RunReport& report);

} // namespace safermap::geocode
