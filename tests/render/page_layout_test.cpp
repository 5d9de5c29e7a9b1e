// SPDX-License-Identifier: MIT
// Paper sizes and scales of printed maps (issue #12's contract: A4 landscape is 842 x 595 pt).
#include "core/error.hpp"
#include "render/canvas.hpp"
#include "render/page_layout.hpp"

#include <catch2/catch.hpp>

using namespace safermap::render;

TEST_CASE("ISO paper in points, both orientations", "[print]") {
    const auto a4 = paper_size("A4", "landscape");
    CHECK(a4.width_pt == 842);
    CHECK(a4.height_pt == 595);
    const auto a3 = paper_size("a3", "portrait");
    CHECK(a3.width_pt == 842);
    CHECK(a3.height_pt == 1191);
    CHECK(paper_size("A2", "landscape").width_pt == 1684);
    CHECK_THROWS_AS(paper_size("A5", "landscape"), safermap::ConfigError);
    CHECK_THROWS_AS(paper_size("A4", "sideways"), safermap::ConfigError);
}

TEST_CASE("the map frame fills the page between title, panel and footer", "[print]") {
    const auto l = map_page_layout(paper_size("A4", "landscape"));
    CHECK(l.map.w > 0.7 * 842 - 200); // most of the width, beside a panel under 200 pt
    CHECK(l.map.h > 0.75 * 595 - 60);
    CHECK(l.map.right() < l.panel.x);
    CHECK(l.map.bottom() < l.footer.y);
    CHECK(l.title.bottom() <= l.map.y);
    const auto a2 = map_page_layout(paper_size("A2", "landscape"));
    CHECK(a2.unit == Approx(2.0).epsilon(0.01));
}

TEST_CASE("scales read as 1:N", "[print]") {
    CHECK(parse_scale("1:25000") == 25000);
    CHECK(parse_scale("1:25,000") == 25000);
    CHECK_THROWS_AS(parse_scale("25000"), safermap::ConfigError);
    CHECK_THROWS_AS(parse_scale("1:abc"), safermap::ConfigError);
    CHECK_THROWS_AS(parse_scale("1:50"), safermap::ConfigError);
    // 1:10,000: one point (1/72 in) on paper is 10,000 / 72 inches = 3.528 m.
    CHECK(metres_per_point(10000) == Approx(3.5278).epsilon(1e-4));
}

TEST_CASE("formats follow the extension", "[print]") {
    CHECK(page_format_of("map.PDF") == PageFormat::pdf);
    CHECK(page_format_of("map.svg") == PageFormat::svg);
    CHECK(page_format_of("x/map.png") == PageFormat::png);
    CHECK_THROWS_AS(page_format_of("map.gpkg"), safermap::ConfigError);
}
