// SPDX-License-Identifier: MIT
#pragma once
// An SQLite R*Tree (the GeoPackage spatial index) for points, packed in one pass instead of
// grown by a million single inserts: the points are sorted along a Hilbert curve and laid into
// full nodes level by level (Kamel and Faloutsos's Hilbert-packed R-tree), in SQLite's own node
// format, so that SQLite's rtree module reads, searches and updates it as one of its own.
//
// SQLite's format (ext/rtree/rtree.c, "Database Format of R-Tree Tables"): node 1 is the root;
// a node is a blob of the table's node size holding the tree depth (root only, 2 bytes
// big-endian), the number of cells (2 bytes), then cells of an 8-byte big-endian id (a rowid in
// a leaf, a child node number above) and the box as 32-bit floats (min x, max x, min y, max y),
// rounded outwards as the module rounds what it is given. Every node but the root is listed
// with its parent, every rowid with its leaf.

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::io {

struct RtreePoint {
    std::int64_t id = 0; // the row's fid
    double x = 0, y = 0;
};

struct PackedRtree {
    struct Node {
        std::int64_t number = 0;
        std::string blob; // exactly the node size
    };
    std::vector<Node> nodes;                                  // the root (number 1) first
    std::vector<std::pair<std::int64_t, std::int64_t>> parents; // (node, parent) for every non-root node
    std::vector<std::pair<std::int64_t, std::int64_t>> leaves;  // (rowid, leaf node) for every point
};

// The cells an SQLite rtree node of `node_bytes` holds in 2 dimensions (SQLite caps it at 51).
int rtree_node_capacity(int node_bytes);

// Packs `points` (any order; ids unique) into nodes of `node_bytes`. With no points the result
// is an empty root.
PackedRtree pack_rtree(std::vector<RtreePoint> points, int node_bytes);

// The float bounds SQLite's rtree stores for a coordinate, a float not above it and one not
// below it, worked out exactly as its rtreeValueDown and rtreeValueUp do (an inexact value is
// scaled by 1 -/+ 2^-23 before it is narrowed, so a bound may be a step wider than it need be).
float rtree_value_down(double d);
float rtree_value_up(double d);

} // namespace safermap::io
