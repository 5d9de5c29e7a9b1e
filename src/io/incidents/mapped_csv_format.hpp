// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/number_text.hpp"
#include "io/incidents/incident_columns.hpp"
#include "io/incidents/point_rows.hpp"

#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::geo {
class Reprojector;
}

namespace safermap::io {

// Reads incident rows from any CSV through an IncidentColumns mapping. Columns that are not
// mapped are kept, as a JSON object in Incident::attributes_json.
class MappedCsvFormat {
public:
    // Resolves the mapping against the header. Throws SchemaError naming the file and the
    // missing column, or ConfigError when the mapping is incomplete (x without y, x/y
    // without a CRS, nothing to place the rows by).
    MappedCsvFormat(const std::string& path, const std::vector<std::string>& header, const IncidentColumns& columns);

    // Fills `incident` from a row. Rejects: short_row, long_row, bad_date, bad_weight.
    // The fields must be valid UTF-8 (repair_encoding first): unmapped ones go into JSON,
    // which throws nlohmann::json::type_error on anything else.
    std::optional<Rejection> parse(const CsvRecord& record, Incident& incident) const;

    // The same row as a bare point, for an analysis that reads nothing else: fills `point`
    // (category as the row's text in `category`) exactly as parse(), place_incident() with
    // `to_working` and PointCollector would, and returns true. Returns false, touching nothing
    // the caller keeps, for any row parse() or place_incident() would reject or keep without
    // coordinates: the caller must then take the row through those. The caller must have
    // checked that the row needs no encoding repair (repair_encoding): such rows, and the note
    // they earn, go through parse() too. With `to_working` null the point keeps its source
    // coordinates, for the caller to place later.
    bool parse_point(std::span<const std::string_view> fields, const geo::Reprojector* to_working, PointDates& dates,
                     PointRow& point, std::string_view& category) const;

    bool has_id() const { return m_id >= 0; }

    const std::string& source_crs() const { return m_crs; }

private:
    std::vector<std::string> m_header;
    int m_x = -1, m_y = -1, m_date = -1, m_category = -1, m_address = -1, m_postcode = -1, m_weight = -1, m_id = -1;
    std::vector<bool> m_mapped;
    std::string m_crs;
};

} // namespace safermap::io
