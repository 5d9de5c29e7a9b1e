// SPDX-License-Identifier: MIT
#pragma once

#include "core/hash128.hpp"
#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/csv_chunks.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/incident_placement.hpp"
#include "io/incidents/point_rows.hpp"

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::io {

class MappedCsvFormat;

// One data row after the steps that depend on nothing but the row itself: CSV parsing, the
// encoding repair, the format's checks, placement (reprojection) and the hash of its key.
// What depends on earlier rows (duplicates, occurrence numbers) is left to the caller.
struct ParsedRow {
    Incident incident;
    std::string_view raw_view;     // the row as read, in its chunk's bytes...
    std::string raw_copy;          // ...or re-encoded, when `transcoded`
    std::optional<Rejection> why;  // set when the row is rejected by these steps
    bool transcoded = false;       // re-encoded from Windows-1252
    bool keyed_by_content = false; // no Crime ID: key_hash is the content hash of its fields
    Hash128 key_hash;              // hash128(crime_id), or KeyRegistry::content_hash(fields)
    std::size_t points_before = 0; // points-only reads: how many of the chunk's `points` come first
    // The row as read, for the rejects file: valid while its chunk's bytes are unchanged.
    std::string_view raw() const { return transcoded ? std::string_view(raw_copy) : raw_view; }
};

// A bare point that has a Crime ID, to be checked for duplicates before it is kept.
struct KeyedPoint {
    std::size_t point = 0;   // its index in ParsedChunk::points
    Hash128 key_hash;        // hash128(Crime ID)
    std::int64_t line = 0;   // relative to the chunk's first line, as Incident::source_line is
    std::string_view raw;    // the row as read, in its chunk's bytes, for the rejects file
};

// The rows of one chunk, numbered relative to the chunk's first line (0).
struct ParsedChunk {
    CsvChunk chunk;
    std::size_t start = 0;           // where the rows start in chunk.bytes (after the header)
    std::vector<ParsedRow> rows;     // reused from chunk to chunk: strings keep their capacity
    std::size_t used = 0;            // rows[0, used) hold this chunk's rows
    std::int64_t lines = 0;          // line ends consumed (the next chunk's first line, relative)
    bool ends_inside_quotes = false; // the last row is cut off by the chunk's end: join it on
    std::size_t last_row_offset = 0; // where in chunk.bytes that last row starts
    // Points-only reads (RowFormat::points_only): the rows that are bare points, in order, and
    // the category texts they index. The other rows are in `rows`, placed among these by
    // ParsedRow::points_before.
    std::vector<PointRow> points;
    std::vector<std::string> categories;
    // Police.uk points with a Crime ID, in order: their duplicates are found in input order.
    std::vector<KeyedPoint> point_keys;
    // Valid when `points` are still in the file's CRS, parsed while PROJ searched for the
    // transformation (RowParser::Deferral::while_searching): RowParser::place_points before use.
    std::shared_future<void> points_unplaced;
};

// How to read a row into an incident: shared, read-only, by every parsing thread.
struct RowFormat {
    bool police_uk = false;
    const MappedCsvFormat* mapped = nullptr; // for other CSVs
    std::string file_name;                   // Incident::source_file
    std::string working_crs;                 // "none": planar units, no reprojection
    // One file read for analysis only: rows that parse_police_uk_point or
    // MappedCsvFormat::parse_point takes become bare points; the rest are parsed in full. Rows
    // without an id get no content key: in one file nothing but a repeated id is a duplicate.
    bool points_only = false;
};

// One parsing thread's own state: PROJ transformations are not shareable between threads.
class RowParser {
public:
    explicit RowParser(const RowFormat& format) : m_format(format), m_reprojectors(format.working_crs) {}
    ~RowParser();
    RowParser(const RowParser&) = delete;
    RowParser& operator=(const RowParser&) = delete;

    // Whether a points-only parse may leave its points in the file's CRS while PROJ searches
    // for the transformation on a thread of its own (40-50 ms, a third of reading 100k
    // police.uk rows), instead of waiting for it before the first row.
    enum class Deferral { never, while_searching };
    // Parses `parsed.chunk.bytes` from `parsed.start` into `parsed`.
    void parse(ParsedChunk& parsed, Deferral deferral = Deferral::never);
    // Places the points of a chunk parsed while PROJ searched (`parsed.points_unplaced`),
    // waiting for the search; nothing otherwise. When PROJ refuses a point, the chunk is parsed
    // again with the transformation at hand, so that its row is parsed in full and rejected
    // exactly as a parse that never waited would have it.
    void place_points(ParsedChunk& parsed);

private:
    // Points-only reads: the CRS the file's points come in ("" when nothing is reprojected).
    std::string points_crs() const;
    void parse_records(ParsedChunk& parsed);
    void parse_lines(ParsedChunk& parsed);
    void parse_row(CsvRecord& record, ParsedRow& row);
    // Appends the record, parsed in full, to parsed.rows.
    void take_row(CsvRecord& record, ParsedChunk& parsed);
    // Appends the row (on relative `line`, read as `raw`) to parsed.points when it is a bare
    // point; false otherwise.
    bool take_point(std::span<const std::string_view> fields, std::int64_t line, std::string_view raw, ParsedChunk& parsed);
    // A line without a quote: `text` without its line end, `raw` as CsvReader would give it.
    bool take_line(std::string_view text, std::string_view raw, std::int64_t line, ParsedChunk& parsed);
    std::uint32_t category_index(std::string_view text, ParsedChunk& parsed);

    const RowFormat& m_format;
    WorkingReprojectors m_reprojectors;
    CsvRecord m_record;
    // Points-only reads.
    const geo::Reprojector* m_to_working = nullptr; // from the file's CRS, made on first use
    bool m_deferring = false;                        // this parse leaves points unplaced
    std::shared_future<void> m_search;               // waited for before this parser goes
    PointDates m_dates;
    PointMonths m_months;
    std::vector<std::string_view> m_fields;
    std::map<std::string, std::uint32_t, std::less<>> m_category_at; // this chunk's categories
    std::uint32_t m_last_category = 0;
};

// Re-encodes a row that is not valid UTF-8 from Windows-1252, the usual culprit in UK
// council exports. Returns true when it had to.
bool repair_encoding(CsvRecord& record);

} // namespace safermap::io
