// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/csv_reader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <proj.h>

#include <cmath>
#include <string>
#include <utility>
#include <vector>

using namespace safermap;

TEST_CASE("WGS84 lon/lat in Ashfield lands on its British National Grid position", "[geo][crs]") {
    // Reference values worked by the OS method without PROJ (scripts/reference/bng_reference.py).
    geo::Reprojector to_bng("EPSG:4326", "EPSG:27700");
    io::CsvReader reader(test::test_data("expected/bng_reference.csv"));
    io::CsvRecord row;
    int checked = 0;
    while (reader.next(row)) {
        if (row.fields[0].rfind("#", 0) == 0 || row.fields[0] == "name") continue;
        double x = std::stod(row.fields[1]), y = std::stod(row.fields[2]);
        REQUIRE(to_bng.transform(x, y));
        INFO(row.fields[0] << ": got " << x << ", " << y);
        CHECK(std::hypot(x - std::stod(row.fields[3]), y - std::stod(row.fields[4])) < 5.0);
        ++checked;
    }
    CHECK(checked == 3);
}

TEST_CASE("axis order is longitude first whatever EPSG:4326 says", "[geo][crs]") {
    // Latitude-first input would be refused (|lat| > 90 fails for 53.12 as longitude? no:
    // 53.12 is a valid longitude, so it must land far outside GB and be refused).
    geo::Reprojector to_bng("EPSG:4326", "EPSG:27700");
    double x = 53.1256, y = -1.2614;
    CHECK_FALSE(to_bng.transform(x, y));
}

TEST_CASE("points outside the source range or the target's area of use are refused", "[geo][crs]") {
    geo::Reprojector to_bng("EPSG:4326", "EPSG:27700");
    double x = 0, y = 0; // Null Island
    CHECK_FALSE(to_bng.transform(x, y));
    x = -1.26, y = 95.0;
    CHECK_FALSE(to_bng.transform(x, y));
    x = NAN, y = 53.0;
    CHECK_FALSE(to_bng.transform(x, y));
    x = -5.33, y = 50.1; // Cornwall: far from Ashfield but inside Great Britain
    CHECK(to_bng.transform(x, y));
}

TEST_CASE("the inverse transform returns to the start", "[geo][crs]") {
    geo::Reprojector to_bng("EPSG:4326", "EPSG:27700");
    geo::Reprojector to_wgs("EPSG:27700", "EPSG:4326");
    double x = -1.2614, y = 53.1256;
    REQUIRE(to_bng.transform(x, y));
    REQUIRE(to_wgs.transform(x, y));
    CHECK(x == Approx(-1.2614).margin(1e-7));
    CHECK(y == Approx(53.1256).margin(1e-7));
}

TEST_CASE("an unknown CRS is a CrsError naming it", "[geo][crs]") {
    REQUIRE_THROWS_AS(geo::Reprojector("EPSG:999999", "EPSG:27700"), CrsError);
    REQUIRE_THROWS_WITH(geo::Reprojector("EPSG:999999", "EPSG:27700"), Catch::Contains("EPSG:999999"));
    CHECK(geo::crs_name("EPSG:27700") == "OSGB36 / British National Grid");
}

TEST_CASE("remembered transforms give PROJ's own answers, however often points repeat", "[geo][crs]") {
    // Enough distinct points to make the cache grow and evict, each asked for three times in
    // different orders; every answer must match a transform of that point on its own.
    std::vector<std::pair<double, double>> points;
    for (int i = 0; i < 20000; ++i) points.emplace_back(-1.5 + (i % 200) * 0.002, 53.0 + (i / 200) * 0.002);
    points.emplace_back(200.0, 53.0); // refused: outside the source range
    points.emplace_back(20.0, 53.0);  // refused: outside British National Grid's area of use
    geo::Reprojector cached("EPSG:4326", "EPSG:27700");
    for (int pass = 0; pass < 3; ++pass) {
        for (std::size_t k = 0; k < points.size(); ++k) {
            const std::size_t index = pass == 1 ? points.size() - 1 - k : (k * 7919) % points.size();
            const auto& [lon, lat] = points[index];
            double x = lon, y = lat;
            const bool ok = cached.transform(x, y);
            if (index % 997 != 0 && index + 2 < points.size()) continue; // a fresh reprojector per point is slow: sample
            geo::Reprojector fresh_each_time("EPSG:4326", "EPSG:27700");
            double fx = lon, fy = lat;
            REQUIRE(ok == fresh_each_time.transform(fx, fy));
            if (ok) {
                CHECK(x == fx);
                CHECK(y == fy);
            }
        }
    }
}

