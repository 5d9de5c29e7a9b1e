// SPDX-License-Identifier: MIT
#include "io/project/postgres_incident_import.hpp"

#include "core/key_registry.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

namespace safermap::io {

PostgresIncidentImport::PostgresIncidentImport(const ProjectLocation& location) : m_conn(location) {
    m_conn.execute("BEGIN");
    m_writer = std::make_unique<PostgresIncidentWriter>(m_conn, location);
}

void PostgresIncidentImport::load_keys(KeyRegistry& keys) {
    m_writer->pause();
    m_conn.copy_out(fmt::format("SELECT key FROM {} WHERE key IS NOT NULL", schema::k_incidents), 1,
                    [&](const CopyFields& row) { keys.add_existing(*row[0]); });
}

void PostgresIncidentImport::set_setting(const std::string& key, const std::string& value) {
    m_writer->pause();
    if (m_conn.execute(fmt::format("UPDATE {} SET value = $2 WHERE key = $1", schema::k_settings), {key, value}) == 0)
        m_conn.execute(fmt::format("INSERT INTO {} (key, value) VALUES ($1, $2)", schema::k_settings), {key, value});
}

void PostgresIncidentImport::log(const ImportLogEntry& entry) {
    m_writer->pause(); // no other statement can run while a COPY is open
    std::string columns, params;
    std::vector<std::optional<std::string>> values;
    for (auto& [column, value] : import_log_values(entry)) {
        values.emplace_back(std::move(value));
        columns += fmt::format("{}{}", columns.empty() ? "" : ", ", column);
        params += fmt::format("{}${}", params.empty() ? "" : ", ", values.size());
    }
    m_conn.execute(fmt::format("INSERT INTO {} ({}) VALUES ({})", schema::k_import_log, columns, params), values);
}

void PostgresIncidentImport::finish() {
    // The writer and ANALYZE take the partitioning lock before the vintage row is updated, the
    // order every import keeps (incident_partitions.cpp).
    m_writer->finish();
    if (m_writer->rows_sent() > 0) m_conn.execute(partition_sql::analyze());
    const auto vintage =
        m_conn.column(fmt::format("SELECT MIN(month) || ' to ' || MAX(month) FROM {} WHERE month <> ''", schema::k_incidents));
    if (!vintage.empty() && vintage[0]) set_setting("vintage.incidents", *vintage[0]);
}

void PostgresIncidentImport::commit() { m_conn.commit(); }

} // namespace safermap::io
