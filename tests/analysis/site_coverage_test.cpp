// SPDX-License-Identifier: MIT
// Coverage rules for CCTV and lighting siting, on hand-drawn layouts whose answers are worked
// out in the comments, plus the bucket grid against a brute-force scan.
#include "analysis/sight_obstacles.hpp"
#include "analysis/site_coverage.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <random>

using namespace safermap;
using namespace safermap::analysis;

namespace {

using Ids = std::vector<std::uint32_t>;

Ids sorted(std::span<const std::uint32_t> s) {
    Ids v(s.begin(), s.end());
    std::sort(v.begin(), v.end());
    return v;
}

geo::GeomPtr wkt(const geo::GeosContext& ctx, const char* text) {
    GEOSWKTReader* reader = GEOSWKTReader_create_r(ctx.handle());
    geo::GeomPtr g = geo::make_geom(ctx, GEOSWKTReader_read_r(ctx.handle(), reader, text));
    GEOSWKTReader_destroy_r(ctx.handle(), reader);
    REQUIRE(g);
    return g;
}

CoverageOptions ptz(double range_m) {
    CoverageOptions o;
    o.range_m = range_m;
    return o;
}

CoverageOptions fixed(double range_m, double fov_deg, int headings) {
    CoverageOptions o;
    o.kind = SiteKind::fixed;
    o.range_m = range_m;
    o.fov_deg = fov_deg;
    o.headings = headings;
    return o;
}

} // namespace

TEST_CASE("range is inclusive and a point at the site is covered", "[siting]") {
    // Site (0,0), range 100: (100,0), (0,-100) and (60,80) are exactly 100 m away (squares
    // 10000 exactly); (100.000001, 0) is just beyond. Site (1000,1000): (1100,1000) at 100.
    std::vector<double> x{0, 100, 0, 60, 100.000001, 1100, 1000.5};
    std::vector<double> y{0, 0, -100, 80, 0, 1000, 1100};
    SiteCoverage c = point_site_coverage(x, y, {0, 1000}, {0, 1000}, ptz(100));
    REQUIRE(c.options() == 2);
    CHECK(c.candidates == 2);
    CHECK(c.demand_points == 7);
    CHECK(c.option_site == std::vector<std::uint32_t>{0, 1});
    CHECK_FALSE(c.option_heading_deg[0].has_value());
    CHECK(sorted(c.covered(0)) == Ids{0, 1, 2, 3});
    CHECK(sorted(c.covered(1)) == Ids{5}); // (1000.5, 1100) is 100.00125 m away
    // Lamps (lighting at points) follow the same rule.
    CoverageOptions lamp = ptz(100);
    lamp.kind = SiteKind::lighting;
    CHECK(sorted(point_site_coverage(x, y, {0}, {0}, lamp).covered(0)) == Ids{0, 1, 2, 3});
}

