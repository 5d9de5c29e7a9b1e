// SPDX-License-Identifier: MIT
#include "io/project/project_migrations.hpp"

#include "core/error.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/import_log.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/project/schema_layer.hpp"

#include <fmt/format.h>

#include <array>
#include <charconv>

namespace safermap::io {

namespace {

// PostGIS only: GDAL makes the GiST index on each geometry itself. These serve the filters
// every analysis sends (month range, crime types) and turn the duplicate rules the importers
// apply into constraints the database enforces, so that two imports at once cannot both add
// the same incident. A GeoPackage keeps its indexes as they were (the importers check keys).
constexpr std::array k_postgres_statements{
    // Byte order, as SQLite compares text: the same sorting as a GeoPackage whatever the
    // database's locale, and index upkeep without the locale's collation (a million-row import
    // into the test server, locale C.UTF-8: 22 s -> 13 s; bench/postgis.sh).
    "ALTER TABLE incidents ALTER COLUMN key TYPE varchar COLLATE \"C\", ALTER COLUMN month TYPE varchar COLLATE \"C\", "
    "ALTER COLUMN category TYPE varchar COLLATE \"C\"",
    "CREATE INDEX incidents_month_idx ON incidents (month)",
    "CREATE INDEX incidents_category_idx ON incidents (category)",
    "CREATE UNIQUE INDEX incidents_key_uq ON incidents (key)",
    "CREATE UNIQUE INDEX boundaries_kind_code_uq ON boundaries (kind, code)",
    "CREATE UNIQUE INDEX places_code_uq ON places (code)",
    "CREATE UNIQUE INDEX settings_key_uq ON settings (key)",
};

void create_version_1(ProjectStore& store, const OGRSpatialReference& srs) {
    for (const auto& def : schema::layers()) create_schema_layer(store.dataset(), def, &srs, store.path());
    if (store.dialect() != SqlDialect::postgres) return;
    for (const char* sql : k_postgres_statements) for_each_row(store.dataset(), store.path(), sql, [](OGRFeature&) {});
}

constexpr std::array k_migrations{
    Migration{1,
              "the layers of project_schema.hpp; on PostgreSQL, B-tree indexes on incidents' month and category and "
              "unique indexes on the duplicate keys (incident key, boundary kind and code, place code, setting key)",
              &create_version_1},
    Migration{2,
              "on PostgreSQL, incidents range-partitioned by month: a partition per year and one for incidents "
              "without a month (month '' there); the incident key unique per month",
              [](ProjectStore& store, const OGRSpatialReference&) { partition_incidents(store); }},
    Migration{3,
              "on PostgreSQL, a sequence numbering imports (import_log.import_id), so that two imports at once never "
              "share an import id, nor the default rejects file named after it",
              [](ProjectStore& store, const OGRSpatialReference&) {
                  if (store.dialect() != SqlDialect::postgres) return;
                  for (const std::string& sql : import_id_sequence_statements())
                      for_each_row(store.dataset(), store.path(), sql, [](OGRFeature&) {});
              }},
};
static_assert(k_migrations.back().version == k_schema_version);

} // namespace

std::span<const Migration> migrations() { return k_migrations; }

int checked_schema_version(ProjectStore& store) {
    const auto text = store.setting("schema_version");
    if (!text) throw SchemaError(fmt::format("{}: settings has no schema_version (not a SaferMap project?)", store.path()));
    int version = 0;
    const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), version);
    if (ec != std::errc() || end != text->data() + text->size() || version < 1)
        throw SchemaError(fmt::format("{}: settings.schema_version is '{}', not a version number", store.path(), *text));
    if (version > k_schema_version)
        throw SchemaError(fmt::format("{}: schema version {} was written by a newer SaferMap; this one reads versions up to {} "
                                      "(upgrade SaferMap)",
                                      store.path(), version, k_schema_version));
    return version;
}

void upgrade_schema(ProjectStore& store, int from, const OGRSpatialReference& srs) {
    for (const auto& m : k_migrations) {
        if (m.version <= from) continue;
        m.apply(store, srs);
        store.set_setting("schema_version", std::to_string(m.version));
    }
}

} // namespace safermap::io
