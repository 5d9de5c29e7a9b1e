// SPDX-License-Identifier: MIT
#pragma once
// An import of incidents alone (no boundaries, CCTV, interventions or places) into an existing
// PostGIS project runs in a transaction of SaferMap's own libpq connection: the rows by binary
// COPY (postgres_incident_writer.hpp), the import log, the settings it updates, the vintage and
// the statistics, all committed at once by commit(). GDAL's connection only reads what was
// committed before (boundaries for the study area, the keys already stored, the log's last
// import id), which is all such an import needs; an import that also writes other layers, or
// creates the project, reads its own uncommitted writes and runs in GDAL's transaction instead.
// Destroyed without commit(), or killed, it leaves nothing: closing the connection rolls back.

#include "io/postgres/postgres_connection.hpp"
#include "io/incidents/postgres_incident_writer.hpp"
#include "io/project/incident_destination.hpp"

#include <memory>

namespace safermap::io {

struct ProjectLocation;

class PostgresIncidentImport : public IncidentDestination {
public:
    // Connects and begins the transaction. Throws IoError (the database), SchemaError (the
    // incidents table is not what SaferMap made).
    explicit PostgresIncidentImport(const ProjectLocation& location);

    IncidentSink& sink() override { return *m_writer; }
    // By binary COPY on this connection (a million keys in a fraction of GDAL's cursor's time).
    void load_keys(KeyRegistry& keys) override;
    void set_setting(const std::string& key, const std::string& value) override;
    void log(const ImportLogEntry& entry) override;
    // Skips the statistics when the import added nothing (a second import of the same files).
    void finish() override;
    // Makes the import durable. Throws IoError with the server's message; nothing is then written.
    void commit();

private:
    PostgresConnection m_conn;
    std::unique_ptr<PostgresIncidentWriter> m_writer;
};

} // namespace safermap::io