TEST_CASE("fixed cameras: headings clockwise from grid north, field-of-view edges inclusive", "[siting]") {
    // 0 N (0,10), 1 E (10,0), 2 S (0,-10), 3 W (-10,0), 4 the site itself, 5 NE at bearing
    // exactly 45 (the edge of both the N and E sectors for fov 90), 6 (10, 9.99) at bearing
    // 45.03: inside E's sector only.
    std::vector<double> x{0, 10, 0, -10, 0, 10, 10};
    std::vector<double> y{10, 0, -10, 0, 0, 10, 9.99};
    SiteCoverage c = point_site_coverage(x, y, {0}, {0}, fixed(50, 90, 4));
    REQUIRE(c.options() == 4);
    CHECK(c.option_site == std::vector<std::uint32_t>{0, 0, 0, 0});
    CHECK(*c.option_heading_deg[0] == 0);
    CHECK(*c.option_heading_deg[1] == 90);
    CHECK(*c.option_heading_deg[2] == 180);
    CHECK(*c.option_heading_deg[3] == 270);
    CHECK(sorted(c.covered(0)) == Ids{0, 4, 5});    // north
    CHECK(sorted(c.covered(1)) == Ids{1, 4, 5, 6}); // east
    CHECK(sorted(c.covered(2)) == Ids{2, 4});       // south
    CHECK(sorted(c.covered(3)) == Ids{3, 4});       // west

    // fov 60 at heading 0: bearings 30 and 330 are the edges; 31 is outside.
    const double d2r = 3.14159265358979323846 / 180;
    std::vector<double> ex{10 * std::sin(30 * d2r), 10 * std::sin(-30 * d2r), 10 * std::sin(31 * d2r)};
    std::vector<double> ey{10 * std::cos(30 * d2r), 10 * std::cos(-30 * d2r), 10 * std::cos(31 * d2r)};
    SiteCoverage e = point_site_coverage(ex, ey, {0}, {0}, fixed(50, 60, 1));
    REQUIRE(e.options() == 1);
    CHECK(sorted(e.covered(0)) == Ids{0, 1});

    // Three headings are 0, 120, 240; fov 360 sees everything within range.
    SiteCoverage t = point_site_coverage(x, y, {0}, {0}, fixed(50, 360, 3));
    CHECK(*t.option_heading_deg[1] == 120);
    CHECK(*t.option_heading_deg[2] == 240);
    for (std::size_t o = 0; o < 3; ++o) CHECK(sorted(t.covered(o)) == Ids{0, 1, 2, 3, 4, 5, 6});
}

TEST_CASE("street segments light a round-capped corridor of the range", "[siting]") {
    geo::GeosContext ctx;
    geo::GeomPtr street = wkt(ctx, "LINESTRING (0 0, 100 0)");
    geo::GeomPtr corner = wkt(ctx, "MULTILINESTRING ((0 0, 0 100), (0 100, 100 100))");
    // Range 10 from the first street: 0 (50,10) on the edge; 1 (50,10.001) outside; 2 (110,0)
    // on the end cap; 3 (-6,8) at exactly 10 from the start (36 + 64 = 100); 4 (107,7.2) at
    // 10.04 from the end, inside the square corner a flat-ended buffer would have; 5 (50,-3).
    // From the L-shaped street: 6 (50,95) 5 m below its top; 7 (50,50) 50 m from both legs.
    std::vector<double> x{50, 50, 110, -6, 107, 50, 50, 50};
    std::vector<double> y{10, 10.001, 0, 8, 7.2, -3, 95, 50};
    CoverageOptions lighting = ptz(10);
    lighting.kind = SiteKind::lighting;
    SiteCoverage c = line_site_coverage(ctx, x, y, {street.get(), corner.get()}, lighting);
    REQUIRE(c.options() == 2);
    CHECK(sorted(c.covered(0)) == Ids{0, 2, 3, 5});
    CHECK(sorted(c.covered(1)) == Ids{3, 6}); // (-6,8) is 6 m from the L's vertical leg
    REQUIRE_THROWS_WITH(line_site_coverage(ctx, x, y, {street.get()}, ptz(10)),
                        "siting: street-segment (line) candidates are for lighting only; cameras are points");
    geo::GeomPtr square = wkt(ctx, "POLYGON ((0 0, 1 0, 1 1, 0 0))");
    REQUIRE_THROWS_WITH(line_site_coverage(ctx, x, y, {street.get(), square.get()}, lighting),
                        "siting: street candidate 1 is not a line");
}

