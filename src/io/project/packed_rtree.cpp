// SPDX-License-Identifier: MIT
#include "io/project/packed_rtree.hpp"

#include "core/error.hpp"
#include "core/hilbert_curve.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

namespace safermap::io {

namespace {

constexpr int k_sqlite_max_cells = 51; // RTREE_MAXCELLS in SQLite's rtree.c
constexpr int k_cell_bytes = 8 + 4 * 4; // an id and two dimensions' float bounds
// SQLite's rounding factors for a double that is not exactly a float (rtree.c).
constexpr double k_round_towards = 1.0 - 1.0 / 8388608.0;
constexpr double k_round_away = 1.0 + 1.0 / 8388608.0;

struct Cell {
    std::int64_t id = 0;
    std::array<float, 4> box{}; // min x, max x, min y, max y
};

void put_big_endian(char* at, std::uint64_t value, int bytes) {
    for (int i = bytes - 1; i >= 0; --i) {
        at[i] = static_cast<char>(value & 0xFF);
        value >>= 8;
    }
}

void put_cell(char* at, const Cell& c) {
    put_big_endian(at, static_cast<std::uint64_t>(c.id), 8);
    for (int i = 0; i < 4; ++i) put_big_endian(at + 8 + 4 * i, std::bit_cast<std::uint32_t>(c.box[static_cast<std::size_t>(i)]), 4);
}

std::string node_blob(const Cell* cells, std::size_t count, int depth, int node_bytes) {
    std::string blob(static_cast<std::size_t>(node_bytes), '\0');
    put_big_endian(blob.data(), static_cast<std::uint64_t>(depth), 2);
    put_big_endian(blob.data() + 2, count, 2);
    for (std::size_t i = 0; i < count; ++i) put_cell(blob.data() + 4 + i * k_cell_bytes, cells[i]);
    return blob;
}

Cell bounding(std::int64_t id, const Cell* cells, std::size_t count) {
    Cell out{id, {cells[0].box}};
    for (std::size_t i = 1; i < count; ++i) {
        out.box[0] = std::min(out.box[0], cells[i].box[0]);
        out.box[1] = std::max(out.box[1], cells[i].box[1]);
        out.box[2] = std::min(out.box[2], cells[i].box[2]);
        out.box[3] = std::max(out.box[3], cells[i].box[3]);
    }
    return out;
}

} // namespace

float rtree_value_down(double d) {
    float f = static_cast<float>(d);
    if (f > d) f = static_cast<float>(d * (d < 0 ? k_round_away : k_round_towards));
    return f;
}

float rtree_value_up(double d) {
    float f = static_cast<float>(d);
    if (f < d) f = static_cast<float>(d * (d < 0 ? k_round_towards : k_round_away));
    return f;
}

int rtree_node_capacity(int node_bytes) {
    if (node_bytes < 4 + 3 * k_cell_bytes)
        throw IoError(fmt::format("an R-tree node of {} bytes is too small for 2-D boxes", node_bytes));
    return std::min((node_bytes - 4) / k_cell_bytes, k_sqlite_max_cells);
}

PackedRtree pack_rtree(std::vector<RtreePoint> points, int node_bytes) {
    const std::size_t capacity = static_cast<std::size_t>(rtree_node_capacity(node_bytes));
    // Neighbours on the curve are neighbours on the ground, so each node's box stays small.
    double x0 = std::numeric_limits<double>::max(), y0 = x0, x1 = std::numeric_limits<double>::lowest(), y1 = x1;
    for (const auto& p : points) {
        x0 = std::min(x0, p.x), x1 = std::max(x1, p.x);
        y0 = std::min(y0, p.y), y1 = std::max(y1, p.y);
    }
    std::vector<std::pair<std::uint64_t, std::size_t>> order(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) order[i] = {hilbert_index(hilbert_cell(points[i].x, x0, x1), hilbert_cell(points[i].y, y0, y1)), i};
    std::sort(order.begin(), order.end(), [&](const auto& a, const auto& b) {
        return a.first != b.first ? a.first < b.first : points[a.second].id < points[b.second].id;
    });
    std::vector<Cell> level(points.size());
    for (std::size_t i = 0; i < order.size(); ++i) {
        const RtreePoint& p = points[order[i].second];
        level[i] = Cell{p.id, {rtree_value_down(p.x), rtree_value_up(p.x), rtree_value_down(p.y), rtree_value_up(p.y)}};
    }

    PackedRtree tree;
    tree.nodes.push_back({1, {}}); // the root, filled last
    tree.leaves.reserve(points.size());
    std::int64_t next_number = 2;
    int depth = 0;
    // Each level's cells are shared out evenly over as few nodes as hold them, so that no node
    // falls under SQLite's minimum fill (a third) except a root.
    while (level.size() > capacity) {
        const std::size_t groups = (level.size() + capacity - 1) / capacity;
        std::vector<Cell> above;
        above.reserve(groups);
        for (std::size_t g = 0; g < groups; ++g) {
            const std::size_t from = g * level.size() / groups, to = (g + 1) * level.size() / groups;
            const std::int64_t number = next_number++;
            for (std::size_t i = from; i < to; ++i) (depth == 0 ? tree.leaves : tree.parents).emplace_back(level[i].id, number);
            tree.nodes.push_back({number, node_blob(&level[from], to - from, 0, node_bytes)});
            above.push_back(bounding(number, &level[from], to - from));
        }
        level.swap(above);
        ++depth;
    }
    for (const Cell& c : level) (depth == 0 ? tree.leaves : tree.parents).emplace_back(c.id, 1);
    tree.nodes.front().blob = node_blob(level.data(), level.size(), depth, node_bytes);
    return tree;
}

} // namespace safermap::io
