// SPDX-License-Identifier: MIT
#include "geocode/street_sources.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace safermap;

// tests/data/naptan/stops_hand.csv (listed line by line in tests/io/features/naptan_places_test.cpp):
// 9 active stops, 7 of them with a real street; 5 localities.
TEST_CASE("a NaPTAN stops file is a street source: a piece per stop with a street, a box per locality", "[geocode][naptan]") {
    Rejects rejects;
    RunReport report;
    const auto src = geocode::read_street_source(test::test_data("naptan/stops_hand.csv"), {}, rejects, report);
    CHECK(src.format == "naptan");
    CHECK(report.rows_read == 17);
    CHECK(report.kept == 9);
    CHECK(report.rejected() == 6);
    CHECK(report.notes_by_reason.at("no_street") == 2);
    REQUIRE(src.pieces.size() == 7);
    const auto& first = src.pieces.front();
    CHECK(first.name == "High Street");
    CHECK(first.locality == "Alphaton");
    CHECK(first.kind == "street");
    REQUIRE(first.points.size() == 1);
    CHECK(first.points[0].x == 450000);
    CHECK(first.points[0].y == 358000);
    CHECK(std::none_of(src.pieces.begin(), src.pieces.end(), [](const geocode::StreetPiece& p) { return p.name == "-" || p.name.empty(); }));
    // Alphaton's stops span 450000-450300 E, 358000-358300 N; the box grows by 250 m.
    REQUIRE(src.localities.size() == 5);
    const auto alphaton = std::find_if(src.localities.begin(), src.localities.end(),
                                       [](const geocode::LocalityBox& b) { return b.name == "Alphaton"; });
    REQUIRE(alphaton != src.localities.end());
    CHECK(alphaton->min_x == 449750);
    CHECK(alphaton->min_y == 357750);
    CHECK(alphaton->max_x == 450550);
    CHECK(alphaton->max_y == 358550);
    CHECK(alphaton->kind == "village");
}
