// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/incident_columns.hpp"

#include <optional>
#include <string>
#include <vector>

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

    const std::string& source_crs() const { return m_crs; }

private:
    std::vector<std::string> m_header;
    int m_x = -1, m_y = -1, m_date = -1, m_category = -1, m_address = -1, m_postcode = -1, m_weight = -1, m_id = -1;
    std::vector<bool> m_mapped;
    std::string m_crs;
};

// Parses a decimal number that fills the whole of `text` (surrounding spaces allowed).
std::optional<double> parse_number(std::string_view text);

} // namespace safermap::io
