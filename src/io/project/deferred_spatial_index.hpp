// SPDX-License-Identifier: MIT
#pragma once

#include "io/project/packed_rtree.hpp"

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace safermap::io {

class ProjectStore;

// The GeoPackage R-tree of a first import, built once at the end instead of row by row.
// SQLite grows its R*Tree one insert at a time (a trigger per row): for a million police.uk
// rows that took 15 s of a 22 s import. While an import fills an empty incidents table, the
// R-tree's insert trigger is set aside; finish() packs the index from the points written
// (packed_rtree) and puts the trigger back, all inside the import's transaction, so a failed
// or killed import rolls the trigger back with everything else.
class DeferredSpatialIndex {
public:
    // Null unless `store` is a GeoPackage whose incidents table and R-tree are empty and whose
    // R-tree has its insert trigger; the index is then kept as usual, row by row.
    static std::unique_ptr<DeferredSpatialIndex> start(ProjectStore& store);

    // A row written with a point geometry (the trigger indexes exactly these).
    void add(std::int64_t fid, double x, double y) { m_points.push_back({fid, x, y}); }

    // Writes the packed R-tree and restores the trigger. Throws IoError naming the project.
    void finish();

    DeferredSpatialIndex(ProjectStore& store, std::string trigger_sql, int node_bytes)
        : m_store(store), m_trigger_sql(std::move(trigger_sql)), m_node_bytes(node_bytes) {}

private:
    ProjectStore& m_store;
    std::string m_trigger_sql; // the insert trigger as the GeoPackage driver wrote it
    int m_node_bytes;
    std::vector<RtreePoint> m_points;
};

} // namespace safermap::io
