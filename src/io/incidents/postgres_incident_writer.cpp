// SPDX-License-Identifier: MIT
#include "io/incidents/postgres_incident_writer.hpp"

#include "core/error.hpp"
#include "io/postgres/postgres_connection.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace safermap::io {

namespace {

// Send the stream on in pieces of about this size: large enough that libpq's calls cost
// nothing per row, small enough to keep the server busy while the client encodes.
constexpr std::size_t k_send_bytes = 1 << 20;

constexpr std::string_view k_undated_part = "undated";

} // namespace

PostgresIncidentWriter::PostgresIncidentWriter(PostgresConnection& conn, const ProjectLocation& location)
    : m_conn(conn), m_schema(location.schema), m_columns(conn, location.schema, location.display) {
    m_backend_pid = std::stoll(m_conn.column("SELECT pg_backend_pid()").at(0).value());
}

std::string PostgresIncidentWriter::loaded_table(const std::string& part) const {
    const std::string base = part == k_undated_part ? std::string(partition_sql::k_undated) : partition_sql::year_table(part);
    return fmt::format("{}_load_{}", base, m_backend_pid);
}

void PostgresIncidentWriter::add_table(const std::string& part) {
    if (m_staging.empty()) {
        // Named for this connection, so that two imports never wait on each other's tables.
        m_staging = fmt::format("{}_load_{}", schema::k_incidents, m_backend_pid);
        m_conn.execute(partition_sql::create_staging(m_staging));
    }
    if (part == k_undated_part) m_conn.execute(partition_sql::create_loaded_undated(loaded_table(part), m_staging));
    else m_conn.execute(partition_sql::create_loaded(loaded_table(part), m_staging, part));
    m_parts.insert(part);
}

void PostgresIncidentWriter::start_stream() {
    m_conn.begin_copy_in(fmt::format("COPY {} ({}) FROM STDIN (FORMAT binary)", m_staging, m_columns.column_list()));
    m_stream.emplace();
    m_stream_lines.clear();
    m_stream_rows = 0;
}

void PostgresIncidentWriter::pause() {
    if (!m_stream) return;
    m_stream->trailer();
    m_conn.send(m_stream->pending());
    m_stream.reset();
    try {
        m_conn.end_copy_in();
    } catch (const CopyRefused& e) {
        // The server counts the stream's rows from 1; name the file and line the row came from.
        if (e.row < 1 || e.row > m_stream_rows || m_stream_lines.empty()) throw;
        auto after = std::upper_bound(m_stream_lines.begin(), m_stream_lines.end(), std::pair{e.row, std::numeric_limits<std::int64_t>::max()});
        const auto& [row, line] = *std::prev(after);
        throw IoError(fmt::format("{}: line {}: the database refused the incident ({})", m_stream_file, line + (e.row - row), e.what()));
    }
}

void PostgresIncidentWriter::write(const Incident& inc) {
    std::string part(k_undated_part);
    if (!inc.month.empty()) {
        part = inc.month.substr(0, 4);
        if (!partition_sql::is_year(part))
            throw IoError(fmt::format("{}: line {}: month '{}' has no year to partition by", inc.source_file, inc.source_line, inc.month));
    }
    if (!m_parts.count(part)) {
        pause(); // a table cannot be made while a COPY runs on the connection
        add_table(part);
    }
    if (m_stream && inc.source_file != m_stream_file) pause(); // one file a stream
    if (!m_stream) {
        start_stream();
        m_stream_file = inc.source_file;
    }
    m_columns.encode(inc, *m_stream);
    ++m_stream_rows;
    if (m_stream_lines.empty() || m_stream_lines.back().second + (m_stream_rows - m_stream_lines.back().first) != inc.source_line)
        m_stream_lines.emplace_back(m_stream_rows, inc.source_line);
    ++m_rows;
    if (m_stream->pending_size() >= k_send_bytes) {
        m_conn.send(m_stream->pending());
        m_stream->clear_pending();
    }
}

void PostgresIncidentWriter::finish() {
    pause();
    if (m_staging.empty()) return;
    m_conn.execute(partition_sql::raise_maintenance_work_mem());
    // Another import attaching years waits here until this one commits, and this one for it.
    m_conn.execute(partition_sql::lock_for_partitioning(m_schema));
    for (const auto& part : m_parts) {
        const std::string loaded = loaded_table(part);
        // A year the project holds (or another import attached since this one began), and the
        // undated: the rows go in through incidents, meeting its unique indexes.
        if (part == k_undated_part ||
            m_conn.column(partition_sql::table_exists_query("$1", "$2"), {m_schema, partition_sql::year_table(part)}).at(0) != "0") {
            m_conn.execute(partition_sql::move_loaded(loaded));
            continue;
        }
        for (const auto& sql : partition_sql::attach_loaded(m_staging, loaded, part)) m_conn.execute(sql);
    }
    m_conn.execute("DROP TABLE " + m_staging);
    m_staging.clear();
    m_parts.clear();
}

} // namespace safermap::io
