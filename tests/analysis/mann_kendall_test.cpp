// SPDX-License-Identifier: MIT
// mann_kendall against the textbook definition computed pair by pair (Kendall 1975; Hipel and
// McLeod 1994, eq. 23.2-23.4: S = sum over i < j of sign(x_j - x_i), Var(S) = [n(n-1)(2n+5) -
// sum over tie groups of t(t-1)(2t+5)] / 18, z with the continuity correction). The worked
// examples are in concentration_trends_test.cpp; these check the fast paths (vectorised rows,
// sorted tie groups, constant series) give the same numbers exactly, ties everywhere.
#include "analysis/trends.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <random>

using namespace safermap::analysis;

namespace {

MannKendall textbook(const std::vector<double>& x) {
    MannKendall r;
    const std::size_t n = x.size();
    if (n < 3) return r;
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) r.s += x[j] > x[i] ? 1 : x[j] < x[i] ? -1 : 0;
    std::map<double, int> groups;
    for (double v : x) ++groups[v];
    double var = static_cast<double>(n) * (n - 1) * (2 * n + 5);
    for (const auto& [v, t] : groups) var -= static_cast<double>(t) * (t - 1) * (2 * t + 5);
    r.variance = var / 18;
    if (r.variance > 0 && r.s != 0) {
        r.z = (r.s - (r.s > 0 ? 1 : -1)) / std::sqrt(r.variance);
        r.p = std::erfc(std::abs(r.z) / std::sqrt(2.0));
    }
    return r;
}

} // namespace

TEST_CASE("Mann-Kendall equals the pair-by-pair definition on series full of ties", "[analysis][trends]") {
    std::mt19937 rng(20261203);
    for (int trial = 0; trial < 3000; ++trial) {
        const std::size_t n = 3 + rng() % 118;
        std::vector<double> x(n);
        const int kind = trial % 3;
        for (auto& v : x) {
            if (kind == 0) v = static_cast<double>(rng() % 4);                  // counts: ties everywhere
            else if (kind == 1) v = std::normal_distribution<double>(0, 1)(rng); // z-scores: no ties
            else v = rng() % 3 == 0 ? 0.0 : static_cast<double>(rng() % 50) / 7; // a mix, with -0.0 too
            if (kind == 2 && rng() % 10 == 0) v = -0.0;
        }
        const MannKendall got = mann_kendall(x), want = textbook(x);
        INFO("trial " << trial << ", n " << n);
        CHECK(got.s == want.s);
        CHECK(got.variance == want.variance);
        CHECK(got.z == want.z);
        CHECK(got.p == Approx(want.p).epsilon(1e-12));
    }
}

TEST_CASE("Mann-Kendall of a constant series is no trend", "[analysis][trends]") {
    for (std::size_t n : {3u, 12u, 80u}) {
        const MannKendall r = mann_kendall(std::vector<double>(n, 2.5));
        CHECK(r.s == 0);
        CHECK(r.variance == 0);
        CHECK(r.z == 0);
        CHECK(r.p == 1);
    }
}

TEST_CASE("Mann-Kendall counts a NaN as tied with everything", "[analysis][trends]") {
    const double nan = std::numeric_limits<double>::quiet_NaN();
    // 1 NaN 2 4: pairs (1,2) (1,4) (2,4) rise, the three with the NaN are ties: S = 3.
    const MannKendall r = mann_kendall({1, nan, 2, 4});
    CHECK(r.s == 3);
    CHECK(std::isfinite(r.variance));
    CHECK(mann_kendall({nan, nan, nan}).s == 0);
}
