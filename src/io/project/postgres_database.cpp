// SPDX-License-Identifier: MIT
#include "io/project/postgres_database.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/sql_text.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>

namespace safermap::io {

namespace {

long long count(GDALDataset& ds, const ProjectLocation& location, const std::string& sql) { return sql_integer(ds, location.display, sql); }

} // namespace

GDALDatasetUniquePtr open_postgres(const ProjectLocation& location, bool writable) {
    gdal_init();
    gdal_clear_error();
    const char* drivers[] = {"PostgreSQL", nullptr};
    // Without it GDAL lists only tables with a geometry column, and info would miss result
    // tables without one.
    const char* options[] = {"LIST_ALL_TABLES=YES", nullptr};
    // A partitioned table has no single-column primary key for GDAL to take as the feature ID
    // (incident_partitions.hpp); every SaferMap table's FID column is fid.
    if (!CPLGetConfigOption("PGSQL_OGR_FID", nullptr)) CPLSetConfigOption("PGSQL_OGR_FID", "fid");
    const unsigned flags = GDAL_OF_VECTOR | (writable ? GDAL_OF_UPDATE : GDAL_OF_READONLY);
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(location.connection.c_str(), flags, drivers, options, nullptr)));
    if (!ds) {
        const std::string why = mask_credentials(gdal_last_error());
        throw IoError(fmt::format("{}: cannot connect to the database ({})", location.display,
                                  why.empty() ? "GDAL's PostgreSQL driver could not open it" : why));
    }
    return ds;
}

bool has_postgis(GDALDataset& ds, const ProjectLocation& location) {
    return count(ds, location, "SELECT COUNT(*) FROM pg_catalog.pg_extension WHERE extname = 'postgis'") > 0;
}

bool has_schema(GDALDataset& ds, const ProjectLocation& location) {
    return count(ds, location, fmt::format("SELECT COUNT(*) FROM pg_catalog.pg_namespace WHERE nspname = {}", sql_quote(location.schema))) > 0;
}

bool has_table(GDALDataset& ds, const ProjectLocation& location, const std::string& table) {
    return count(ds, location,
                 fmt::format("SELECT COUNT(*) FROM pg_catalog.pg_tables WHERE schemaname = {} AND tablename = {}",
                             sql_quote(location.schema), sql_quote(table))) > 0;
}

void create_schema(GDALDataset& ds, const ProjectLocation& location) {
    // The name was checked to be a plain identifier (parse_project_location): no quoting needed.
    try {
        for_each_row(ds, location.display, "CREATE SCHEMA IF NOT EXISTS " + location.schema, [](OGRFeature&) {});
    } catch (const IoError& e) {
        throw IoError(fmt::format("{}: cannot create schema '{}' ({})", location.display, location.schema, e.what()));
    }
}

} // namespace safermap::io
