// SPDX-License-Identifier: MIT
// A first import into a GeoPackage packs the incidents' R-tree at the end (packed_rtree,
// deferred_spatial_index) instead of growing it row by row through the driver's trigger. The
// packed index must be one SQLite itself accepts (its rtreecheck), hold exactly the boxes SQLite
// would have stored (an index filled by SQLite's own inserts, compared row by row), answer box
// queries as a scan does, and leave the trigger in place for later imports, or, when the import
// fails, exactly as it was.
#include "core/error.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/import_job.hpp"
#include "io/project/packed_rtree.hpp"
#include "io/project/project_store.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <cmath>
#include <fstream>
#include <map>
#include <random>
#include <set>

using namespace safermap;

namespace {

// `rows` incidents in EPSG:27700 around Ashfield, a few per position (as police.uk stacks them
// on snap points), every 50th without coordinates.
void write_points(const std::string& path, int rows, unsigned seed) {
    std::ofstream out(path);
    out << "ref,easting,northing,date,type\n";
    std::mt19937 random(seed);
    std::uniform_real_distribution<double> x(440000, 460000), y(347000, 367000);
    double px = 0, py = 0;
    for (int i = 0; i < rows; ++i) {
        if (i % 3 == 0) px = x(random), py = y(random);
        if (i % 50 == 49) out << fmt::format("R{},,,2025-01-02,Burglary\n", i);
        else out << fmt::format("R{},{:.3f},{:.3f},2025-01-02,Burglary\n", i, px, py);
    }
}

io::ImportRequest points_request(const test::TempDir& dir, const std::string& csv) {
    io::ImportRequest r = test::bng_points_request(dir, csv);
    r.columns.category = "type";
    return r;
}

// A project holding Ashfield's wards and no incidents, so that its first incidents come later.
void make_project_without_incidents(const test::TempDir& dir) {
    io::ImportRequest boundaries = test::request_in(dir);
    io::BoundarySpec wards;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    boundaries.boundaries = {wards};
    io::run_import(boundaries);
}

std::vector<std::string> rows_of(io::ProjectStore& store, const std::string& sql) {
    std::vector<std::string> rows;
    io::for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        std::string row;
        for (int i = 0; i < f.GetFieldCount(); ++i) row += fmt::format("{} ", f.GetFieldAsString(i));
        rows.push_back(row);
    });
    return rows;
}

std::string one(io::ProjectStore& store, const std::string& sql) {
    const auto rows = rows_of(store, sql);
    REQUIRE(rows.size() == 1);
    return rows[0];
}

bool has_insert_trigger(io::ProjectStore& store) {
    return one(store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND name = 'rtree_incidents_geom_insert'") == "1 ";
}

// The index against one SQLite fills by its own inserts from the same rows, and box queries
// through it against a scan of the rows.
void check_index(io::ProjectStore& store) {
    CHECK(one(store, "SELECT rtreecheck('rtree_incidents_geom')") == "ok ");
    CHECK(has_insert_trigger(store));
    io::for_each_row(store.dataset(), store.path(), "CREATE VIRTUAL TABLE reference_rtree USING rtree(id, minx, maxx, miny, maxy)",
                     [](OGRFeature&) {});
    io::for_each_row(store.dataset(), store.path(),
                     "INSERT INTO reference_rtree SELECT fid, ST_MinX(geom), ST_MaxX(geom), ST_MinY(geom), ST_MaxY(geom) "
                     "FROM incidents WHERE geom IS NOT NULL AND NOT ST_IsEmpty(geom)",
                     [](OGRFeature&) {});
    const auto packed = rows_of(store, "SELECT id, minx, maxx, miny, maxy FROM rtree_incidents_geom ORDER BY id");
    CHECK(packed == rows_of(store, "SELECT id, minx, maxx, miny, maxy FROM reference_rtree ORDER BY id"));
    for (int box = 0; box < 20; ++box) {
        const double x0 = 440000 + 1000 * box, y0 = 367000 - 1000 * box, size = 700 + 300 * (box % 4);
        INFO("box at " << x0 << ", " << y0);
        CHECK(one(store, fmt::format("SELECT COUNT(*) FROM rtree_incidents_geom WHERE minx <= {0} AND maxx >= {1} AND miny <= {2} "
                                     "AND maxy >= {3}",
                                     x0 + size, x0, y0 + size, y0)) ==
              one(store, fmt::format("SELECT COUNT(*) FROM incidents WHERE ST_MinX(geom) <= {0} AND ST_MaxX(geom) >= {1} AND "
                                     "ST_MinY(geom) <= {2} AND ST_MaxY(geom) >= {3}",
                                     x0 + size, x0, y0 + size, y0)));
    }
    io::for_each_row(store.dataset(), store.path(), "DROP TABLE reference_rtree", [](OGRFeature&) {});
}

} // namespace

TEST_CASE("SQLite's float bounds of a coordinate bracket it within two float steps", "[io][rtree]") {
    // SQLite scales an inexact value by 1 -/+ 2^-23 before narrowing it, so a bound may be one
    // step wider than the nearest float; that they equal SQLite's own is checked on real files.
    constexpr float up = std::numeric_limits<float>::infinity();
    for (double v : {0.0, 1.0, -1.0, 449522.1232, 358969.26, -0.1, 1e-30, 123456789.123, -98765.4321}) {
        INFO(v);
        const float lo = io::rtree_value_down(v), hi = io::rtree_value_up(v);
        CHECK(lo <= v);
        CHECK(hi >= v);
        CHECK(std::nextafter(std::nextafter(lo, up), up) >= v);
        CHECK(std::nextafter(std::nextafter(hi, -up), -up) <= v);
    }
    CHECK(io::rtree_value_down(2.5) == 2.5f);
    CHECK(io::rtree_value_up(2.5) == 2.5f);
}

