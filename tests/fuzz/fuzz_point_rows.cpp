// SPDX-License-Identifier: MIT
// Fuzz target: the points-only row parsing of a police.uk file or a mapped CSV
// (io/incidents/incident_rows, RowFormat::points_only, parse_police_uk_point and
// MappedCsvFormat::parse_point), against the full parsing of the same bytes that an import
// does. Input: one byte choosing the mapped roles (as in fuzz_mapped_csv_row, without an id:
// an importer never reads a mapped file with ids points-only; unused for a police.uk header),
// one byte cutting the rows into pieces of that many bytes at line ends (0: one piece, as the
// importer's chunks are cut), then CSV text whose first record is the header.
// Working CRS "none": nothing is reprojected, so PROJ's database is never needed.
// Properties: both parsers stop at the same line with the same state; each bare point is a
// row the full parser keeps at exactly that position, weight, month, day and category,
// without a repair; a police.uk point with a Crime ID carries that row's key hash, line and
// raw text, and one without comes from a row without; every other row is parsed exactly as
// the full parser parses it; and
// parse_number's fast path reads every field as std::from_chars does (io/csv/number_text).
#include "core/error.hpp"
#include "fuzz_check.hpp"
#include "number_reference.hpp"
#include "fuzz_columns.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/number_text.hpp"
#include "io/incidents/incident_rows.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/incidents/month_numbers.hpp"
#include "io/incidents/police_uk_format.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>

