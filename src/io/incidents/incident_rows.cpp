// SPDX-License-Identifier: MIT
#include "io/incidents/incident_rows.hpp"

#include "core/key_registry.hpp"
#include "core/text_encoding.hpp"
#include "io/incidents/incident_placement.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/incidents/police_uk_format.hpp"

#include <cstring>

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

RowParser::~RowParser() {
    if (m_search.valid()) m_search.wait(); // PROJ's thread never outlives the parsers it serves
}

std::string RowParser::points_crs() const {
    if (m_format.working_crs == "none") return {};
    return m_format.police_uk ? std::string(k_police_uk_crs) : m_format.mapped->source_crs();
}

void RowParser::place_points(ParsedChunk& parsed) {
    if (!parsed.points_unplaced.valid()) return;
    parsed.points_unplaced = {};
    if (parsed.points.empty()) return; // as a direct parse, which asks for no transformation then
    m_to_working = &m_reprojectors.from(points_crs()); // waits for the search; throws its CrsError
    for (PointRow& p : parsed.points) {
        if (!m_to_working->transform(p.x, p.y)) {
            parse(parsed); // a refused point: read the chunk again, placing as it goes
            return;
        }
    }
}

void RowParser::parse(ParsedChunk& parsed, Deferral deferral) {
    parsed.points_unplaced = {};
    m_deferring = false;
    if (deferral == Deferral::while_searching && m_format.points_only && !m_to_working) {
        const std::string from = points_crs();
        if (auto search = from.empty() ? std::nullopt : geo::Reprojector::prepare_in_background(from, m_format.working_crs)) {
            m_search = *search;
            parsed.points_unplaced = *search;
            m_deferring = true;
        }
    }
    parsed.used = 0;
    parsed.ends_inside_quotes = false;
    parsed.points.clear();
    parsed.categories.clear();
    parsed.point_keys.clear();
    m_category_at.clear();
    const std::string_view rest = std::string_view(parsed.chunk.bytes).substr(parsed.start);
    // Without a quote in the chunk every record is one line, read without a CSV state machine.
    if (m_format.points_only && !std::memchr(rest.data(), '"', rest.size())) {
        parse_lines(parsed);
        return;
    }
    parse_records(parsed);
}

void RowParser::parse_records(ParsedChunk& parsed) {
    const std::string& bytes = parsed.chunk.bytes;
    const std::size_t offset = parsed.start;
    CsvReader reader(std::string_view(bytes).substr(offset), m_format.file_name, 0, parsed.chunk.at_file_start && offset == 0);
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
        if (m_format.points_only && !m_record.unterminated_quote && is_valid_utf8(m_record.raw_view)) {
            m_fields.assign(m_record.fields.begin(), m_record.fields.end());
            if (take_point(m_fields, m_record.line, m_record.raw_view, parsed)) continue;
        }
        take_row(m_record, parsed);
    }
    parsed.lines = reader.line();
}

void RowParser::parse_lines(ParsedChunk& parsed) {
    const std::string& bytes = parsed.chunk.bytes;
    const char* p = bytes.data() + parsed.start;
    const char* const end = bytes.data() + bytes.size();
    std::int64_t line = 0;
    while (p < end) {
        const char* newline = static_cast<const char*>(std::memchr(p, '\n', static_cast<std::size_t>(end - p)));
        const char* next = newline ? newline + 1 : end;
        // The fields end before the line end and a CR before it; the raw text, as CsvReader
        // gives it, keeps a CR that ends the file without a newline.
        const char* stop = newline ? newline : end;
        if (stop > p && stop[-1] == '\r') --stop;
        const char* raw_stop = newline ? stop : end;
        if (!take_line(std::string_view(p, static_cast<std::size_t>(stop - p)), std::string_view(p, static_cast<std::size_t>(raw_stop - p)),
                       line, parsed)) {
            // Read exactly as a pass over the whole chunk reads it: the line holds no quote,
            // so it is one whole record.
            CsvReader reader(std::string_view(p, static_cast<std::size_t>(next - p)), m_format.file_name, line, false);
            reader.next(m_record);
            take_row(m_record, parsed);
        }
        if (newline) ++line;
        p = next;
    }
    parsed.lines = line;
}

bool RowParser::take_line(std::string_view text, std::string_view raw, std::int64_t line, ParsedChunk& parsed) {
    if (text.empty()) return false; // blank_line
    m_fields.clear();
    const char* field = text.data();
    const char* const end = text.data() + text.size();
    unsigned char high = 0;
    for (const char* q = field; q < end; ++q) {
        high |= static_cast<unsigned char>(*q);
        if (*q == ',') {
            m_fields.emplace_back(field, static_cast<std::size_t>(q - field));
            field = q + 1;
        }
    }
    m_fields.emplace_back(field, static_cast<std::size_t>(end - field));
    // Bytes above 0x7F: a row that is not UTF-8 gets its encoding repaired (and a note).
    if ((high & 0x80) && !is_valid_utf8(text)) return false;
    return take_point(m_fields, line, raw, parsed);
}

bool RowParser::take_point(std::span<const std::string_view> fields, std::int64_t line, std::string_view raw,
                           ParsedChunk& parsed) {
    PointRow point;
    std::string_view category;
    // Left null while deferring: the points keep the file's coordinates until place_points.
    if (!m_to_working && !m_deferring) m_to_working = &m_reprojectors.from(points_crs());
    if (m_format.police_uk) {
        std::string_view crime_id;
        if (!parse_police_uk_point(fields, m_to_working, m_months, point, category, crime_id)) return false;
        if (!crime_id.empty()) parsed.point_keys.push_back({parsed.points.size(), hash128(crime_id), line, raw});
    } else {
        if (!m_format.mapped->parse_point(fields, m_to_working, m_dates, point, category)) return false;
    }
    point.category = category_index(category, parsed);
    parsed.points.push_back(point);
    return true;
}

std::uint32_t RowParser::category_index(std::string_view text, ParsedChunk& parsed) {
    if (m_last_category < parsed.categories.size() && parsed.categories[m_last_category] == text) return m_last_category;
    auto it = m_category_at.find(text);
    if (it == m_category_at.end()) {
        it = m_category_at.emplace(std::string(text), static_cast<std::uint32_t>(parsed.categories.size())).first;
        parsed.categories.emplace_back(text);
    }
    m_last_category = it->second;
    return it->second;
}

void RowParser::take_row(CsvRecord& record, ParsedChunk& parsed) {
    if (parsed.used == parsed.rows.size()) parsed.rows.emplace_back();
    ParsedRow& row = parsed.rows[parsed.used++];
    parse_row(record, row);
    row.points_before = parsed.points.size();
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
            if (!record.fields.empty() && record.fields[0].empty() && !m_format.points_only)
                content = KeyRegistry::content_hash(record.fields);
            row.why = take_police_uk_row(record, inc);
        } else {
            row.why = m_format.mapped->parse(record, inc);
            // A points-only read keys nothing: no row of one file without ids is a duplicate.
            if (!row.why && inc.crime_id.empty() && !m_format.points_only) content = KeyRegistry::content_hash(record.fields);
        }
        if (!row.why) row.why = place_incident(inc, m_reprojectors.from(inc.src_crs));
        if (!row.why) {
            row.keyed_by_content = inc.crime_id.empty();
            if (row.keyed_by_content) {
                if (content) row.key_hash = *content;
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
