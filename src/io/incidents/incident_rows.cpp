// SPDX-License-Identifier: MIT
#include "io/incidents/incident_rows.hpp"

#include "core/key_registry.hpp"
#include "core/text_encoding.hpp"
#include "io/incidents/incident_placement.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/incidents/police_uk_format.hpp"

namespace safermap::io {

bool repair_encoding(CsvRecord& record) {
    if (is_valid_utf8(record.raw_view)) return false;
    for (auto& f : record.fields) {
        if (!is_valid_utf8(f)) f = cp1252_to_utf8(f);
    }
    record.raw = cp1252_to_utf8(record.raw_view);
    record.raw_view = record.raw;
    return true;
}

void RowParser::parse(ParsedChunk& parsed) {
    const std::string& bytes = parsed.chunk.bytes;
    const std::size_t offset = parsed.start;
    CsvReader reader(std::string_view(bytes).substr(offset), m_format.file_name, 0, parsed.chunk.at_file_start && offset == 0);
    parsed.used = 0;
    parsed.ends_inside_quotes = false;
    // Room for the chunk's rows at once: growing by doubling would move every row's strings.
    constexpr std::size_t k_shortest_likely_row = 100;
    const std::size_t expected_rows = (bytes.size() - offset) / k_shortest_likely_row + 1;
    if (parsed.rows.capacity() < expected_rows) parsed.rows.reserve(expected_rows);
    while (true) {
        const std::size_t at = offset + reader.offset();
        if (!reader.next(m_record)) break;
        if (m_record.unterminated_quote && !parsed.chunk.last) {
            parsed.ends_inside_quotes = true; // cut inside a quoted field; the caller joins it on
            parsed.last_row_offset = at;
            parsed.lines = m_record.line;     // the next chunk starts where this row does
            return;
        }
        if (parsed.used == parsed.rows.size()) parsed.rows.emplace_back();
        parse_row(m_record, parsed.rows[parsed.used++]);
    }
    parsed.lines = reader.line();
}

void RowParser::parse_row(CsvRecord& record, ParsedRow& row) {
    Incident& inc = row.incident;
    inc.clear();
    inc.source_file = m_format.file_name;
    inc.source_line = record.line;
    row.why.reset();
    row.keyed_by_content = false;
    row.transcoded = repair_encoding(record);
    if (record.unterminated_quote) {
        row.why = Rejection{"unterminated_quote", "a quoted field runs to the end of the file"};
    } else if (record.fields.size() == 1 && record.fields[0].empty()) {
        row.why = Rejection{"blank_line", "empty line"};
    } else {
        // A row without an id is keyed by all its fields, hashed before they move on.
        std::optional<Hash128> content;
        if (m_format.police_uk) {
            if (!record.fields.empty() && record.fields[0].empty()) content = KeyRegistry::content_hash(record.fields);
            row.why = take_police_uk_row(record, inc);
        } else {
            row.why = m_format.mapped->parse(record, inc);
            if (!row.why && inc.crime_id.empty()) content = KeyRegistry::content_hash(record.fields);
        }
        if (!row.why) row.why = place_incident(inc, m_reprojectors.from(inc.src_crs));
        if (!row.why) {
            row.keyed_by_content = inc.crime_id.empty();
            if (row.keyed_by_content) {
                row.key_hash = *content;
            } else {
                row.key_hash = hash128(inc.crime_id);
                inc.key = inc.crime_id;
            }
        }
    }
    // The raw text stays a view into the chunk unless re-encoding made a copy of its own.
    if (row.transcoded) {
        row.raw_copy.swap(record.raw);
        row.raw_view = {};
    } else {
        row.raw_view = record.raw_view;
    }
}

} // namespace safermap::io
