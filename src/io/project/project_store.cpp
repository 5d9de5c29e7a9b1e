// SPDX-License-Identifier: MIT
#include "io/project/project_store.hpp"

#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/postgres_database.hpp"
#include "io/project/project_migrations.hpp"
#include "io/project/project_schema.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

namespace {

OGRSpatialReference working_srs(const std::string& crs, const std::string& project) {
    geo::crs_name(crs); // throws CrsError for an unknown CRS
    OGRSpatialReference srs;
    if (srs.SetFromUserInput(crs.c_str()) != OGRERR_NONE)
        throw CrsError(fmt::format("{}: GDAL does not understand working CRS '{}'", project, crs));
    srs.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

GDALDatasetUniquePtr create_geopackage(const ProjectLocation& location) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw IoError("GDAL was built without the GeoPackage driver");
    gdal_clear_error();
    GDALDatasetUniquePtr ds(driver->Create(location.connection.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw IoError(fmt::format("{}: cannot create GeoPackage ({})", location.display, gdal_last_error()));
    return ds;
}

// The database, checked to have PostGIS and no project in the schema yet, with the schema
// made. The schema is made and committed on a connection of its own: GDAL picks the schema
// its layers go to when it connects, and takes an existing one only.
GDALDatasetUniquePtr create_postgres(const ProjectLocation& location) {
    {
        GDALDatasetUniquePtr ds = open_postgres(location, true);
        if (!has_postgis(*ds, location))
            throw IoError(fmt::format("{}: the database has no PostGIS (a superuser runs CREATE EXTENSION postgis in it)",
                                      location.display));
        if (has_table(*ds, location, std::string(schema::k_settings)))
            throw IoError(fmt::format("{}: already exists (schema '{}' holds a project)", location.display, location.schema));
        if (!has_schema(*ds, location)) create_schema(*ds, location);
    }
    return open_postgres(location, true);
}

GDALDatasetUniquePtr open_geopackage(const ProjectLocation& location, bool writable) {
    if (!std::filesystem::exists(location.connection)) throw IoError(fmt::format("{}: no such project", location.display));
    gdal_clear_error();
    unsigned flags = GDAL_OF_VECTOR | (writable ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    // Reading a project for analysis, SQLite maps the file instead of copying each page into
    // its cache: loading 100k incidents 0.36 s -> 0.24 s. Only for read-only opens (writes keep
    // SQLite's ordinary I/O), and a user's own OGR_SQLITE_PRAGMA wins.
    const bool map_file = !writable && !CPLGetConfigOption("OGR_SQLITE_PRAGMA", nullptr);
    if (map_file) CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", "mmap_size=4294967296");
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(location.connection.c_str(), flags, nullptr, nullptr, nullptr)));
    if (map_file) CPLSetThreadLocalConfigOption("OGR_SQLITE_PRAGMA", nullptr);
    if (!ds) {
        std::string why = gdal_last_error();
        throw IoError(fmt::format("{}: cannot open project ({})", location.display,
                                  why.empty() ? "not a GeoPackage or other data source GDAL can open" : why));
    }
    return ds;
}

GDALDatasetUniquePtr open_existing_postgres(const ProjectLocation& location, bool writable) {
    GDALDatasetUniquePtr ds = open_postgres(location, writable);
    if (!has_table(*ds, location, std::string(schema::k_settings)))
        throw IoError(fmt::format("{}: no project in schema '{}' (safermap import creates one)", location.display, location.schema));
    return ds;
}

} // namespace

ProjectStore::ProjectStore(ProjectLocation location, GDALDatasetUniquePtr dataset)
    : m_location(std::move(location)), m_dataset(std::move(dataset)), m_dialect(sql_dialect_of(*m_dataset)) {}

ProjectStore::~ProjectStore() {
    if (m_dataset && m_in_transaction) rollback();
}

ProjectStore ProjectStore::create(const std::string& path, const ProjectSettings& settings, Creation creation) {
    gdal_init();
    ProjectLocation location = parse_project_location(path);
    if (!location.is_postgres() && std::filesystem::exists(path)) throw IoError(fmt::format("{}: already exists", location.display));
    const OGRSpatialReference srs = working_srs(settings.working_crs, location.display);
    GDALDatasetUniquePtr ds = location.is_postgres() ? create_postgres(location) : create_geopackage(location);
    ProjectStore store(std::move(location), std::move(ds));
    // PostgreSQL: the tables, indexes and settings in one transaction, so that a creation that
    // fails half way leaves nothing. A GeoPackage keeps SQLite's statement-by-statement commits.
    if (store.m_location.is_postgres()) store.begin();
    upgrade_schema(store, 0, srs);
    store.m_working_crs = settings.working_crs;
    store.set_setting("working_crs", settings.working_crs);
    const std::string default_name = store.m_location.is_postgres() ? store.m_location.schema : std::filesystem::path(path).stem().string();
    store.set_setting("name", settings.name.empty() ? default_name : settings.name);
    store.set_setting("created_by", "SaferMap");
    const bool open_transaction = creation == Creation::in_open_transaction;
    if (store.in_transaction() && !open_transaction) store.commit();
    if (!store.in_transaction() && open_transaction) store.begin();
    return store;
}

ProjectStore ProjectStore::open(const std::string& path, bool writable) {
    gdal_init();
    ProjectLocation location = parse_project_location(path);
    GDALDatasetUniquePtr ds =
        location.is_postgres() ? open_existing_postgres(location, writable) : open_geopackage(location, writable);
    ProjectStore store(std::move(location), std::move(ds));
    for (const auto& def : schema::layers())
        if (!def.optional) store.layer(def.name);
    auto crs = store.setting("working_crs");
    if (!crs) throw SchemaError(fmt::format("{}: settings has no working_crs", store.path()));
    store.m_working_crs = *crs;
    const int version = checked_schema_version(store);
    if (writable && version < k_schema_version) {
        store.begin();
        upgrade_schema(store, version, working_srs(store.m_working_crs, store.path()));
        store.commit();
    }
    return store;
}

bool ProjectStore::exists(const std::string& path) {
    const ProjectLocation location = parse_project_location(path);
    if (!location.is_postgres()) return std::filesystem::exists(path);
    GDALDatasetUniquePtr ds = open_postgres(location, false);
    return has_table(*ds, location, std::string(schema::k_settings));
}

void ProjectStore::discard_new(const std::string& path) {
    // On PostgreSQL the rolled-back transaction took the tables with it; the schema, if
    // create() made it, stays (empty, harmless, and used by the next import).
    if (!is_postgres_project(path)) std::filesystem::remove(path);
}

OGRLayer& ProjectStore::layer(std::string_view name) {
    OGRLayer* l = m_dataset->GetLayerByName(std::string(name).c_str());
    if (!l) throw SchemaError(fmt::format("{}: no layer '{}' (not a SaferMap project?)", path(), name));
    return *l;
}

std::map<std::string, std::string> ProjectStore::settings() {
    std::map<std::string, std::string> out;
    OGRLayer& l = layer(schema::k_settings);
    l.SetAttributeFilter(nullptr);
    l.ResetReading();
    for (auto& f : l) out[f->GetFieldAsString("key")] = f->GetFieldAsString("value");
    return out;
}

std::optional<std::string> ProjectStore::setting(const std::string& key) {
    auto all = settings();
    auto it = all.find(key);
    if (it == all.end()) return std::nullopt;
    return it->second;
}

void ProjectStore::set_setting(const std::string& key, const std::string& value) {
    OGRLayer& l = layer(schema::k_settings);
    l.SetAttributeFilter(nullptr);
    l.ResetReading();
    for (auto& f : l) {
        if (key == f->GetFieldAsString("key")) {
            f->SetField("value", value.c_str());
            if (l.SetFeature(f.get()) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot update setting '{}' ({})", path(), key, gdal_last_error()));
            return;
        }
    }
    OGRFeature f(l.GetLayerDefn());
    f.SetField("key", key.c_str());
    f.SetField("value", value.c_str());
    if (l.CreateFeature(&f) != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot write setting '{}' ({})", path(), key, gdal_last_error()));
}

void ProjectStore::close_cursors() {
    // GDAL's PostgreSQL driver counts each open layer cursor as a nested transaction, and when
    // a transaction ends with one still open it closes it by committing: a rollback would then
    // keep everything written so far (GDAL 3.6). So no cursor outlives a transaction boundary.
    if (m_dialect != SqlDialect::postgres) return;
    for (OGRLayer* l : m_dataset->GetLayers()) l->ResetReading();
}

void ProjectStore::begin() {
    close_cursors();
    if (m_dataset->StartTransaction(FALSE) != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot start a transaction ({})", path(), gdal_last_error()));
    m_in_transaction = true;
}

void ProjectStore::commit() {
    // PostgreSQL answers COMMIT of a transaction that an earlier error aborted by rolling it
    // back, and GDAL reports success: ask first, so that a lost import is an error, not a
    // silent success. (The failing statement is why the query fails.)
    if (m_dialect == SqlDialect::postgres) {
        // Rows sent by COPY meet the server's checks (the unique indexes) when the stream ends,
        // which closing the cursors or flushing does.
        gdal_clear_error();
        close_cursors();
        m_dataset->FlushCache();
        const std::string stream_error = gdal_first_error();
        try {
            for_each_row(*m_dataset, path(), "SELECT 1", [](OGRFeature&) {});
        } catch (const IoError& e) {
            rollback();
            throw IoError(fmt::format("{}: the transaction failed and was rolled back; nothing was written ({})", path(),
                                      stream_error.empty() ? std::string(e.what()) : stream_error));
        }
    }
    m_in_transaction = false;
    if (m_dataset->CommitTransaction() != OGRERR_NONE)
        throw IoError(fmt::format("{}: commit failed ({})", path(), gdal_last_error()));
}

void ProjectStore::rollback() {
    if (!m_in_transaction) return;
    m_in_transaction = false;
    close_cursors();
    m_dataset->RollbackTransaction();
}

void ProjectStore::close() {
    rollback();
    if (m_dataset) {
        gdal_clear_error();
        m_dataset.reset();
        if (CPLGetLastErrorType() >= CE_Failure)
            throw IoError(fmt::format("{}: error while closing ({})", path(), gdal_last_error()));
    }
}

} // namespace safermap::io
