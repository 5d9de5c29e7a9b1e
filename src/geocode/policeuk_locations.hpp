// SPDX-License-Identifier: MIT
#pragma once
// police.uk's "On or near <street>" snap points as a street gazetteer. police.uk moves each
// crime to one of a fixed set of anonymous map points, each labelled with its street (or a
// generic place such as "Supermarket"); with the LSOA of the crimes snapped there, every such
// point is a public record of where a named street runs.

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"

#include <cstdint>
#include <map>
#include <string>
#include <string_view>

namespace safermap::geocode {

struct PoliceUkLocation {
    std::string location; // "High Street", "Supermarket"
    std::string key;      // street_key(location)
    std::string kind;     // "street" or "place"
    std::string lsoa_code, lsoa_name, district;
    XY xy;                // British National Grid
    std::int64_t incidents = 0;
    std::string first_month, last_month;
};

// Locations keyed by location, LSOA and point, so that reading more files adds to them.
using PoliceUkLocations = std::map<std::string, PoliceUkLocation>;
std::string location_id(const PoliceUkLocation& location);

// True for police.uk's generic place labels ("Supermarket", "Parking Area", ...).
bool is_policeuk_place(std::string_view location);

// The district an LSOA name begins with: "Ashfield 001A" -> "Ashfield".
std::string district_of_lsoa_name(std::string_view lsoa_name);

// Reads a police.uk street-level CSV (gzip accepted) into `locations`. Rows with no location,
// no coordinates or a bad row shape are rejected with their reason. Throws SchemaError when
// the file is not in police.uk format.
void read_policeuk_locations(const std::string& path, PoliceUkLocations& locations, Rejects& rejects, RunReport& report);

} // namespace safermap::geocode
