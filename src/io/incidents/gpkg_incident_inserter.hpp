// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "geo/bounds.hpp"
#include "io/project/sqlite_statement.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string>

namespace safermap::io {

class ProjectStore;

// Inserts incidents into a GeoPackage project's `incidents` table with one prepared SQLite
// statement on GDAL's own connection, in the import's transaction, writing what GDAL's
// CreateFeature would write: the same columns and values, the point as a GeoPackage geometry
// blob without an envelope, as GDAL writes points. GDAL's per-feature work (an OGRFeature's
// fields set and read back, strings copied and measured) was half the cost of an import's
// writes. What GDAL keeps beside the rows is kept here: the feature count in
// gpkg_ogr_contents (its per-row trigger set aside and restored, as GDAL does for bulk
// inserts), and the layer's extent and last change in gpkg_contents. The R-tree is kept by its
// triggers, or packed at the end on a first import (deferred_spatial_index.hpp).
//
// The project must be closed after the import (GDAL's layer object keeps the feature count and
// extent it read before): the import job closes it.
class GpkgIncidentInserter {
public:
    // Null unless `store` is a GeoPackage. Throws IoError/SchemaError.
    static std::unique_ptr<GpkgIncidentInserter> start(ProjectStore& store);

    // Returns the new row's fid. Throws IoError naming the incident's source file and line.
    std::int64_t insert(const Incident& incident);
    // Updates the count and extent, restores the trigger and finalizes the statement; no
    // insert may follow. Throws IoError.
    void finish();

    GpkgIncidentInserter(ProjectStore& store, int srs_id, std::string count_trigger);

private:
    ProjectStore& m_store;
    std::string m_count_trigger; // GDAL's feature-count trigger as it wrote it; empty if none
    std::string m_blob;          // the point's geometry blob, rewritten row by row
    // Finalized by finish(): SQLite cannot close a connection that still has a statement
    // prepared on it, and the project may be closed before this object is destroyed.
    std::optional<SqliteStatement> m_insert;
    std::int64_t m_inserted = 0;
    std::optional<geo::Bounds> m_extent; // of the points inserted
};

} // namespace safermap::io
