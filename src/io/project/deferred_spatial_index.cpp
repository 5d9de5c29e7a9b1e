// SPDX-License-Identifier: MIT
#include "io/project/deferred_spatial_index.hpp"

#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/project/sqlite_statement.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace safermap::io {

namespace {

// GDAL's GeoPackage driver names a layer's R-tree rtree_<table>_<geometry column>.
const std::string k_rtree = fmt::format("rtree_{}_geom", schema::k_incidents);

void run(ProjectStore& store, const std::string& sql) { run_sql(store.dataset(), store.path(), sql); }

std::int64_t count(ProjectStore& store, const std::string& sql) { return sql_integer(store.dataset(), store.path(), sql); }

} // namespace

std::unique_ptr<DeferredSpatialIndex> DeferredSpatialIndex::start(ProjectStore& store) {
    if (!sqlite_connection(store)) return nullptr;
    // Every trigger that keeps the R-tree, as the driver wrote it (its set differs between GDAL
    // versions): all are set aside, so that neither a trigger nor GDAL's own deferred R-tree
    // update (which takes over only a complete set) writes into the tree being packed.
    std::vector<std::string> names, triggers;
    bool has_insert = false;
    for_each_row(store.dataset(), store.path(),
                 fmt::format("SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND tbl_name = {} AND substr(name, 1, {}) = {} "
                             "ORDER BY name",
                             sql_quote(std::string(schema::k_incidents)), k_rtree.size() + 1, sql_quote(k_rtree + "_")),
                 [&](OGRFeature& f) {
                     names.emplace_back(f.GetFieldAsString(0));
                     triggers.emplace_back(f.GetFieldAsString(1));
                     has_insert = has_insert || names.back() == k_rtree + "_insert";
                 });
    if (!has_insert) return nullptr;
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}", schema::k_incidents)) != 0) return nullptr;
    // An R-tree that is exactly SQLite's empty one: the root alone, nothing indexed.
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}_rowid", k_rtree)) != 0) return nullptr;
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}_parent", k_rtree)) != 0) return nullptr;
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}_node", k_rtree)) != 1) return nullptr;
    // All nodes are the size SQLite gave the root when it made the table.
    const std::int64_t node_bytes = count(store, fmt::format("SELECT length(data) FROM {}_node WHERE nodeno = 1", k_rtree));
    if (node_bytes <= 0) return nullptr;
    for (const auto& name : names) run(store, fmt::format("DROP TRIGGER \"{}\"", name));
    return std::make_unique<DeferredSpatialIndex>(store, std::move(triggers), static_cast<int>(node_bytes));
}

void DeferredSpatialIndex::finish() {
    const PackedRtree tree = pack_rtree(std::move(m_points), m_node_bytes);
    m_points.clear();
    // The nodes go in through SQLite's own bound parameters, on the import's transaction: as
    // SQL text through GDAL, 60 MB of hexadecimal statements took longer to scan than to run.
    sqlite3* db = sqlite_connection(m_store);
    const std::string what = "write the incidents' spatial index";
    {
        SqliteStatement root(db, m_store.path(), what, fmt::format("UPDATE {}_node SET data = ?2 WHERE nodeno = ?1", k_rtree));
        root.bind_int64(1, 1);
        root.bind_blob(2, tree.nodes.front().blob);
        root.run();
    }
    {
        SqliteStatement node(db, m_store.path(), what, fmt::format("INSERT INTO {}_node (nodeno, data) VALUES (?1, ?2)", k_rtree));
        for (std::size_t i = 1; i < tree.nodes.size(); ++i) {
            node.bind_int64(1, tree.nodes[i].number);
            node.bind_blob(2, tree.nodes[i].blob);
            node.run();
        }
    }
    auto run_pairs = [&](const std::string& sql, const std::vector<std::pair<std::int64_t, std::int64_t>>& pairs) {
        SqliteStatement pair(db, m_store.path(), what, sql);
        for (const auto& [a, b] : pairs) {
            pair.bind_int64(1, a);
            pair.bind_int64(2, b);
            pair.run();
        }
    };
    run_pairs(fmt::format("INSERT INTO {}_parent (nodeno, parentnode) VALUES (?1, ?2)", k_rtree), tree.parents);
    run_pairs(fmt::format("INSERT INTO {}_rowid (rowid, nodeno) VALUES (?1, ?2)", k_rtree), tree.leaves);
    for (const auto& trigger : m_triggers) run(m_store, trigger);
}

} // namespace safermap::io
