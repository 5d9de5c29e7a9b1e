// SPDX-License-Identifier: MIT
// Rendering maths without a GL context: camera transforms, tessellation of polygons with
// holes, colour ramps, label placement, CCTV sectors and scale bars.
#include "core/error.hpp"
#include "geo/geos_context.hpp"
#include "render/camera.hpp"
#include "render/classify.hpp"
#include "render/color_ramp.hpp"
#include "render/map_overlays.hpp"
#include "render/tessellate.hpp"

#include <catch2/catch.hpp>
#include <geos_c.h>

#include <algorithm>
#include <cmath>

using namespace safermap;
using namespace safermap::render;

TEST_CASE("camera: screen and world round trip, zoom about the cursor, pan, fit", "[render][camera]") {
    Camera cam(XY{450000, 355000}, 2.0, 800, 600);
    const XY s = cam.world_to_screen(XY{450100, 355050});
    CHECK(s.x == Approx(400 + 50));
    CHECK(s.y == Approx(300 - 25)); // screen y runs down
    const XY w = cam.screen_to_world(s);
    CHECK(w.x == Approx(450100));
    CHECK(w.y == Approx(355050));

    const XY cursor{123, 456};
    const XY under = cam.screen_to_world(cursor);
    cam.zoom_about(cursor, 4.0);
    CHECK(cam.metres_per_pixel() == Approx(0.5));
    const XY still = cam.screen_to_world(cursor);
    CHECK(still.x == Approx(under.x).margin(1e-6));
    CHECK(still.y == Approx(under.y).margin(1e-6));

    const XY before = cam.screen_to_world({10, 10});
    cam.pan_pixels(30, -20); // drag right and up: the point under the cursor moves with it
    const XY after = cam.world_to_screen(before);
    CHECK(after.x == Approx(40));
    CHECK(after.y == Approx(-10));

    WorldBounds b;
    b.include(440000, 350000);
    b.include(460000, 360000);
    cam.fit(b, 50);
    CHECK(cam.metres_per_pixel() == Approx(20000.0 / 700.0)); // width limits: 20 km over 700 px
    CHECK(cam.centre().x == Approx(450000));
    const auto v = cam.visible();
    CHECK(v.min_x < 440000);
    CHECK(v.max_y > 360000);
}

TEST_CASE("camera-relative floats keep street-level precision at national grid coordinates", "[render][camera]") {
    // A vertex 1 cm from its layer origin, seen 20 km from the origin at 1 cm a pixel.
    const XY origin{450000.0, 355000.0};
    Camera cam(XY{470000.005, 355000.0}, 0.01, 1000, 1000);
    const auto t = cam.gpu_transform(origin);
    const float vx = 0.01f;
    // The float pipeline: (vertex + offset) * scale, in NDC; then to pixels.
    const double ndc = (static_cast<double>(vx) + t.offset[0]) * t.scale[0];
    const double px = (ndc + 1) / 2 * 1000;
    const double exact = cam.world_to_screen(XY{origin.x + 0.01, origin.y}).x;
    // Offsets are floats of the difference (20 km), exact to about 2 mm: well under a pixel.
    CHECK(std::abs(px - exact) < 0.5);
    // Storing world coordinates as floats instead rounds to 1/32 m steps near 450 km: 1 cm is lost.
    const float absolute = static_cast<float>(origin.x + 0.01);
    CHECK(std::abs(static_cast<double>(absolute) - (origin.x + 0.01)) > 0.001);
}

TEST_CASE("tessellation respects holes and multipolygons", "[render][tessellate]") {
    geo::GeosContext ctx;
    auto read = [&](const char* wkt) {
        GEOSWKTReader* r = GEOSWKTReader_create_r(ctx.handle());
        auto g = geo::make_geom(ctx, GEOSWKTReader_read_r(ctx.handle(), r, wkt));
        GEOSWKTReader_destroy_r(ctx.handle(), r);
        return g;
    };
    auto square_with_hole = read("POLYGON((0 0,100 0,100 100,0 100,0 0),(20 20,20 60,60 60,60 20,20 20))");
    auto two_parts = read("MULTIPOLYGON(((200 0,210 0,210 10,200 10,200 0)),((300 0,320 0,310 30,300 0)))");
    const std::vector<const GEOSGeometry*> polys{square_with_hole.get(), two_parts.get()};
    const Mesh fill = triangulate(ctx, polys, XY{100, 50});
    CHECK(mesh_area(fill) == Approx(100.0 * 100 - 40 * 40 + 100 + 300)); // the hole stays open
    CHECK(fill.owner.size() * 3 == fill.indices.size());
    CHECK(std::count(fill.owner.begin(), fill.owner.end(), 1u) >= 3); // a square (2) and a triangle (1)
    // No triangle has its centroid in the hole.
    for (std::size_t t = 0; t < fill.indices.size(); t += 3) {
        double cx = 0, cy = 0;
        for (int k = 0; k < 3; ++k) {
            cx += fill.xy[fill.indices[t + static_cast<std::size_t>(k)] * 2] + 100;
            cy += fill.xy[fill.indices[t + static_cast<std::size_t>(k)] * 2 + 1] + 50;
        }
        cx /= 3;
        cy /= 3;
        CHECK_FALSE((cx > 20 && cx < 60 && cy > 20 && cy < 60));
    }
    const Mesh lines = outline(ctx, polys, XY{0, 0});
    CHECK(lines.indices.size() == 2 * (4 + 4 + 4 + 3)); // outer, hole, square, triangle
}

