// SPDX-License-Identifier: MIT
#pragma once
// Incidents streamed into a PostGIS project by binary COPY on SaferMap's own libpq connection,
// inside that connection's transaction (postgres_incident_import.hpp), instead of GDAL's text
// COPY with a feature per row: the client formats no text and the server parses none.
//
// Every row goes into one table of the import's own ("incidents_load_<backend pid>"),
// partitioned as incidents is, with a bare table for each year the input holds (no index; a
// CHECK that its months are that year's) and one for undated rows. One COPY stream carries them
// all however the input mixes years; it ends and restarts only when a year is first seen (to
// make its table) or another statement must run. finish() then, under the partitioning lock:
// - attaches each year the project has no partition for as that partition, which builds its
//   indexes in one sorted pass each and skips the validation scan (the CHECK implies the bound);
// - moves the rows of every other year, and the undated ones, into incidents in input order
//   (fid), where the unique key index refuses a duplicate another import committed meanwhile.
// The fid comes from the incidents table's own sequence, in input order, as a GDAL import's does.
// Nothing is seen by other sessions before the transaction commits, and a rollback or a kill
// leaves nothing (the tables are the transaction's own).

#include "core/incident_sink.hpp"
#include "io/incidents/incident_copy_columns.hpp"
#include "io/postgres/binary_copy_writer.hpp"

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace safermap::io {

class PostgresConnection;
struct ProjectLocation;

class PostgresIncidentWriter : public IncidentSink {
public:
    // Reads the incidents table's columns on `conn`, which must be in a transaction and stay
    // open while this lives. Throws SchemaError or IoError (incident_copy_columns.hpp).
    PostgresIncidentWriter(PostgresConnection& conn, const ProjectLocation& location);

    // Throws IoError naming the source file and line for a month without a year or a value that
    // does not fit, or when the connection fails. A row the server refuses is reported, with
    // its file and line, when the stream ends (pause() or finish()).
    void write(const Incident& incident) override;
    // Ends the running COPY, if any, so that another statement can run on the connection; the
    // next row starts a new one. Throws IoError when the server refused a row of the stream.
    void pause();
    // Ends the stream and places the rows (see above). Call after the last row, before commit.
    // Throws IoError with the server's message (a duplicate key among the moved rows).
    void finish();

    long long rows_sent() const { return m_rows; }

private:
    void start_stream();
    void add_table(const std::string& part);
    std::string loaded_table(const std::string& part) const; // "incidents_y2025_load_<pid>"

    PostgresConnection& m_conn;
    std::string m_schema;
    IncidentCopyColumns m_columns;
    long long m_backend_pid = 0;
    std::string m_staging;                      // empty until the first row
    std::set<std::string, std::less<>> m_parts; // "2025", ..., and "undated": those made so far
    std::optional<BinaryCopyWriter> m_stream;   // open while a COPY runs
    // Where the running stream's rows came from, to name one the server refuses: the stream
    // holds one file's rows, whose lines mostly follow one another, so only the rows where the
    // line does not follow the previous one's are kept (row number from 1, its line).
    std::string m_stream_file;
    std::vector<std::pair<long long, std::int64_t>> m_stream_lines;
    long long m_stream_rows = 0;
    long long m_rows = 0;
};

} // namespace safermap::io
