// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace safermap {

// A point in the project's working CRS (metres for EPSG:27700).
struct XY {
    double x = 0;
    double y = 0;
};

// Where an incident's position came from.
enum class GeocodeStatus {
    source,       // coordinates were in the input
    geocoded,     // placed by `safermap geocode` from its address or postcode
    manual,       // placed by hand (a reviewed coordinates file); geocoding never overwrites it
    not_geocoded, // no coordinates (yet): an address or postcode to geocode
};

// One incident row as stored in the project's `incidents` layer. Every column of a police.uk
// row has a field of its own; other inputs keep unmapped columns in `attributes_json`.
// Reused row after row by the importers, so that strings keep their capacity.
struct Incident {
    std::string key;         // identity used to refuse duplicates (see KeyRegistry)
    std::string crime_id;
    std::string month;       // YYYY-MM
    std::string occurred;    // ISO 8601 date or date-time when the input has one, else empty
    std::string category;    // police.uk "Crime type" or the mapped category column
    std::string reported_by;
    std::string falls_within;
    std::string location;
    std::string lsoa_code;
    std::string lsoa_name;
    std::string outcome;     // police.uk "Last outcome category"
    std::string context;
    std::string address;
    std::string postcode;
    std::optional<double> weight;
    std::string src_x;       // coordinate text exactly as read, for a lossless round trip
    std::string src_y;
    std::string src_crs;     // e.g. "EPSG:4326"
    std::optional<XY> xy;    // in the working CRS; empty when not geocoded
    GeocodeStatus status = GeocodeStatus::source;
    std::optional<bool> in_study_area;         // empty when no study area was given
    std::optional<double> own_lsoa_distance_m; // 0 inside its own LSOA polygon; empty if unknown
    std::string source_file;
    std::int64_t source_line = 0;
    std::string source_format; // "police.uk", "csv" or "vector"
    std::string attributes_json;

    void clear();
};

std::string_view to_string(GeocodeStatus status);
// The status a stored geocode_status text names; empty for any other text.
std::optional<GeocodeStatus> parse_geocode_status(std::string_view text);

} // namespace safermap