TEST_CASE("a Reprojector copied from the process's first one transforms exactly as PROJ does", "[geo][crs]") {
    // Every Reprojector after the first for a pair of CRSs clones the first's transformation
    // (proj_clone) instead of searching PROJ's database again. Check the copies against
    // transformations built here straight through PROJ's C API, over the whole of Great
    // Britain, where PROJ may choose between several operations by area.
    geo::Reprojector first("EPSG:4326", "EPSG:27700");
    geo::Reprojector copy("EPSG:4326", "EPSG:27700");
    PJ_CONTEXT* ctx = proj_context_create();
    PJ* found = proj_create_crs_to_crs(ctx, "EPSG:4326", "EPSG:27700", nullptr);
    REQUIRE(found);
    PJ* direct = proj_normalize_for_visualization(ctx, found);
    REQUIRE(direct);
    int compared = 0;
    for (double lon = -8.0; lon <= 1.8; lon += 0.37)
        for (double lat = 49.9; lat <= 60.8; lat += 0.41) {
            PJ_COORD expected = proj_trans(direct, PJ_FWD, proj_coord(lon, lat, 0, HUGE_VAL));
            for (const geo::Reprojector* r : {&first, &copy}) {
                double x = lon, y = lat;
                if (!r->transform(x, y)) continue; // outside the area of use: nothing to compare
                CHECK(x == expected.xy.x);
                CHECK(y == expected.xy.y);
                ++compared;
            }
        }
    CHECK(compared > 500);

    // The area of use is the target's, reached from CRS84 by an operation of its own; for a
    // WGS 84 source the Reprojector reuses its own operation instead, which must not change it.
    double west = 0, south = 0, east = 0, north = 0;
    PJ* bng = proj_create(ctx, "EPSG:27700");
    REQUIRE(proj_get_area_of_use(ctx, bng, &west, &south, &east, &north, nullptr));
    PJ* from_crs84 = proj_create_crs_to_crs(ctx, "OGC:CRS84", "EPSG:27700", nullptr);
    PJ* from_crs84_norm = proj_normalize_for_visualization(ctx, from_crs84);
    geo::Bounds expected;
    REQUIRE(proj_trans_bounds(ctx, from_crs84_norm, PJ_FWD, west, south, east, north, &expected.min_x, &expected.min_y,
                              &expected.max_x, &expected.max_y, 21));
    CHECK(copy.target_bounds().min_x == expected.min_x);
    CHECK(copy.target_bounds().min_y == expected.min_y);
    CHECK(copy.target_bounds().max_x == expected.max_x);
    CHECK(copy.target_bounds().max_y == expected.max_y);
    proj_destroy(from_crs84_norm);
    proj_destroy(from_crs84);
    proj_destroy(bng);
    proj_destroy(direct);
    proj_destroy(found);
    proj_context_destroy(ctx);
}

TEST_CASE("data already in British National Grid is checked against its area of use, PROJ asked only near its edge",
          "[geo][crs]") {
    // The known part must lie inside what PROJ computes for the area of use (here through the
    // WGS84 transformation, which works it out in full at once).
    const auto inside = geo::known_area_inside("EPSG:27700");
    REQUIRE(inside);
    const geo::Bounds exact = geo::Reprojector("EPSG:4326", "EPSG:27700").target_bounds();
    CHECK(exact.min_x < inside->min_x);
    CHECK(exact.min_y < inside->min_y);
    CHECK(exact.max_x > inside->max_x);
    CHECK(exact.max_y > inside->max_y);
    CHECK_FALSE(geo::known_area_inside("EPSG:4326"));
    // The same answers as that area gives, inside the known part, between it and the edge,
    // and beyond (a point 1 km either side of each edge).
    geo::Reprojector same("EPSG:27700", "EPSG:27700");
    const double mid_x = 450000, mid_y = 357000;
    const std::vector<std::pair<double, double>> points = {
        {mid_x, mid_y}, {0, 0}, {exact.min_x + 1000, mid_y}, {exact.min_x - 1000, mid_y}, {exact.max_x - 1000, mid_y},
        {exact.max_x + 1000, mid_y}, {mid_x, exact.min_y + 1000}, {mid_x, exact.min_y - 1000}, {mid_x, exact.max_y - 1000},
        {mid_x, exact.max_y + 1000}, {NAN, mid_y}, {mid_x, INFINITY}};
    for (const auto& [px, py] : points) {
        double x = px, y = py;
        INFO(px << ", " << py);
        CHECK(same.transform(x, y) == (std::isfinite(px) && std::isfinite(py) && exact.contains(px, py)));
    }
    CHECK(same.target_bounds().min_x == Approx(exact.min_x).margin(1e-6));
    CHECK(same.target_bounds().max_y == Approx(exact.max_y).margin(1e-6));
}

TEST_CASE("a transformation worked out in the background serves, or fails, as one worked out at once", "[geo][proj]") {
    // A pair nothing else in this program asks for, so that the search really is under way.
    const auto building = geo::Reprojector::prepare_in_background("EPSG:4326", "EPSG:3395");
    REQUIRE(building);
    geo::Reprojector waited("EPSG:4326", "EPSG:3395"); // waits for it
    CHECK_FALSE(geo::Reprojector::prepare_in_background("EPSG:4326", "EPSG:3395")); // built: nothing to wait for
    CHECK_FALSE(geo::Reprojector::prepare_in_background("EPSG:27700", "EPSG:27700")); // needs no PROJ

    // A failed search is the constructor's error, and a later Reprojector searches again.
    const auto failing = geo::Reprojector::prepare_in_background("EPSG:4326", "EPSG:999997");
    REQUIRE(failing);
    failing->wait();
    REQUIRE_THROWS_AS(geo::Reprojector("EPSG:4326", "EPSG:999997"), CrsError);
    REQUIRE_THROWS_WITH(geo::Reprojector("EPSG:4326", "EPSG:999997"), Catch::Contains("EPSG:999997"));
    CHECK(geo::Reprojector::prepare_in_background("EPSG:4326", "EPSG:999997")); // tries again
    REQUIRE_THROWS_AS(geo::Reprojector("EPSG:4326", "EPSG:999997"), CrsError);
}