TEST_CASE("a building blocks the sight line through its interior, not along its walls", "[siting]") {
    geo::GeosContext ctx;
    // Building: the square 40..60 x -10..10. Camera at (0,0), range 200.
    //   0 (100,0)   straight through the building          -> blocked
    //   1 (100,25)  line y = x/4 touches only the corner (40,10) -> seen (grazing)
    //   2 (50,0)    inside the building                    -> blocked
    //   3 (40,0)    on the near wall                       -> seen
    //   4 (60,0)    on the far wall: crosses the interior  -> blocked
    //   5 (100,30)  passes above (y = 12 at x = 40)        -> seen
    //   6 (100,20)  y = x/5 is 8 at x = 40: inside         -> blocked
    // Camera at (0,10): 7 (100,10) runs along the top wall -> seen.
    geo::GeomPtr building = wkt(ctx, "POLYGON ((40 -10, 60 -10, 60 10, 40 10, 40 -10))");
    SightObstacles obstacles(ctx, {building.get()});
    CHECK(obstacles.parts() == 1);
    std::vector<double> x{100, 100, 50, 40, 60, 100, 100, 100};
    std::vector<double> y{0, 25, 0, 0, 0, 30, 20, 10};
    SiteCoverage c = point_site_coverage(x, y, {0, 0}, {0, 10}, ptz(200), &obstacles);
    CHECK(sorted(c.covered(0)) == Ids{1, 3, 5});
    CHECK(std::find(c.covered(1).begin(), c.covered(1).end(), 7u) != c.covered(1).end());
    // Without obstacles all eight are within range of the first camera.
    CHECK(point_site_coverage(x, y, {0}, {0}, ptz(200)).covered(0).size() == 8);
    CHECK_FALSE(obstacles.blocks(50, 0, 50, 0)); // zero length

    // A terrace: two buildings sharing the party wall y = 0. Alone, the lower one is only
    // grazed by the sight line along y = 0; united, that line runs through the block.
    geo::GeomPtr lower = wkt(ctx, "POLYGON ((40 -10, 60 -10, 60 0, 40 0, 40 -10))");
    geo::GeomPtr upper = wkt(ctx, "POLYGON ((40 0, 60 0, 60 10, 40 10, 40 0))");
    SightObstacles alone(ctx, {lower.get()});
    SightObstacles terrace(ctx, {lower.get(), upper.get()});
    CHECK(terrace.parts() == 1);
    // Overlapping and touching obstacles merge; one standing apart stays on its own.
    geo::GeomPtr shed = wkt(ctx, "POLYGON ((200 0, 210 0, 210 10, 200 10, 200 0))");
    SightObstacles estate(ctx, {lower.get(), shed.get(), building.get(), upper.get()});
    CHECK(estate.parts() == 2);
    CHECK(estate.blocks(0, 0, 100, 0));
    CHECK(estate.blocks(190, 5, 220, 5));
    CHECK_FALSE(estate.blocks(190, 10, 220, 10)); // along the shed's roof line
    CHECK_FALSE(alone.blocks(0, 0, 100, 0));
    CHECK(terrace.blocks(0, 0, 100, 0));

    geo::GeomPtr road = wkt(ctx, "LINESTRING (0 0, 1 1)");
    REQUIRE_THROWS_WITH(SightObstacles(ctx, {building.get(), road.get()}),
                        "siting: obstacle 1 is a LineString, not a polygon");
}

TEST_CASE("obstacles shade a street's light from its nearest point", "[siting]") {
    geo::GeosContext ctx;
    // Street along y = 0; a building 40..60 x 5..15. (50,20) is lit from (50,0) through the
    // building: blocked. (30,20) is lit from (30,0) past it: covered. (50,4) is in front.
    geo::GeomPtr street = wkt(ctx, "LINESTRING (0 0, 100 0)");
    geo::GeomPtr building = wkt(ctx, "POLYGON ((40 5, 60 5, 60 15, 40 15, 40 5))");
    SightObstacles obstacles(ctx, {building.get()});
    CoverageOptions lighting = ptz(30);
    lighting.kind = SiteKind::lighting;
    SiteCoverage c = line_site_coverage(ctx, {50, 30, 50}, {20, 20, 4}, {street.get()}, lighting, &obstacles);
    CHECK(sorted(c.covered(0)) == Ids{1, 2});
}

