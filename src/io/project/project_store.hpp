// SPDX-License-Identifier: MIT
#pragma once

#include "io/project/project_location.hpp"
#include "io/project/sql_dialect.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace safermap::io {

struct ProjectSettings {
    std::string name;                      // shown in titles; defaults to the file's stem (the schema's name on PostgreSQL)
    std::string working_crs = "EPSG:27700"; // British National Grid
};

// A SaferMap project: boundaries, incidents, CCTV sites, interventions, settings and the
// import log (see project_schema.hpp), written through GDAL/OGR's generic API only. It lives
// in a GeoPackage file, or in a schema of a PostgreSQL + PostGIS database (`path` a GDAL
// "PG:..." connection string: see project_location.hpp for how the schema is named).
class ProjectStore {
public:
    // What create() leaves: a project already committed, or its creation inside a transaction
    // left open for the caller's commit() or rollback(). On PostgreSQL, where creating tables
    // is transactional, a rolled-back (or killed) creation leaves nothing but the schema, if
    // create() made it; a GeoPackage file is created before the transaction begins.
    enum class Creation { committed, in_open_transaction };

    // Creates the project with every layer (and, on PostgreSQL, its schema when missing and
    // the indexes of project_migrations.cpp). Throws IoError if a project exists there or
    // cannot be written (a database that cannot be reached, or lacks PostGIS), CrsError if the
    // working CRS is unknown, ConfigError for a PG: string that cannot be read.
    static ProjectStore create(const std::string& path, const ProjectSettings& settings,
                               Creation creation = Creation::committed);
    // Opens an existing project. Throws IoError (missing, not GDAL-readable, a database that
    // cannot be reached or whose schema holds no project) or SchemaError (a layer is missing:
    // not a SaferMap project; optional layers such as places may be; a schema_version newer
    // than this SaferMap's). Opening for writing upgrades an older schema version.
    static ProjectStore open(const std::string& path, bool writable);
    // Whether a project exists at `path`: the file, or a settings table in the PostgreSQL
    // schema. Throws IoError when the database cannot be reached.
    static bool exists(const std::string& path);
    // Undoes what a failed create() left at `path`, after the store is gone: removes the
    // GeoPackage file; on PostgreSQL drops the schema if, and only if, it is empty.
    static void discard_new(const std::string& path);

    ProjectStore(ProjectStore&&) noexcept = default;
    ProjectStore& operator=(ProjectStore&&) noexcept = default;
    ~ProjectStore();

    // The project as messages and outputs name it: the file's path, or the connection string
    // with any password masked.
    const std::string& path() const { return m_location.display; }
    const ProjectLocation& location() const { return m_location; }
    SqlDialect dialect() const { return m_dialect; }
    const std::string& working_crs() const { return m_working_crs; }
    GDALDataset& dataset() { return *m_dataset; }

    // The named layer; throws SchemaError when the project lacks it.
    OGRLayer& layer(std::string_view name);

    std::optional<std::string> setting(const std::string& key);
    std::map<std::string, std::string> settings();
    void set_setting(const std::string& key, const std::string& value);

    // One transaction around a whole import: commit() makes it durable; destroying the store
    // (or calling rollback()) with a transaction open undoes everything since begin().
    void begin();
    void commit();
    void rollback();
    bool in_transaction() const { return m_in_transaction; }

    // Closes the dataset, flushing everything (GeoPackage's deferred spatial indexes included).
    void close();

private:
    ProjectStore(ProjectLocation location, GDALDatasetUniquePtr dataset);
    void close_cursors();

    ProjectLocation m_location;
    GDALDatasetUniquePtr m_dataset;
    SqlDialect m_dialect = SqlDialect::sqlite;
    std::string m_working_crs;
    bool m_in_transaction = false;
};

} // namespace safermap::io