TEST_CASE("a packed R-tree puts every point in one leaf and every node under one parent", "[io][rtree]") {
    constexpr int node_bytes = 4 + 24 * 51; // SQLite's node size for a 2-D rtree on 4 KiB pages
    REQUIRE(io::rtree_node_capacity(node_bytes) == 51);
    REQUIRE(io::rtree_node_capacity(4096) == 51);
    // Root alone, root full, two levels, two levels full, three levels.
    for (int n : {0, 1, 51, 52, 2601, 2602, 6000}) {
        INFO(n << " points");
        std::vector<io::RtreePoint> points;
        for (int i = 0; i < n; ++i) points.push_back({1000 + i, 440000.0 + (i * 7919) % 20000, 347000.0 + (i * 104729) % 20000});
        const io::PackedRtree tree = io::pack_rtree(points, node_bytes);
        REQUIRE(!tree.nodes.empty());
        CHECK(tree.nodes.front().number == 1);
        std::set<std::int64_t> rowids;
        for (const auto& [rowid, leaf] : tree.leaves) rowids.insert(rowid);
        CHECK(rowids.size() == static_cast<std::size_t>(n));
        CHECK(tree.parents.size() == tree.nodes.size() - 1);
        std::map<std::int64_t, int> children;
        for (const auto& [node, parent] : tree.parents) ++children[parent];
        for (const auto& [rowid, leaf] : tree.leaves) ++children[leaf];
        for (const auto& node : tree.nodes) {
            CHECK(node.blob.size() == static_cast<std::size_t>(node_bytes));
            const int cells = (static_cast<unsigned char>(node.blob[2]) << 8) | static_cast<unsigned char>(node.blob[3]);
            CHECK(cells == children[node.number]);
            CHECK(cells <= 51);
            if (node.number != 1) CHECK(cells >= 17); // SQLite's minimum fill, a third
        }
        const int depth = (static_cast<unsigned char>(tree.nodes.front().blob[0]) << 8) | static_cast<unsigned char>(tree.nodes.front().blob[1]);
        CHECK(depth == (n <= 51 ? 0 : n <= 2601 ? 1 : 2));
    }
}

TEST_CASE("a first import packs the R-tree that SQLite would have grown", "[io][rtree]") {
    test::TempDir dir;
    write_points(dir.file("a.csv"), 6000, 1); // three levels of nodes
    io::run_import(points_request(dir, dir.file("a.csv")));
    {
        io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), true);
        CHECK(one(store, "SELECT COUNT(*) FROM rtree_incidents_geom") == "5880 ");
        // Packed, not grown: 116 full leaves (51 points each, evenly shared), 3 nodes above
        // them and the root. SQLite's own inserts leave nodes part-full, so more of them.
        CHECK(one(store, "SELECT COUNT(*) FROM rtree_incidents_geom_node") == "120 ");
        check_index(store);
    }
    // A second import goes through the trigger, into the packed tree.
    write_points(dir.file("b.csv"), 900, 2);
    io::ImportRequest second = points_request(dir, dir.file("b.csv"));
    second.columns.id.clear(); // keyed by content: every row new
    io::run_import(second);
    io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), true);
    CHECK(one(store, "SELECT COUNT(*) FROM rtree_incidents_geom") == std::to_string(5880 + 882) + " ");
    check_index(store);
}

TEST_CASE("a first import puts back every R-tree trigger the project had, whatever GDAL wrote", "[io][rtree]") {
    // GDAL versions write different trigger sets (newer ones seven, with update5-7); all are
    // set aside while the tree is packed and all come back. A stand-in for a newer set: an
    // extra trigger of the same family on a project that holds only boundaries.
    test::TempDir dir;
    make_project_without_incidents(dir);
    const std::string list = "SELECT group_concat(name || ': ' || sql, ' | ') FROM (SELECT name, sql FROM sqlite_master "
                             "WHERE type = 'trigger' AND name LIKE 'rtree_incidents_geom%' ORDER BY name)";
    std::string before;
    {
        io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), true);
        io::for_each_row(store.dataset(), store.path(),
                         "CREATE TRIGGER rtree_incidents_geom_update9 AFTER UPDATE OF category ON incidents "
                         "BEGIN SELECT 1; END",
                         [](OGRFeature&) {});
        before = one(store, list);
    }
    CHECK_THAT(before, Catch::Contains("rtree_incidents_geom_insert") && Catch::Contains("rtree_incidents_geom_update9"));
    write_points(dir.file("a.csv"), 3000, 3);
    io::ImportRequest first = points_request(dir, dir.file("a.csv"));
    io::run_import(first);
    io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), true);
    CHECK(one(store, list) == before);
    CHECK(one(store, "SELECT COUNT(*) FROM rtree_incidents_geom_node") == "61 "); // packed: 58 leaves, 2 above, the root
    check_index(store);
}

TEST_CASE("a failed first import leaves the R-tree and its trigger as they were", "[io][rtree]") {
    test::TempDir dir;
    make_project_without_incidents(dir);
    io::ImportRequest broken = test::request_in(dir);
    broken.incident_files = {test::test_data("policeuk/truncated.csv.gz")};
    CHECK_THROWS_AS(io::run_import(broken), IoError);
    {
        io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), false);
        CHECK(has_insert_trigger(store));
        CHECK(one(store, "SELECT COUNT(*) FROM incidents") == "0 ");
        CHECK(one(store, "SELECT COUNT(*) FROM rtree_incidents_geom") == "0 ");
    }
    io::ImportRequest good = test::request_in(dir);
    good.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz")};
    io::run_import(good);
    io::ProjectStore store = io::ProjectStore::open(dir.file("p.gpkg"), true);
    check_index(store);
}
