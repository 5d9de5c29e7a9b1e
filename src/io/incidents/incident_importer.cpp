// SPDX-License-Identifier: MIT
#include "io/incidents/incident_importer.hpp"

#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/incidents/incident_rows.hpp"
#include "io/csv/ordered_chunks.hpp"
#include "io/incidents/incident_placement.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/incidents/police_uk_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <filesystem>

namespace safermap::io {

namespace {

constexpr std::int64_t k_progress_every = 50'000;

bool looks_like_csv(const std::string& path) {
    std::string name = std::filesystem::path(path).filename().string();
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* ext : {".csv", ".csv.gz", ".txt", ".txt.gz"}) {
        std::string_view e(ext);
        if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

} // namespace

IncidentImporter::IncidentImporter(IncidentSink& sink, KeyRegistry& keys, Rejects& rejects, std::string working_crs)
    : m_sink(sink), m_keys(keys), m_rejects(rejects), m_working_crs(std::move(working_crs)), m_reprojectors(m_working_crs) {}

IncidentImporter::~IncidentImporter() = default;

void IncidentImporter::set_study_area(const geo::StudyArea* area, const std::unordered_set<std::string>* lsoa_codes_inside) {
    m_study_area = area;
    m_study_lsoas = lsoa_codes_inside;
}

RunReport IncidentImporter::import_file(const std::string& path, const IncidentColumns& columns) {
    m_keys.start_file(estimate_rows({path}));
    return looks_like_csv(path) ? import_csv(path, columns) : import_vector(path, columns);
}

void IncidentImporter::reject(RunReport& report, const Incident& inc, const Rejection& why, std::string_view raw) {
    m_rejects.add(report, RejectedRow{inc.source_file, inc.source_line, why.reason, why.detail, raw});
}

void IncidentImporter::accept(Incident& inc, std::span<const std::string> key_fields, std::string_view raw,
                              RunReport& report) {
    if (auto why = place_incident(inc, m_reprojectors.from(inc.src_crs))) {
        reject(report, inc, *why, raw);
        return;
    }
    const bool by_content = inc.crime_id.empty();
    Hash128 key_hash = by_content ? KeyRegistry::content_hash(key_fields) : hash128(inc.crime_id);
    if (by_content) assign_content_key(inc, key_hash);
    else inc.key = inc.crime_id;
    accept_placed(inc, key_hash, by_content, raw, report);
}

void IncidentImporter::assign_content_key(Incident& inc, Hash128& key_hash) {
    m_keys.content_key(key_hash, inc.key);
    key_hash = hash128(inc.key);
}

void IncidentImporter::accept_placed(Incident& inc, const Hash128& key_hash, bool keyed_by_content, std::string_view raw,
                                     RunReport& report) {
    if (auto why = duplicate_rejection(m_keys.insert_hashed(key_hash), keyed_by_content, inc.key)) {
        reject(report, inc, *why, raw);
        return;
    }
    accept_new(inc, report);
}

std::optional<Rejection> duplicate_rejection(KeyRegistry::Seen seen, bool keyed_by_content, std::string_view key) {
    switch (seen) {
    case KeyRegistry::Seen::new_key: return std::nullopt;
    case KeyRegistry::Seen::in_project:
        return Rejection{"already_in_project", fmt::format("incident {} is already in the project", key)};
    case KeyRegistry::Seen::in_this_import:
        return Rejection{keyed_by_content ? "duplicate_row" : "duplicate_crime_id",
                         fmt::format("{} {} appeared earlier in this import; the first row is kept",
                                     keyed_by_content ? "row" : "Crime ID", key)};
    }
    return std::nullopt;
}

void IncidentImporter::accept_new(Incident& inc, RunReport& report) {
    if (inc.xy && m_study_area) {
        bool inside = m_study_area->contains(inc.xy->x, inc.xy->y);
        if (!inside && m_study_lsoas && m_study_lsoas->count(inc.lsoa_code)) {
            // Generalised boundaries put some snap points on boundary roads just outside:
            // the LSOA named in the row wins.
            inside = true;
            report.note("in_study_area_by_lsoa_code");
        }
        inc.in_study_area = inside;
        if (!inside) ++report.outside_study_area;
    }
    if (inc.xy && m_lsoas && !inc.lsoa_code.empty()) {
        inc.own_lsoa_distance_m = m_lsoas->distance_to(inc.lsoa_code, inc.xy->x, inc.xy->y);
        if (inc.own_lsoa_distance_m && *inc.own_lsoa_distance_m > 0) report.note("outside_own_lsoa_polygon");
    }
    if (inc.status == GeocodeStatus::not_geocoded) ++report.not_geocoded;
    m_sink.write(inc);
    ++report.kept;
}

RunReport IncidentImporter::import_csv(const std::string& path, const IncidentColumns& columns) {
    RunReport report;
    CsvChunkSource source(path, m_chunk_bytes);
    ParsedChunk first;
    source.next(first.chunk);
    CsvReader header_reader(first.chunk.bytes, path, 1, true);
    CsvRecord record;
    auto read_failure = [&](std::int64_t line, const std::string& why) {
        return IoError(fmt::format("{}: line {}: read failed ({}); the file may be truncated or corrupt", path, line, why));
    };
    if (!header_reader.next(record)) {
        if (!first.chunk.read_error.empty()) throw read_failure(1, first.chunk.read_error);
        throw SchemaError(fmt::format("{}: empty file (no header row)", path));
    }
    if (record.unterminated_quote && !first.chunk.last)
        throw SchemaError(fmt::format("{}: the header row runs on past {} bytes (a quote never closed?)", path, m_chunk_bytes));
    repair_encoding(record);
    const bool police_uk = is_police_uk_header(record.fields);
    std::unique_ptr<MappedCsvFormat> mapped;
    if (!police_uk) {
        mapped = std::make_unique<MappedCsvFormat>(path, record.fields, columns);
    } else if (columns.any()) {
        throw ConfigError(fmt::format("{}: is a police.uk file; column options (--x, --lon, --date, ...) do not apply", path));
    }
    m_format = police_uk ? "police.uk" : "csv";
    // A police.uk file's bare points keep their Crime IDs, to be checked below; a mapped CSV's
    // have no id, so none of its rows can be a duplicate.
    const bool points_only = m_points && (police_uk || !mapped->has_id()) && !m_study_area && !m_lsoas;
    m_format_file = std::filesystem::path(path).filename().string();
    const RowFormat format{police_uk, mapped.get(), m_format_file, m_working_crs, points_only};
    if (mapped) m_reprojectors.from(mapped->source_crs()); // fail now, not at the first row, on a bad CRS

    // Chunks are parsed on every core and committed one at a time in file order.
    first.start = header_reader.offset();
    bool first_taken = false;
    std::int64_t first_line = header_reader.line(); // where the next chunk to commit starts
    std::string carry;                               // a row cut off by the previous chunk's end
    OrderedChunkSteps steps;
    steps.next = [&](ParsedChunk& chunk) {
        if (!first_taken) {
            first_taken = true;
            chunk.chunk.bytes.swap(first.chunk.bytes);
            chunk.chunk.at_file_start = true;
            chunk.chunk.last = first.chunk.last;
            chunk.chunk.read_error = first.chunk.read_error;
            chunk.start = first.start;
            return true;
        }
        chunk.start = 0;
        return source.next(chunk.chunk);
    };
    // Bare points need not wait for PROJ's search for the transformation: threads parse ahead
    // meanwhile, and each chunk's points are placed when its turn comes.
    steps.parse = [](ParsedChunk& chunk, RowParser& parser) { parser.parse(chunk, RowParser::Deferral::while_searching); };
    steps.waiting = [](const ParsedChunk& chunk) {
        return chunk.points_unplaced.valid() && chunk.points_unplaced.wait_for(std::chrono::seconds(0)) != std::future_status::ready;
    };
    // In parallel, before each commit's turn; a chunk parsed again in its commit (with a cut-off
    // row in front) is never deferred.
    steps.settle = [](ParsedChunk& chunk, RowParser& parser) { parser.place_points(chunk); };
    // Commits write on whichever thread parsed the chunk.
    steps.start_helper = m_sink.helper_thread_setup();
    steps.commit = [&](ParsedChunk& chunk, RowParser& parser) {
        if (!carry.empty()) {
            // The previous chunk ended inside a quoted field, so this one was parsed from the
            // wrong state. While the field runs on through the whole chunk, the chunk only
            // lengthens the cut-off row: parsing that row again at every chunk made one stray
            // quote cost time quadratic in the length of the file.
            if (!chunk.chunk.last && chunk.chunk.read_error.empty() && !closes_quoted_field(chunk.chunk.bytes)) {
                carry += chunk.chunk.bytes;
                return;
            }
            // Otherwise parse it again with the cut-off row in front.
            chunk.chunk.bytes.insert(0, carry);
            chunk.chunk.at_file_start = false;
            chunk.start = 0;
            carry.clear();
            parser.parse(chunk);
        }
        if (points_only) handle_points(chunk, first_line, path, report);
        else handle_rows(chunk, first_line, path, report);
        first_line += chunk.lines;
        if (chunk.ends_inside_quotes) carry.assign(chunk.chunk.bytes, chunk.last_row_offset, std::string::npos);
        // Reported here, in order, once the rows read before the failure have been handled.
        if (!chunk.chunk.read_error.empty()) throw read_failure(first_line, chunk.chunk.read_error);
    };
    run_ordered_chunks(format, m_threads, steps);
    if (m_progress) m_progress(path, report.rows_read);
    return report;
}

void IncidentImporter::handle_rows(ParsedChunk& parsed, std::int64_t first_line, const std::string& path, RunReport& report) {
    std::span<ParsedRow> rows(parsed.rows.data(), parsed.used);
    // Keys first, in input order (occurrence numbers count identical rows), so that the key
    // table can be prefetched a few rows ahead below: its cache misses otherwise cost more
    // than everything else done on this thread.
    for (ParsedRow& row : rows)
        if (!row.why && row.keyed_by_content) assign_content_key(row.incident, row.key_hash);
    constexpr std::size_t k_prefetch_ahead = 32;
    auto prefetch = [&](std::size_t i) {
        if (i < rows.size() && !rows[i].why) m_keys.prefetch(rows[i].key_hash);
    };
    for (std::size_t i = 0; i < k_prefetch_ahead; ++i) prefetch(i);
    for (std::size_t i = 0; i < rows.size(); ++i) {
        prefetch(i + k_prefetch_ahead);
        ParsedRow& row = rows[i];
        count_row(path, report);
        Incident& inc = row.incident;
        inc.source_line += first_line;
        if (row.transcoded) report.note("transcoded_from_cp1252");
        if (row.why) {
            reject(report, inc, *row.why, row.raw());
            continue;
        }
        accept_placed(inc, row.key_hash, row.keyed_by_content, row.raw(), report);
    }
}

void IncidentImporter::count_row(const std::string& path, RunReport& report) {
    ++report.rows_read;
    if (m_progress && report.rows_read % k_progress_every == 0) m_progress(path, report.rows_read);
}

void IncidentImporter::handle_points(ParsedChunk& parsed, std::int64_t first_line, const std::string& path, RunReport& report) {
    const std::vector<KeyedPoint>& keyed = parsed.point_keys;
    // As in handle_rows, the key table is prefetched a few keyed points ahead.
    constexpr std::size_t k_prefetch_ahead = 32;
    for (std::size_t k = 0; k < std::min(k_prefetch_ahead, keyed.size()); ++k) m_keys.prefetch(keyed[k].key_hash);
    std::size_t next_row = 0, next_key = 0;
    for (std::size_t i = 0; i <= parsed.points.size(); ++i) {
        while (next_row < parsed.used && parsed.rows[next_row].points_before == i) {
            count_row(path, report);
            handle_full_row(parsed.rows[next_row++], first_line, report);
        }
        if (i == parsed.points.size()) break;
        count_row(path, report);
        if (next_key < keyed.size() && keyed[next_key].point == i) {
            if (next_key + k_prefetch_ahead < keyed.size()) m_keys.prefetch(keyed[next_key + k_prefetch_ahead].key_hash);
            if (reject_duplicate_point(keyed[next_key++], first_line, report)) continue;
        }
        const PointRow& point = parsed.points[i];
        m_points->write_point(point, parsed.categories[point.category]);
        ++report.kept;
    }
}

bool IncidentImporter::reject_duplicate_point(const KeyedPoint& keyed, std::int64_t first_line, RunReport& report) {
    const KeyRegistry::Seen seen = m_keys.insert_hashed(keyed.key_hash);
    if (seen == KeyRegistry::Seen::new_key) return false;
    // Only the rare duplicate needs its Crime ID as text: it is read again from the row.
    CsvReader reader(keyed.raw, m_format_file, 0, false);
    CsvRecord record;
    reader.next(record);
    const auto why = duplicate_rejection(seen, false, record.fields.empty() ? std::string_view() : record.fields[0]);
    m_rejects.add(report, RejectedRow{m_format_file, keyed.line + first_line, why->reason, why->detail, keyed.raw});
    return true;
}

void IncidentImporter::handle_full_row(ParsedRow& row, std::int64_t first_line, RunReport& report) {
    Incident& inc = row.incident;
    inc.source_line += first_line;
    if (row.transcoded) report.note("transcoded_from_cp1252");
    if (row.why) {
        reject(report, inc, *row.why, row.raw());
        return;
    }
    // A row with a Crime ID may repeat one; a row without can repeat nothing in one file.
    if (!inc.crime_id.empty()) accept_placed(inc, row.key_hash, false, row.raw(), report);
    else accept_new(inc, report);
}

} // namespace safermap::io
