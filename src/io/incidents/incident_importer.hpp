// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/key_registry.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "geo/area_index.hpp"
#include "geo/reprojector.hpp"
#include "geo/study_area.hpp"
#include "io/incidents/incident_columns.hpp"
#include "io/incidents/incident_placement.hpp"
#include "io/incidents/incident_rows.hpp"
#include "io/incidents/point_rows.hpp"
#include "io/incidents/row_estimate.hpp"
#include "core/incident_sink.hpp"

#include <functional>
#include <map>
#include <memory>
#include <string>
#include <unordered_set>

namespace safermap::io {

// Why a row whose key was `seen` before is rejected (none for a new key); `key` is for the message.
std::optional<Rejection> duplicate_rejection(KeyRegistry::Seen seen, bool keyed_by_content, std::string_view key);

// Everything an incident import streams each row through, in order: placement
// (reprojection), de-duplication, study-area marking, the own-LSOA check, then the writer.
// Rows that fail a step go to `rejects`; nothing else is dropped. Accepted rows go to `sink`.
// A working CRS of "none" takes coordinates as plain planar units, with no reprojection.
class IncidentImporter {
public:
    using Progress = std::function<void(const std::string& file, std::int64_t rows)>;

    IncidentImporter(IncidentSink& sink, KeyRegistry& keys, Rejects& rejects, std::string working_crs);
    ~IncidentImporter();

    // Optional stages. The importer does not own these.
    void set_study_area(const geo::StudyArea* area, const std::unordered_set<std::string>* lsoa_codes_inside);
    void set_lsoa_index(const geo::AreaIndex* lsoas) { m_lsoas = lsoas; }
    void set_progress(Progress progress) { m_progress = std::move(progress); }
    // For an analysis of one file, which needs only positions, dates, weights and categories:
    // a police.uk CSV, or a CSV read through `columns` without an id column, sends each row
    // that has coordinates and nothing to reject to `points` as a bare point, built without the
    // row's other columns. Every other row (rejected, kept without coordinates, re-encoded)
    // goes through the stages as usual to the incident sink; both kinds in input order. Only
    // Crime IDs are checked for duplicates (a police.uk point's too): rows without an id get no
    // content key, so this is valid only while nothing else can be a duplicate: one file per
    // importer, an empty KeyRegistry, and no study area or LSOA index set (their stages are
    // not applied to bare points). CSVs with an id column and vector layers are read as usual.
    void set_point_sink(PointRowSink* points) { m_points = points; }
    // How CSV files are read in parallel: chunks of about `bytes` (256 KiB unless set), parsed by
    // `threads` worker threads (0: one per hardware thread). Results never depend on these.
    void set_parallel_reading(std::size_t bytes, unsigned threads) {
        m_chunk_bytes = bytes;
        m_threads = threads;
    }

    // Imports one file: a police.uk street-level CSV (recognised by its header; gzip allowed),
    // any other CSV through `columns`, or a point layer in any GDAL vector format.
    // Throws IoError/SchemaError/ConfigError/CrsError when the file cannot be used at all
    // (rows already read stay in the caller's transaction, which should then roll back).
    RunReport import_file(const std::string& path, const IncidentColumns& columns);

    // The format of the last file imported: "police.uk", "csv" or "vector".
    const std::string& last_format() const { return m_format; }

private:
    RunReport import_csv(const std::string& path, const IncidentColumns& columns);
    RunReport import_vector(const std::string& path, const IncidentColumns& columns);
    // Runs the stages after parsing; `raw` is the input row for the rejects file.
    void accept(Incident& incident, std::span<const std::string> key_fields, std::string_view raw, RunReport& report);
    // Sets the key of a row without an id from its content hash and occurrence number, and
    // turns `key_hash` into the hash of that key. (A row with an id is keyed by it as parsed.)
    void assign_content_key(Incident& incident, Hash128& key_hash);
    // The stages after placement and keying, which depend on the rows before: duplicates,
    // then marking and writing. `key_hash` is hash128(incident.key).
    void accept_placed(Incident& incident, const Hash128& key_hash, bool keyed_by_content, std::string_view raw,
                       RunReport& report);
    // The stages after de-duplication.
    void accept_new(Incident& incident, RunReport& report);
    void handle_rows(ParsedChunk& parsed, std::int64_t first_line, const std::string& path, RunReport& report);
    // The same for a points-only read: bare points and other rows, in order.
    void handle_points(ParsedChunk& parsed, std::int64_t first_line, const std::string& path, RunReport& report);
    // A point whose Crime ID came earlier: rejected as handle_rows would reject its row.
    bool reject_duplicate_point(const KeyedPoint& keyed, std::int64_t first_line, RunReport& report);
    // A points-only read's row that is not a bare point.
    void handle_full_row(ParsedRow& row, std::int64_t first_line, RunReport& report);
    void count_row(const std::string& path, RunReport& report);
    void reject(RunReport& report, const Incident& incident, const Rejection& why, std::string_view raw);

    IncidentSink& m_sink;
    KeyRegistry& m_keys;
    Rejects& m_rejects;
    std::string m_working_crs;
    const geo::StudyArea* m_study_area = nullptr;
    const std::unordered_set<std::string>* m_study_lsoas = nullptr;
    const geo::AreaIndex* m_lsoas = nullptr;
    Progress m_progress;
    PointRowSink* m_points = nullptr;
    WorkingReprojectors m_reprojectors; // for GDAL vector sources; CSV rows use their parsing thread's
    std::string m_format;
    std::string m_format_file; // the CSV's file name, as Incident::source_file gives it
    Incident m_incident;
    std::size_t m_chunk_bytes = std::size_t{256} << 10; // ~1,100 police.uk rows
    unsigned m_threads = 0;
};

} // namespace safermap::io