TEST_CASE("the bucket grid finds exactly what a brute-force scan finds", "[siting]") {
    std::mt19937_64 rng(20240607);
    std::uniform_real_distribution<double> u(0, 1000);
    // Half the incidents on 150 shared snap points, half scattered.
    std::vector<double> sx, sy, x, y;
    for (int k = 0; k < 150; ++k) sx.push_back(u(rng)), sy.push_back(u(rng));
    std::uniform_int_distribution<int> pick(0, 149);
    for (int i = 0; i < 3000; ++i) {
        if (i % 2) {
            const int k = pick(rng);
            x.push_back(sx[k]), y.push_back(sy[k]);
        } else {
            x.push_back(u(rng)), y.push_back(u(rng));
        }
    }
    std::vector<double> cx, cy;
    for (int j = 0; j < 60; ++j) cx.push_back(u(rng)), cy.push_back(u(rng));
    const double r = 73.5;
    SiteCoverage c = point_site_coverage(x, y, cx, cy, fixed(r, 100, 5));
    REQUIRE(c.options() == 300);
    for (std::size_t o = 0; o < c.options(); ++o) {
        const std::size_t j = c.option_site[o];
        const double heading = *c.option_heading_deg[o];
        Ids expected;
        for (std::uint32_t i = 0; i < x.size(); ++i) {
            const double dx = x[i] - cx[j], dy = y[i] - cy[j];
            if (dx * dx + dy * dy > r * r) continue;
            double diff = std::fmod(std::fabs(std::atan2(dx, dy) * 180 / 3.14159265358979323846 - heading), 360.0);
            diff = std::min(diff, 360 - diff);
            if (diff <= 50) expected.push_back(i);
        }
        INFO("option " << o);
        CHECK(sorted(c.covered(o)) == expected);
    }
}

TEST_CASE("existing cameras: flags for what they already cover", "[siting]") {
    // A PTZ camera at (0,0) and a fixed one at (100,0) looking west (270), fov 90, range 30.
    // Points: 0 (20,0) by the PTZ; 1 (80,0) west of the fixed one; 2 (120,0) behind it: not
    // covered; 3 (100,0) at the fixed camera itself; 4 (50,0) out of range of both.
    std::vector<double> x{20, 80, 120, 100, 50};
    std::vector<double> y{0, 0, 0, 0, 0};
    CoverageOptions o = fixed(30, 90, 1);
    auto flags = existing_coverage(x, y, {{0, 0, std::nullopt}, {100, 0, 270.0}}, o);
    CHECK(flags == std::vector<std::uint8_t>{1, 1, 0, 1, 0});
    CHECK(existing_coverage(x, y, {{0, 0, std::nullopt}, {100, 0, -90.0}}, o) == flags); // -90 is west too
    // As PTZ cameras, headings do not matter.
    CHECK(existing_coverage(x, y, {{0, 0, std::nullopt}, {100, 0, 270.0}}, ptz(30)) ==
          std::vector<std::uint8_t>{1, 1, 1, 1, 0});
}

TEST_CASE("coverage options and inputs are validated before any work", "[siting]") {
    REQUIRE_THROWS_WITH(point_site_coverage({0}, {0}, {0}, {0}, ptz(0)), "siting: range_m must be > 0 (got 0)");
    REQUIRE_THROWS_WITH(point_site_coverage({0}, {0}, {0}, {0}, fixed(10, 0, 4)), "siting: fov_deg must be in (0, 360] (got 0)");
    REQUIRE_THROWS_WITH(point_site_coverage({0}, {0}, {0}, {0}, fixed(10, 400, 4)), "siting: fov_deg must be in (0, 360] (got 400)");
    REQUIRE_THROWS_WITH(point_site_coverage({0}, {0}, {0}, {0}, fixed(10, 90, 0)), "siting: headings must be >= 1 (got 0)");
    REQUIRE_THROWS_WITH(point_site_coverage({0, 1}, {0}, {0}, {0}, ptz(10)), "siting: demand point x and y differ in length (2 and 1)");
    REQUIRE_THROWS_WITH(point_site_coverage({0}, {0}, {0}, {NAN}, ptz(10)), "siting: candidate 0 has a non-finite coordinate");
    REQUIRE_THROWS_AS(parse_site_kind("dome"), ConfigError);
    CHECK(parse_site_kind("fixed") == SiteKind::fixed);
    // No candidates or no demand: well-formed and empty.
    SiteCoverage none = point_site_coverage({}, {}, {5}, {5}, ptz(10));
    REQUIRE(none.options() == 1);
    CHECK(none.covered(0).empty());
    CHECK(point_site_coverage({1}, {1}, {}, {}, ptz(10)).options() == 0);
}
