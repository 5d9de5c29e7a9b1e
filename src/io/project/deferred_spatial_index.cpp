// SPDX-License-Identifier: MIT
#include "io/project/deferred_spatial_index.hpp"

#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <sqlite3.h>

namespace safermap::io {

namespace {

// GDAL's GeoPackage driver names a layer's R-tree rtree_<table>_<geometry column>.
const std::string k_rtree = fmt::format("rtree_{}_geom", schema::k_incidents);

void run(ProjectStore& store, const std::string& sql) { run_sql(store.dataset(), store.path(), sql); }

std::int64_t count(ProjectStore& store, const std::string& sql) { return sql_integer(store.dataset(), store.path(), sql); }

// The SQLite connection GDAL has the GeoPackage open on (null for other drivers): the nodes
// go in through SQLite's own bound parameters, on the import's transaction. As SQL text
// through GDAL, 60 MB of hexadecimal statements took longer to scan than to run.
sqlite3* connection(ProjectStore& store) { return static_cast<sqlite3*>(store.dataset().GetInternalHandle("SQLITE_HANDLE")); }

// One prepared statement, run once per row of values.
class Statement {
public:
    Statement(sqlite3* db, const ProjectStore& store, const std::string& sql) : m_db(db), m_store(store) {
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &m_statement, nullptr) != SQLITE_OK) fail("prepare");
    }
    ~Statement() { sqlite3_finalize(m_statement); }
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    void run(std::int64_t a, std::int64_t b) {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_int64(m_statement, 2, b);
        step();
    }
    void run(std::int64_t a, const std::string& blob) {
        sqlite3_bind_int64(m_statement, 1, a);
        sqlite3_bind_blob(m_statement, 2, blob.data(), static_cast<int>(blob.size()), SQLITE_STATIC);
        step();
    }

private:
    void step() {
        if (sqlite3_step(m_statement) != SQLITE_DONE) fail("write");
        sqlite3_reset(m_statement);
    }
    [[noreturn]] void fail(const char* what) const {
        throw IoError(fmt::format("{}: cannot {} the incidents' spatial index ({})", m_store.path(), what, sqlite3_errmsg(m_db)));
    }
    sqlite3* m_db;
    const ProjectStore& m_store;
    sqlite3_stmt* m_statement = nullptr;
};

} // namespace

std::unique_ptr<DeferredSpatialIndex> DeferredSpatialIndex::start(ProjectStore& store) {
    if (store.dialect() != SqlDialect::sqlite || !connection(store)) return nullptr;
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
    sqlite3* db = connection(m_store);
    {
        Statement root(db, m_store, fmt::format("UPDATE {}_node SET data = ?2 WHERE nodeno = ?1", k_rtree));
        root.run(1, tree.nodes.front().blob);
    }
    {
        Statement node(db, m_store, fmt::format("INSERT INTO {}_node (nodeno, data) VALUES (?1, ?2)", k_rtree));
        for (std::size_t i = 1; i < tree.nodes.size(); ++i) node.run(tree.nodes[i].number, tree.nodes[i].blob);
    }
    {
        Statement parent(db, m_store, fmt::format("INSERT INTO {}_parent (nodeno, parentnode) VALUES (?1, ?2)", k_rtree));
        for (const auto& [node, above] : tree.parents) parent.run(node, above);
    }
    {
        Statement leaf(db, m_store, fmt::format("INSERT INTO {}_rowid (rowid, nodeno) VALUES (?1, ?2)", k_rtree));
        for (const auto& [rowid, node] : tree.leaves) leaf.run(rowid, node);
    }
    for (const auto& trigger : m_triggers) run(m_store, trigger);
}

} // namespace safermap::io
