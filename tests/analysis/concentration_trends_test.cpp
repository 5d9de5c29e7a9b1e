// SPDX-License-Identifier: MIT
#include "analysis/concentration.hpp"
#include "analysis/trends.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace safermap;
using namespace safermap::analysis;

TEST_CASE("Gini worked by hand", "[analysis][concentration]") {
    // [0,0,0,10]: sum |xi - xj| over ordered pairs = 60; 60 / (2 x 16 x 2.5) = 0.75.
    CHECK(gini({0, 0, 0, 10}) == Approx(0.75));
    CHECK(gini({1, 1, 1, 1}) == Approx(0).margin(1e-12));
    CHECK(gini({}) == 0);
}

TEST_CASE("Lorenz shares and the top-N share", "[analysis][concentration]") {
    // Descending 5, 3, 2, 0 of 10: the first unit (25% of units) holds 50%; the top 2 hold 80%.
    Concentration c = concentration({2, 5, 0, 3}, {.simulations = 0, .seed = 1, .top_n = {2, 10}});
    CHECK(c.unit_share_for_25 == Approx(0.25));
    CHECK(c.unit_share_for_50 == Approx(0.25));
    REQUIRE(c.top_n_share.size() == 2);
    CHECK(c.top_n_share[0].second == Approx(0.8));
    CHECK(c.top_n_share[1].second == Approx(1.0)); // more units asked for than exist: all of them
    CHECK(c.order == std::vector<std::size_t>{1, 3, 0, 2});
    REQUIRE_THROWS_AS(concentration({0, 0}, {}), ConfigError);
    REQUIRE_THROWS_AS(concentration({1, -1}, {}), ConfigError);
}

TEST_CASE("the Poisson baseline removes the concentration that sparse counts show by chance", "[analysis][concentration]") {
    // One incident in 100 units: whatever the unit, Gini = 0.99, exactly what chance gives.
    std::vector<double> one(100, 0.0);
    one[17] = 1;
    Concentration sparse = concentration(one, {.simulations = 50, .seed = 3, .top_n = {}});
    CHECK(sparse.gini == Approx(0.99));
    CHECK(sparse.gini_expected_random == Approx(0.99));
    CHECK(sparse.gini_adjusted == Approx(0).margin(1e-12));
    // 10,000 incidents spread evenly over 100 units: chance alone gives a Gini near 0.056
    // (the coefficient of variation of a Poisson(100) count, 0.1, times 1/sqrt(pi)).
    Concentration even = concentration(std::vector<double>(100, 100.0), {.simulations = 100, .seed = 3, .top_n = {}});
    CHECK(even.gini == Approx(0).margin(1e-12));
    CHECK(even.gini_expected_random == Approx(0.1 / std::sqrt(M_PI)).epsilon(0.1));
    CHECK(even.gini_adjusted < 0);
}

TEST_CASE("the two-count Poisson test against binomial values", "[analysis][trends]") {
    CHECK(poisson_two_count_p(10, 0) == Approx(2 * std::pow(0.5, 10)));  // binom.test(10, 10) in R: 0.001953
    CHECK(poisson_two_count_p(5, 5) == Approx(1.0));
    CHECK(poisson_two_count_p(0, 0) == 1.0);
    // 30 vs 15: R poisson.test(c(30, 15))$p.value = binom.test(30, 45)$p.value = 0.03569780356.
    CHECK(poisson_two_count_p(30, 15) == Approx(0.03569780356).epsilon(1e-9));
    auto rows = compare_periods({30, 10, 0, 10}, {15, 10, 4, 0});
    CHECK(rows[0].change_pct == Approx(100.0));
    CHECK(rows[2].change_pct == Approx(-100.0));
    CHECK_FALSE(rows[3].change_pct);               // no baseline: no percentage
    CHECK(rows[0].rank == 1);
    CHECK(rows[1].rank == 2);
    CHECK(rows[3].rank == 2);                      // ties share a rank
    CHECK(rows[2].rank == 4);
}

TEST_CASE("Mann-Kendall against worked examples", "[analysis][trends]") {
    // 1..5: S = 10, Var = 5 x 4 x 15 / 18 = 16.667, z = (10 - 1) / 4.0825 = 2.2045, p = 0.0275.
    MannKendall up = mann_kendall({1, 2, 3, 4, 5});
    CHECK(up.s == 10);
    CHECK(up.variance == Approx(16.6667).epsilon(1e-4));
    CHECK(up.z == Approx(2.2045).epsilon(1e-4));
    CHECK(up.p == Approx(0.0275).epsilon(1e-2));
    // With a tie, 1 2 2 3: S = 5, Var = (4 x 3 x 13 - 2 x 1 x 9) / 18 = 7.6667, z = 4 / 2.7689 = 1.4446.
    MannKendall tied = mann_kendall({1, 2, 2, 3});
    CHECK(tied.s == 5);
    CHECK(tied.variance == Approx(7.6667).epsilon(1e-4));
    CHECK(tied.z == Approx(1.4446).epsilon(1e-4));
    CHECK(mann_kendall({3, 3, 3}).p == 1);
}
