// SPDX-License-Identifier: MIT
#include "io/project/deferred_spatial_index.hpp"

#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

namespace safermap::io {

namespace {

// GDAL's GeoPackage driver names a layer's R-tree rtree_<table>_<geometry column>.
const std::string k_rtree = fmt::format("rtree_{}_geom", schema::k_incidents);
constexpr std::size_t k_statement_bytes = 1 << 20; // SQL text per INSERT, well under SQLite's limit

void run(ProjectStore& store, const std::string& sql) { for_each_row(store.dataset(), store.path(), sql, [](OGRFeature&) {}); }

std::int64_t count(ProjectStore& store, const std::string& sql) {
    std::int64_t n = -1;
    for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) { n = f.GetFieldAsInteger64(0); });
    return n;
}

void append_hex(std::string& out, const std::string& bytes) {
    static constexpr char digits[] = "0123456789ABCDEF";
    out += "X'";
    for (unsigned char c : bytes) {
        out += digits[c >> 4];
        out += digits[c & 15];
    }
    out += '\'';
}

// INSERTs of many rows each: `row(i, out)` appends the i-th parenthesised row.
template <typename Row>
void insert_rows(ProjectStore& store, const std::string& head, std::size_t rows, Row row) {
    std::string sql;
    for (std::size_t i = 0; i < rows; ++i) {
        sql += sql.empty() ? head + " VALUES " : ",";
        row(i, sql);
        if (sql.size() > k_statement_bytes || i + 1 == rows) {
            run(store, sql);
            sql.clear();
        }
    }
}

} // namespace

std::unique_ptr<DeferredSpatialIndex> DeferredSpatialIndex::start(ProjectStore& store) {
    if (store.dialect() != SqlDialect::sqlite) return nullptr;
    std::string trigger_sql;
    for_each_row(store.dataset(), store.path(),
                 fmt::format("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = {}", sql_quote(k_rtree + "_insert")),
                 [&](OGRFeature& f) { trigger_sql = f.GetFieldAsString(0); });
    if (trigger_sql.empty()) return nullptr;
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}", schema::k_incidents)) != 0) return nullptr;
    if (count(store, fmt::format("SELECT COUNT(*) FROM {}_rowid", k_rtree)) != 0) return nullptr;
    // All nodes are the size SQLite gave the root when it made the table.
    const std::int64_t node_bytes = count(store, fmt::format("SELECT length(data) FROM {}_node WHERE nodeno = 1", k_rtree));
    if (node_bytes <= 0) return nullptr;
    run(store, fmt::format("DROP TRIGGER {}_insert", k_rtree));
    return std::make_unique<DeferredSpatialIndex>(store, std::move(trigger_sql), static_cast<int>(node_bytes));
}

void DeferredSpatialIndex::finish() {
    const PackedRtree tree = pack_rtree(std::move(m_points), m_node_bytes);
    m_points.clear();
    {
        std::string root = fmt::format("UPDATE {}_node SET data = ", k_rtree);
        append_hex(root, tree.nodes.front().blob);
        run(m_store, root + " WHERE nodeno = 1");
    }
    insert_rows(m_store, fmt::format("INSERT INTO {}_node (nodeno, data)", k_rtree), tree.nodes.size() - 1, [&](std::size_t i, std::string& sql) {
        const auto& node = tree.nodes[i + 1];
        sql += fmt::format("({},", node.number);
        append_hex(sql, node.blob);
        sql += ')';
    });
    insert_rows(m_store, fmt::format("INSERT INTO {}_parent (nodeno, parentnode)", k_rtree), tree.parents.size(),
                [&](std::size_t i, std::string& sql) { fmt::format_to(std::back_inserter(sql), "({},{})", tree.parents[i].first, tree.parents[i].second); });
    insert_rows(m_store, fmt::format("INSERT INTO {}_rowid (rowid, nodeno)", k_rtree), tree.leaves.size(),
                [&](std::size_t i, std::string& sql) { fmt::format_to(std::back_inserter(sql), "({},{})", tree.leaves[i].first, tree.leaves[i].second); });
    run(m_store, m_trigger_sql);
}

} // namespace safermap::io
