// SPDX-License-Identifier: MIT
#include "analysis/prediction_accuracy.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace safermap;
using namespace safermap::analysis;

TEST_CASE("hit rate, PAI, PEI and RRI on a constructed case", "[analysis][accuracy]") {
    // Ten cells; the test period has 10 incidents in cells 0-2, training 10 in cells 0-3.
    const std::vector<double> test{5, 3, 2, 0, 0, 0, 0, 0, 0, 0};
    const std::vector<double> train{4, 4, 1, 1, 0, 0, 0, 0, 0, 0};
    const std::vector<bool> all(10, true);
    // A map that ranks cells 0 and 1 first, at 20% coverage (2 cells): hits 8 of 10 ->
    // hit rate 0.8, PAI 0.8 / 0.2 = 4; the best 2 cells hold 8 -> PEI 1;
    // RRI = (8 test / 8 training in those cells) / (10 / 10) = 1.
    AccuracyScores good = score_hotspot_map(train, train, test, all, 0.2);
    CHECK(good.cells_flagged == 2);
    CHECK(good.hit_rate == Approx(0.8));
    CHECK(good.pai == Approx(4.0));
    CHECK(good.pei == Approx(1.0));
    CHECK(good.rri == Approx(1.0));
    // A map that picks cells 2 and 3: hits 2 -> hit rate 0.2, PAI 1, PEI 2 / 8 = 0.25,
    // RRI = (2 / 2) / 1 = 1.
    AccuracyScores poor = score_hotspot_map({0, 0, 9, 8, 0, 0, 0, 0, 0, 0}, train, test, all, 0.2);
    CHECK(poor.hit_rate == Approx(0.2));
    CHECK(poor.pai == Approx(1.0));
    CHECK(poor.pei == Approx(0.25));
    CHECK(poor.rri == Approx(1.0));
    // Cells outside the study area neither count towards the area nor get flagged.
    std::vector<bool> half(10, false);
    for (int i = 0; i < 5; ++i) half[static_cast<std::size_t>(i)] = true;
    AccuracyScores in_half = score_hotspot_map(train, train, test, half, 0.2); // 1 cell of 5
    CHECK(in_half.cells_flagged == 1);
    CHECK(in_half.pai == Approx(0.5 / 0.2));
    REQUIRE_THROWS_AS(score_hotspot_map(train, train, test, all, 0), ConfigError);
    REQUIRE_THROWS_AS(score_hotspot_map(train, train, std::vector<double>(10, 0.0), all, 0.1), ConfigError);
}
