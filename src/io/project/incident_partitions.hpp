// SPDX-License-Identifier: MIT
#pragma once
// A PostGIS project's incidents are range-partitioned by month (issue #14): one partition per
// calendar year (incidents_y2025 holds months '2025-01' to '2025-12') and incidents_undated for
// incidents without a month, whose month is '' there (a partition key cannot be NULL without
// a default partition, and attaching a year beside a default partition would lock every
// reader out). A year's analysis sends its month range in SQL (filter_resolution.hpp), and
// PostgreSQL reads only that year's partition. A GeoPackage keeps one table.

#include <set>
#include <string>
#include <string_view>
#include <vector>

class OGRLayer;

namespace safermap::io {

class ProjectStore;

// Whether `layer` names one of the incidents table's partitions: GDAL lists them as layers of
// their own, but they are the incidents layer's storage, not results.
bool is_incident_partition(std::string_view layer);

// The SQL that names and bounds the partitions, shared by the GDAL writer here and the import
// by binary COPY (postgres_incident_writer.hpp).
namespace partition_sql {
inline constexpr std::string_view k_undated = "incidents_undated";
// Whether `text` is four digits, a year a partition can hold.
bool is_year(std::string_view text);
// "incidents_y2025", and its bound: months 'YYYY-..' sort from 'YYYY' up to the next year.
std::string year_table(std::string_view year);
std::string year_bound(std::string_view year);
// The bound of the undated partition (month '').
std::string undated_bound();
// Loading aside (IncidentPartitions::NewYears::loaded_aside, postgres_incident_writer.hpp):
// - the import's own table, partitioned as incidents is, that one COPY stream fills;
std::string create_staging(std::string_view staging);
// - a year's bare table in it, with a CHECK that says what the year's bound will, so that
//   attaching it to incidents need not scan its rows (undated: no CHECK, the undated bound);
std::string create_loaded(std::string_view loaded, std::string_view staging, std::string_view year);
std::string create_loaded_undated(std::string_view loaded, std::string_view staging);
// - at the end, the statements that make a loaded year's table its partition of incidents
//   (detach, rename, attach, drop the CHECK);
std::vector<std::string> attach_loaded(std::string_view staging, std::string_view loaded, std::string_view year);
// - or that move its rows into incidents in input order, where its partition exists.
std::string move_loaded(std::string_view loaded);
// Taken first by every path that makes or attaches a year partition, and before ANALYZE and the
// settings an import updates after its rows, held to its commit (see lock_for_partitioning in
// the .cpp).
std::string lock_for_partitioning(std::string_view schema);
// Index builds sort: 256 MB of maintenance_work_mem for this transaction unless the server has more.
std::string raise_maintenance_work_mem();
// Fresh planner statistics for the columns SaferMap's queries use (analyze_incidents).
std::string analyze();
// How many tables named `table` the schema `schema` holds (0 or 1), by the statement's own
// snapshot of the catalog; both are SQL literals or parameters ('safermap', $1).
std::string table_exists_query(std::string_view schema, std::string_view table);
} // namespace partition_sql

// Schema version 2 on PostgreSQL: turns the incidents table into the partitioned one, moving
// the rows it holds into their years' partitions, with the indexes of version 1 (the incident
// key unique per month, as a partitioned table's unique indexes must hold the partition key).
// Nothing on a GeoPackage. Throws IoError naming the project.
void partition_incidents(ProjectStore& store);

// The incidents' secondary indexes on PostGIS (fid order, GiST on geometry, month, category,
// the unique incident key), made on the partitioned table so that every partition has them.
// create_incident_indexes builds them (as the migration does); drop_incident_indexes removes
// them, for an import into a project it has just created, which loads the rows first and then
// builds the indexes in one pass each, as pg_restore does (a million rows: 19 s -> 14 s). That
// takes the table's exclusive lock, so only a table no other session can yet see is unindexed
// this way. Nothing on a GeoPackage. Throws IoError naming the project.
void create_incident_indexes(ProjectStore& store);
void drop_incident_indexes(ProjectStore& store);

// PostGIS: fresh planner statistics for the incidents table and its partitions, taken at the end
// of an import rather than whenever autovacuum gets round to it (straight after a 6-million-row
// import a district's burglaries took 22 s under the plan chosen without them). Only the
// columns that SaferMap's queries filter, sort or group on: all 33 took twice as long (a
// million rows: 2.6 s against 1.3 s). Nothing on a GeoPackage. Throws IoError naming the project.
void analyze_incidents(ProjectStore& store);

// The partitions a PostGIS import writes into, and the table each incident goes to.
//
// How a year without a partition is handled depends on the writer:
// - made_at_once (IncidentWriter's default; an import that creates the project, where the
//   partition is made in the import's own transaction, as nobody else can see the project):
//   in an existing project the year's partition is made before its first incident goes in, in
//   a short transaction of its own on a second connection. Rows then go in through the
//   incidents table, each updating its indexes.
// - loaded_aside (an import into an existing project): the year's rows are loaded into a bare
//   table of the import's own (no index; a CHECK that its months are that year's), a partition
//   of one table of the import's, partitioned as incidents is, so that one COPY stream carries
//   every new year however they mix. Then finish() attaches each year's table as its partition
//   of incidents, which builds its indexes in one sorted pass each: a million rows into a
//   project holding only boundaries took 27 s row by row, 15.5 s so. When another import
//   attached that year first, the rows move into its partition instead. A rolled-back or
//   killed import leaves nothing. Rows of years that have their partition still go in through
//   the incidents table, and an input that alternates between those and new years ends and
//   restarts GDAL's COPY at each change (correct, but slow; police.uk files come a month each).
// Making or attaching a partition takes the incidents table's SHARE UPDATE EXCLUSIVE lock,
// first, until commit: readers and writers go on; other imports' attaching and ANALYZE wait
// until this import commits.
// A project that an import has just created is loaded unindexed: drop_incident_indexes above.
class IncidentPartitions {
public:
    enum class NewYears { made_at_once, loaded_aside };
    // Reads which years have partitions; does nothing for a GeoPackage. `incidents` is the
    // project's incidents layer.
    IncidentPartitions(ProjectStore& store, OGRLayer& incidents, NewYears new_years = NewYears::made_at_once);
    // The layer an incident of `month` ('YYYY-MM'; '' is undated) is written to: the incidents
    // layer, or the table its year is loaded aside in. made_at_once: after making a partition,
    // ends the import's COPY so that the next rows are routed with the new partition in view.
    // Throws IoError naming the project.
    OGRLayer& layer_for(std::string_view month);
    // loaded_aside: attaches each year loaded aside (or moves its rows into the partition
    // another import made meanwhile); call it after the last row, inside the import's
    // transaction. Throws IoError naming the project (a duplicate key among the moved rows).
    void finish();

private:
    OGRLayer& load_aside(std::string_view year);
    // The table `year` is loaded aside in, in the staging table ("incidents_y2025_load_<pid>").
    std::string aside_partition(std::string_view year) const;

    ProjectStore& m_store;
    OGRLayer& m_incidents;
    bool m_partitioned = false;
    NewYears m_new_years = NewYears::made_at_once;
    std::set<std::string, std::less<>> m_years;
    std::set<std::string, std::less<>> m_aside; // loaded_aside: the years loaded aside so far
    OGRLayer* m_staging = nullptr;              // loaded_aside: the table they are loaded into
    long long m_staging_id = 0;                 // the import's backend pid, which names its tables
};

} // namespace safermap::io
