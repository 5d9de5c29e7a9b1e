// SPDX-License-Identifier: MIT
#include "io/project/incident_partitions.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/postgres_database.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace safermap::io {

namespace {

constexpr std::string_view k_year_prefix = "incidents_y";
// The CHECK on a year's table loaded aside.
constexpr std::string_view k_aside_check = "loaded_months";
using partition_sql::k_undated;

void run(ProjectStore& store, const std::string& sql) { run_sql(store.dataset(), store.path(), sql); }

// `table` of the project's schema as a quoted regclass name.
std::string qualified(ProjectStore& store, std::string_view table) {
    return sql_quote(fmt::format("{}.{}", store.location().schema, table));
}

bool table_exists(GDALDataset& ds, const ProjectStore& store, std::string_view table) {
    return sql_integer(ds, store.path(), partition_sql::table_exists_query(sql_quote(store.location().schema), sql_quote(std::string(table)))) > 0;
}

// Every path that makes or attaches a year partition takes this lock first and holds it to its
// commit, the lock ATTACH PARTITION and ANALYZE take anyway (against other schema changes
// only: readers and writers go on). Taken first, before anything else it could wait for, it
// makes two imports meeting a new year at once make it once, in turn. An import updates the
// settings' vintage row only after it holds this lock (the ANALYZE comes first where nothing
// took it before), so that two imports never wait on each other the other way round.
void lock_for_partitioning(GDALDataset& ds, const ProjectStore& store) {
    run_sql(ds, store.path(), partition_sql::lock_for_partitioning(store.location().schema));
}

void raise_maintenance_work_mem(ProjectStore& store) { run(store, partition_sql::raise_maintenance_work_mem()); }

using partition_sql::is_year;
using partition_sql::year_bound;
std::string year_partition(std::string_view year) { return partition_sql::year_table(year); }
std::string next_year(std::string_view year) { return fmt::format("{:04}", std::stoi(std::string(year)) + 1); }

// A year's partition on `ds`: created bare and then attached, which locks the parent table
// only against other schema changes (SHARE UPDATE EXCLUSIVE), not against readers and writers
// as CREATE TABLE ... PARTITION OF would.
void create_year_partition(GDALDataset& ds, const std::string& what, std::string_view year) {
    run_sql(ds, what, fmt::format("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS)", year_partition(year), schema::k_incidents));
    run_sql(ds, what, fmt::format("ALTER TABLE {} ATTACH PARTITION {} {}", schema::k_incidents, year_partition(year), year_bound(year)));
}

std::set<std::string, std::less<>> partition_years(ProjectStore& store) {
    std::set<std::string, std::less<>> years;
    const std::string sql = fmt::format(
        "SELECT c.relname FROM pg_catalog.pg_inherits i JOIN pg_catalog.pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass({})",
        qualified(store, schema::k_incidents));
    for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        const std::string_view name = f.GetFieldAsString(0);
        if (name.starts_with(k_year_prefix)) years.emplace(name.substr(k_year_prefix.size()));
    });
    return years;
}

// Name and definition of each index create_incident_indexes makes.
struct IndexDefinition {
    std::string_view suffix, definition;
};
constexpr IndexDefinition k_incident_indexes[] = {{"fid_uq", "UNIQUE INDEX {0}_fid_uq ON {0} (fid, month)"},
                                                  {"geom_geom_idx", "INDEX {0}_geom_geom_idx ON {0} USING gist (geom)"},
                                                  {"month_idx", "INDEX {0}_month_idx ON {0} (month)"},
                                                  {"category_idx", "INDEX {0}_category_idx ON {0} (category)"},
                                                  {"key_uq", "UNIQUE INDEX {0}_key_uq ON {0} (key, month)"}};

} // namespace

