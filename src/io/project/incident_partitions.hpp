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

namespace safermap::io {

class ProjectStore;

// Whether `layer` names one of the incidents table's partitions: GDAL lists them as layers of
// their own, but they are the incidents layer's storage, not results.
bool is_incident_partition(std::string_view layer);

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

// The partitions a PostGIS import writes into. A year's partition is made before the first
// incident of that year goes in, in a short transaction of its own on a second connection:
// inside the import's transaction its uncommitted table would hold up other imports of that
// year until the import ended. An import rolled back or killed may so leave an empty year
// partition behind, never a row.
class IncidentPartitions {
public:
    // Reads which years have partitions; does nothing for a GeoPackage.
    explicit IncidentPartitions(ProjectStore& store);
    // Makes sure the partition for `month` ('YYYY-MM'; '' is undated) exists; after making one,
    // ends the import's COPY so that the next rows are routed with the new partition in view.
    // Throws IoError naming the project.
    void ensure(std::string_view month);

private:
    ProjectStore& m_store;
    bool m_partitioned = false;
    std::set<std::string, std::less<>> m_years;
};

} // namespace safermap::io
