// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/point_rows.hpp"

#include <array>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace safermap::geo {
class Reprojector;
}

namespace safermap::io {

// The CRS of police.uk's Longitude and Latitude.
inline constexpr const char* k_police_uk_crs = "EPSG:4326";

// The 12 columns of a data.police.uk street-level crime file, in file order.
inline constexpr std::array<std::string_view, 12> k_police_uk_columns{
    "Crime ID", "Month",    "Reported by", "Falls within",  "Longitude",            "Latitude",
    "Location", "LSOA code", "LSOA name",  "Crime type",    "Last outcome category", "Context"};

// True when `header` is exactly the police.uk street-level header (surrounding spaces ignored).
bool is_police_uk_header(const std::vector<std::string>& header);

// Fills `incident` from one police.uk row, every column kept. Coordinates are left as text
// in src_x/src_y (placing them is the importer's job). Returns the reason when the row
// cannot be kept: short_row, long_row or bad_month.
std::optional<Rejection> parse_police_uk_row(const CsvRecord& record, Incident& incident);
// The same, moving the fields into `incident` instead of copying them: `record.fields` is
// left holding the incident's old strings, for their capacity.
std::optional<Rejection> take_police_uk_row(CsvRecord& record, Incident& incident);

// A police.uk row read as a bare point for analysis (IncidentImporter::set_point_sink): true
// when the row has 12 fields, a valid Month and coordinates that `to_working` places, that is
// when parse_police_uk_row and place_incident would both keep it. `category` and `crime_id`
// are views of the row's Crime type and Crime ID ("" for anti-social behaviour). With
// `to_working` null the point keeps its source coordinates, for the caller to place later.
bool parse_police_uk_point(std::span<const std::string_view> fields, const geo::Reprojector* to_working, PointMonths& months,
                           PointRow& point, std::string_view& category, std::string_view& crime_id);
// The 12 fields of a stored incident in police.uk column order (for export and round trips).
std::array<std::string_view, 12> police_uk_fields(const Incident& incident);

} // namespace safermap::io