namespace partition_sql {

bool is_year(std::string_view text) {
    return text.size() == 4 && std::all_of(text.begin(), text.end(), [](unsigned char c) { return std::isdigit(c) != 0; });
}

std::string year_table(std::string_view year) { return fmt::format("{}{}", k_year_prefix, year); }

std::string year_bound(std::string_view year) { return fmt::format("FOR VALUES FROM ('{}') TO ('{}')", year, next_year(year)); }

std::string undated_bound() { return "FOR VALUES FROM (MINVALUE) TO ('0')"; }

std::string create_staging(std::string_view staging) {
    return fmt::format("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS) PARTITION BY RANGE (month)", staging, schema::k_incidents);
}

std::string create_loaded(std::string_view loaded, std::string_view staging, std::string_view year) {
    return fmt::format("CREATE TABLE {} PARTITION OF {} (CONSTRAINT {} CHECK (month >= '{}' AND month < '{}')) {}", loaded, staging,
                       k_aside_check, year, next_year(year), year_bound(year));
}

std::string create_loaded_undated(std::string_view loaded, std::string_view staging) {
    return fmt::format("CREATE TABLE {} PARTITION OF {} {}", loaded, staging, undated_bound());
}

std::vector<std::string> attach_loaded(std::string_view staging, std::string_view loaded, std::string_view year) {
    const std::string name = year_table(year);
    return {fmt::format("ALTER TABLE {} DETACH PARTITION {}", staging, loaded), fmt::format("ALTER TABLE {} RENAME TO {}", loaded, name),
            fmt::format("ALTER TABLE {} ATTACH PARTITION {} {}", schema::k_incidents, name, year_bound(year)),
            fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", name, k_aside_check)};
}

std::string move_loaded(std::string_view loaded) { return fmt::format("INSERT INTO {} SELECT * FROM {} ORDER BY fid", schema::k_incidents, loaded); }

std::string lock_for_partitioning(std::string_view schema) {
    return fmt::format("LOCK TABLE ONLY {}.{} IN SHARE UPDATE EXCLUSIVE MODE", schema, schema::k_incidents);
}

// Index builds sort: 256 MB rather than the server's default 64 MB keeps a million rows' sort
// out of temporary files (for this transaction only). A server configured with more keeps its own.
std::string raise_maintenance_work_mem() {
    return "SELECT set_config('maintenance_work_mem', '262144', true) FROM pg_settings "
           "WHERE name = 'maintenance_work_mem' AND setting::bigint < 262144"; // kB
}

std::string analyze() {
    return fmt::format("ANALYZE {} (fid, key, month, category, geom, geocode_status, match_level, source_format, source_file, "
                       "in_study_area)",
                       schema::k_incidents);
}

// By the statement's own snapshot of the catalog: a table another session committed a moment
// ago is seen (to_regclass goes through this session's catalog cache, which may not have heard of it yet).
std::string table_exists_query(std::string_view schema, std::string_view table) {
    return fmt::format("SELECT COUNT(*) FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace "
                       "WHERE n.nspname = {} AND c.relname = {}",
                       schema, table);
}

} // namespace partition_sql

void create_incident_indexes(ProjectStore& store) {
    if (store.dialect() != SqlDialect::postgres) return;
    raise_maintenance_work_mem(store);
    for (const auto& index : k_incident_indexes) run(store, "CREATE " + fmt::format(fmt::runtime(index.definition), schema::k_incidents));
}

void drop_incident_indexes(ProjectStore& store) {
    if (store.dialect() != SqlDialect::postgres) return;
    std::string names;
    for (const auto& index : k_incident_indexes) names += fmt::format("{}{}_{}", names.empty() ? "" : ", ", schema::k_incidents, index.suffix);
    run(store, "DROP INDEX " + names);
}

void analyze_incidents(ProjectStore& store) {
    if (store.dialect() != SqlDialect::postgres) return;
    run(store, partition_sql::analyze());
}

bool is_incident_partition(std::string_view layer) {
    return layer == k_undated || (layer.starts_with(k_year_prefix) && is_year(layer.substr(k_year_prefix.size())));
}

void partition_incidents(ProjectStore& store) {
    if (store.dialect() != SqlDialect::postgres) return;
    const std::string_view t = schema::k_incidents;
    // Version 1's table steps aside with its indexes; its rows move over at the end.
    run(store, fmt::format("ALTER TABLE {0} RENAME TO {0}_v1", t));
    run(store, fmt::format("ALTER TABLE {0}_v1 DROP CONSTRAINT {0}_pkey", t));
    run(store, fmt::format("DROP INDEX {0}_month_idx, {0}_category_idx, {0}_key_uq, {0}_geom_geom_idx", t));
    run(store, fmt::format("CREATE TABLE {0} (LIKE {0}_v1 INCLUDING DEFAULTS) PARTITION BY RANGE (month)", t));
    run(store, fmt::format("ALTER SEQUENCE {0}_fid_seq OWNED BY {0}.fid", t));
    run(store, fmt::format("ALTER TABLE {0} ALTER COLUMN month SET DEFAULT '', ALTER COLUMN month SET NOT NULL", t));
    run(store, fmt::format("UPDATE {0}_v1 SET month = '' WHERE month IS NULL", t));
    // No primary key: a partitioned table's would have to be (fid, month), which GDAL does not
    // take for a feature ID; it is told the FID column instead (postgres_database.cpp). The
    // unique (fid, month) index serves reading in fid order and updates by fid.
    create_incident_indexes(store);
    run(store, fmt::format("CREATE TABLE {} PARTITION OF {} {}", k_undated, t, partition_sql::undated_bound()));
    std::vector<std::string> years;
    for_each_row(store.dataset(), store.path(),
                 fmt::format("SELECT DISTINCT substr(month, 1, 4) FROM {}_v1 WHERE month <> '' ORDER BY 1", t),
                 [&](OGRFeature& f) { years.emplace_back(f.GetFieldAsString(0)); });
    for (const auto& year : years) {
        if (!is_year(year)) throw IoError(fmt::format("{}: an incident has month '{}...', not a year", store.path(), year));
        create_year_partition(store.dataset(), store.path(), year);
    }
    run(store, fmt::format("INSERT INTO {0} SELECT * FROM {0}_v1 ORDER BY fid", t));
    run(store, fmt::format("DROP TABLE {0}_v1", t));
}

IncidentPartitions::IncidentPartitions(ProjectStore& store, OGRLayer& incidents, NewYears new_years)
    : m_store(store), m_incidents(incidents), m_partitioned(store.dialect() == SqlDialect::postgres), m_new_years(new_years) {
    if (m_partitioned) m_years = partition_years(store);
}

OGRLayer& IncidentPartitions::layer_for(std::string_view month) {
    if (!m_partitioned || month.empty()) return m_incidents;
    const std::string_view year = month.substr(0, 4);
    if (m_years.count(year)) return m_incidents;
    if (m_aside.count(year)) return *m_staging;
    if (!is_year(year)) throw IoError(fmt::format("{}: month '{}' has no year to partition by", m_store.path(), month));
    if (m_new_years == NewYears::loaded_aside) return load_aside(year);
    const std::string name = year_partition(year);
    GDALDatasetUniquePtr side = open_postgres(m_store.location(), true);
    if (side->StartTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: cannot begin a transaction", m_store.path()));
    if (!table_exists(*side, m_store, schema::k_incidents)) {
        // The project itself is being created by this import: no one else can see its tables
        // until it commits, so the partition is made in its transaction.
        side->RollbackTransaction();
        create_year_partition(m_store.dataset(), m_store.path(), year);
        m_years.emplace(year);
        return m_incidents;
    }
    // Two imports meeting a new year at once: the second waits here, then finds it made.
    lock_for_partitioning(*side, m_store);
    if (!table_exists(*side, m_store, name)) create_year_partition(*side, m_store.path(), year);
    if (side->CommitTransaction() != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot make the partition {} ({})", m_store.path(), name, gdal_last_error()));
    m_years.emplace(year);
    // Any statement ends GDAL's COPY on the import's connection; the next row starts a new one.
    run(m_store, "SELECT 1");
    return m_incidents;
}

OGRLayer& IncidentPartitions::load_aside(std::string_view year) {
    // Made and committed by another import since this one began: its rows go in through it.
    if (table_exists(m_store.dataset(), m_store, year_partition(year))) {
        m_years.emplace(year);
        return m_incidents;
    }
    // Every year loaded aside goes into one table partitioned as incidents is, so that one COPY
    // stream carries them all however the input mixes years. Named for this connection, so
    // that two imports loading the same year never wait on each other's uncommitted tables.
    if (!m_staging) {
        m_staging_id = sql_integer(m_store.dataset(), m_store.path(), "SELECT pg_backend_pid()");
        const std::string name = fmt::format("{}_load_{}", schema::k_incidents, m_staging_id);
        run(m_store, partition_sql::create_staging(name));
        m_staging = m_store.dataset().GetLayerByName(name.c_str());
        if (!m_staging) throw IoError(fmt::format("{}: cannot open the table {} just made ({})", m_store.path(), name, gdal_last_error()));
    }
    // The CHECK says what the partition bound will, so that attaching it to incidents in
    // finish() need not scan its rows.
    run(m_store, partition_sql::create_loaded(aside_partition(year), m_staging->GetName(), year));
    m_aside.emplace(year);
    return *m_staging;
}

std::string IncidentPartitions::aside_partition(std::string_view year) const {
    return fmt::format("{}_load_{}", year_partition(year), m_staging_id);
}

void IncidentPartitions::finish() {
    if (!m_staging) return;
    raise_maintenance_work_mem(m_store);
    const std::string staging = m_staging->GetName();
    // Another import attaching years waits here until this one commits (lock_for_partitioning).
    lock_for_partitioning(m_store.dataset(), m_store);
    for (const auto& year : m_aside) {
        const std::string aside = aside_partition(year), name = year_partition(year);
        if (table_exists(m_store.dataset(), m_store, name)) {
            // Made by another import since this one began: the rows move into it.
            run(m_store, partition_sql::move_loaded(aside));
            continue;
        }
        for (const auto& sql : partition_sql::attach_loaded(staging, aside, year)) run(m_store, sql);
        m_years.emplace(year);
    }
    run(m_store, "DROP TABLE " + staging);
    m_aside.clear();
    m_staging = nullptr;
}

} // namespace safermap::io