namespace {

using namespace safermap;

using test::number_by_from_chars;

void check_numbers(std::string_view bytes) {
    io::CsvReader reader(bytes, "fuzz.csv", 1, true);
    io::CsvRecord record;
    while (reader.next(record))
        for (const auto& field : record.fields) {
            const auto got = io::parse_number(field), want = number_by_from_chars(field);
            SAFERMAP_FUZZ_CHECK(got.has_value() == want.has_value());
            if (got) SAFERMAP_FUZZ_CHECK(*got == *want && std::signbit(*got) == std::signbit(*want));
        }
}

bool same_row(const io::ParsedRow& a, const io::ParsedRow& b) {
    const Incident& x = a.incident;
    const Incident& y = b.incident;
    return a.why.has_value() == b.why.has_value() && (!a.why || (a.why->reason == b.why->reason && a.why->detail == b.why->detail)) &&
           a.raw() == b.raw() && a.transcoded == b.transcoded && x.source_line == y.source_line && x.xy.has_value() == y.xy.has_value() &&
           (!x.xy || (x.xy->x == y.xy->x && x.xy->y == y.xy->y)) && x.month == y.month && x.occurred == y.occurred &&
           x.category == y.category && x.weight == y.weight && x.status == y.status && x.attributes_json == y.attributes_json &&
           x.crime_id == y.crime_id && (x.crime_id.empty() || a.key_hash == b.key_hash);
}

// A bare point against the full parser's row: kept, placed, and numbered as PointCollector
// numbers an Incident.
bool same_point(const io::PointRow& p, const std::string& category, const io::ParsedRow& full) {
    const Incident& inc = full.incident;
    if (full.why || full.transcoded || !inc.xy || inc.status != GeocodeStatus::source) return false;
    const std::int32_t month = inc.month.empty() ? -1 : io::month_index(inc.month, "month");
    return p.x == inc.xy->x && p.y == inc.xy->y && p.weight == inc.weight.value_or(1.0) && p.month == month &&
           p.day == io::day_number(inc.occurred) && category == inc.category;
}

void compare(const io::RowFormat& full_format, const io::RowFormat& bare_format, std::string_view piece, bool at_file_start, bool last,
             std::size_t start) {
    io::RowParser full_parser(full_format), bare_parser(bare_format);
    io::ParsedChunk full, bare;
    full.chunk.bytes = bare.chunk.bytes = std::string(piece);
    full.chunk.at_file_start = bare.chunk.at_file_start = at_file_start;
    full.chunk.last = bare.chunk.last = last;
    full.start = bare.start = start;
    full_parser.parse(full);
    bare_parser.parse(bare);
    SAFERMAP_FUZZ_CHECK(full.points.empty());
    SAFERMAP_FUZZ_CHECK(full.lines == bare.lines);
    SAFERMAP_FUZZ_CHECK(full.ends_inside_quotes == bare.ends_inside_quotes);
    if (full.ends_inside_quotes) SAFERMAP_FUZZ_CHECK(full.last_row_offset == bare.last_row_offset);
    SAFERMAP_FUZZ_CHECK(full.used == bare.used + bare.points.size());
    SAFERMAP_FUZZ_CHECK(bare_format.police_uk || bare.point_keys.empty());
    std::size_t at = 0, row = 0, key = 0;
    for (std::size_t i = 0; i <= bare.points.size(); ++i) {
        for (; row < bare.used && bare.rows[row].points_before == i; ++row, ++at) SAFERMAP_FUZZ_CHECK(same_row(bare.rows[row], full.rows[at]));
        if (i == bare.points.size()) break;
        const io::PointRow& p = bare.points[i];
        SAFERMAP_FUZZ_CHECK(p.category < bare.categories.size());
        SAFERMAP_FUZZ_CHECK(same_point(p, bare.categories[p.category], full.rows[at]));
        const io::ParsedRow& whole = full.rows[at];
        if (key < bare.point_keys.size() && bare.point_keys[key].point == i) {
            const io::KeyedPoint& k = bare.point_keys[key++];
            SAFERMAP_FUZZ_CHECK(!whole.incident.crime_id.empty() && k.key_hash == whole.key_hash);
            SAFERMAP_FUZZ_CHECK(k.line == whole.incident.source_line && k.raw == whole.raw());
        } else {
            SAFERMAP_FUZZ_CHECK(whole.incident.crime_id.empty());
        }
        ++at;
    }
    SAFERMAP_FUZZ_CHECK(row == bare.used && at == full.used && key == bare.point_keys.size());
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size < 2) return 0;
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 2, size - 2);
    check_numbers(bytes);
    io::CsvReader header_reader(bytes, "fuzz.csv", 1, true);
    io::CsvRecord header;
    if (!header_reader.next(header) || header.unterminated_quote) return 0;
    io::repair_encoding(header);
    const bool police_uk = io::is_police_uk_header(header.fields);
    std::unique_ptr<io::MappedCsvFormat> format;
    if (!police_uk) {
        io::IncidentColumns columns = fuzz::mapping(header.fields, data[0]);
        columns.id.clear();
        try {
            format = std::make_unique<io::MappedCsvFormat>("fuzz.csv", header.fields, columns);
        } catch (const Error&) {
            return 0; // the whole input is refused, as documented
        }
    }
    const io::RowFormat full_format{police_uk, format.get(), "fuzz.csv", "none", false};
    const io::RowFormat bare_format{police_uk, format.get(), "fuzz.csv", "none", true};
    // The rows as one chunk after the header, as the first chunk of a file is parsed; then,
    // when asked, cut at line ends into pieces parsed on their own (a piece that starts or
    // ends inside a quoted field is parsed from the wrong state by both, which must agree).
    compare(full_format, bare_format, bytes, true, true, header_reader.offset());
    const std::size_t piece_bytes = data[1];
    if (piece_bytes == 0) return 0;
    std::string_view rest = bytes.substr(header_reader.offset());
    while (!rest.empty()) {
        std::size_t cut = rest.size();
        if (piece_bytes < rest.size()) {
            const void* newline = std::memchr(rest.data() + piece_bytes, '\n', rest.size() - piece_bytes);
            if (newline) cut = static_cast<std::size_t>(static_cast<const char*>(newline) - rest.data()) + 1;
        }
        compare(full_format, bare_format, rest.substr(0, cut), false, cut == rest.size(), 0);
        rest.remove_prefix(cut);
    }
    return 0;
}
