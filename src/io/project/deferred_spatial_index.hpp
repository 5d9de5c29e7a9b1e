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
// R-tree's triggers are set aside; finish() packs the index from the points written
// (packed_rtree) and puts the triggers back, all inside the import's transaction, so a failed
// or killed import rolls the triggers back with everything else.
class DeferredSpatialIndex {
public:
    // Null unless `store` is a GeoPackage whose incidents table and R-tree are empty and whose
    // R-tree has its insert trigger; the index is then kept as usual, row by row. Only rows
    // inserted until finish() are indexed: the import writes nothing else to the table.
    static std::unique_ptr<DeferredSpatialIndex> start(ProjectStore& store);

    // A row written with a point geometry (the trigger indexes exactly these).
    void add(std::int64_t fid, double x, double y) { m_points.push_back({fid, x, y}); }

    // Writes the packed R-tree and restores the triggers. Throws IoError naming the project.
    void finish();

    DeferredSpatialIndex(ProjectStore& store, std::vector<std::string> triggers, int node_bytes)
        : m_store(store), m_triggers(std::move(triggers)), m_node_bytes(node_bytes) {}

private:
    ProjectStore& m_store;
    std::vector<std::string> m_triggers; // the R-tree's triggers as the GeoPackage driver wrote them
    int m_node_bytes;
    std::vector<RtreePoint> m_points;
};

} // namespace safermap::io