TEST_CASE("colour ramps are ColorBrewer's published classes", "[render][colour]") {
    CHECK(ramp_stops(Ramp::ylorrd).front() == hex_colour("#ffffcc"));
    CHECK(ramp_stops(Ramp::ylorrd).back() == hex_colour("#800026"));
    CHECK(sample_ramp(Ramp::ylorrd, 0.5) == hex_colour("#fd8d3c")); // the middle of nine classes
    CHECK(sample_ramp(Ramp::ylorrd, -1) == hex_colour("#ffffcc"));
    CHECK(sample_ramp(Ramp::ylorrd, 2) == hex_colour("#800026"));
    const Rgba between = sample_ramp(Ramp::ylorrd, 1.0 / 16); // halfway from class 1 to 2
    CHECK(between.g == (0xff + 0xed + 1) / 2);
    CHECK(hex_colour("#4575b5") == Rgba{69, 117, 181, 255});
    CHECK(gi_bin_colour(0).a == 0); // not significant: transparent
    CHECK(gi_bin_colour(3) == hex_colour("#d62f27"));
    CHECK(gi_bin_colour(-3) == hex_colour("#4575b5"));
    const auto tex = ramp_texture(Ramp::viridis, 256);
    CHECK(tex.size() == 1024);
    CHECK(tex[0] == 0x44);
    CHECK(tex[1020] == 0xfd);
    CHECK(parse_ramp("Blues") == Ramp::blues);
    CHECK_THROWS_AS(parse_ramp("rainbow"), ConfigError);
}

TEST_CASE("labels never collide: priority wins, off-screen labels are dropped", "[render][labels]") {
    std::vector<LabelCandidate> c{{100, 100, 80, 20, 1}, {120, 105, 80, 20, 5}, {300, 100, 80, 20, 0}, {5, 5, 40, 20, 9}};
    auto placed = place_labels(c, 800, 600, 2);
    REQUIRE(placed.size() == 2);
    CHECK(placed[0] == 1); // the higher priority of the two overlapping labels
    CHECK(placed[1] == 2);
}

TEST_CASE("CCTV coverage sectors point along compass headings", "[render][sector]") {
    const auto s = coverage_sector(XY{1000, 2000}, 90, 60, 100, 6);
    REQUIRE(s.size() == 8);
    CHECK(s[0].x == Approx(1000));
    // The arc runs from bearing 60 to 120 degrees: east of the camera, symmetric about due east.
    CHECK(s[1].x == Approx(1000 + 100 * std::sin(M_PI / 3)));
    CHECK(s[1].y == Approx(2000 + 100 * std::cos(M_PI / 3)));
    CHECK(s[4].x == Approx(1100)); // due east at the middle
    CHECK(s[4].y == Approx(2000).margin(1e-9));
    CHECK(s[7].y == Approx(2000 - 50));
    const auto ptz = coverage_sector(XY{0, 0}, 0, 360, 50, 36);
    CHECK(ptz.size() == 37);
    CHECK(ptz.front().y == Approx(ptz.back().y));
    CHECK(std::hypot(ptz[9].x, ptz[9].y) == Approx(50));
}

TEST_CASE("scale bars have round lengths", "[render][scale]") {
    auto a = scale_bar(2.0, 200);
    CHECK(a.metres == 200);
    CHECK(a.pixels == Approx(100));
    CHECK(a.label == "200 m");
    auto b = scale_bar(10.0, 150);
    CHECK(b.metres == 1000);
    CHECK(b.label == "1 km");
    CHECK(scale_bar(30.0, 200).label == "5 km");
}

TEST_CASE("choropleth classes: quantiles and equal intervals", "[render][classify]") {
    const std::vector<double> v{1, 2, 3, 4, 5, 6, 7, 8, 9, 10};
    // Quantiles of ten areas in five classes: two areas each.
    const auto q = class_breaks(v, 5, Classification::quantile);
    CHECK(q == std::vector<double>{3, 5, 7, 9});
    CHECK(class_of(1, q) == 0);
    CHECK(class_of(2, q) == 0);
    CHECK(class_of(3, q) == 1);
    CHECK(class_of(10, q) == 4);
    const auto e = class_breaks(v, 3, Classification::equal_interval);
    REQUIRE(e.size() == 2);
    CHECK(e[0] == Approx(4));
    CHECK(e[1] == Approx(7));
    // Ties: many zero counts give fewer, distinct breaks.
    const auto t = class_breaks({0, 0, 0, 0, 0, 0, 0, 1, 5, 9}, 5, Classification::quantile);
    CHECK(std::is_sorted(t.begin(), t.end()));
    CHECK(std::adjacent_find(t.begin(), t.end()) == t.end());
    CHECK(parse_classification("equal") == Classification::equal_interval);
    CHECK_THROWS_AS(parse_classification("jenks"), ConfigError);
}
