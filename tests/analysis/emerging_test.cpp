// SPDX-License-Identifier: MIT
#include "analysis/emerging_hotspots.hpp"
#include "analysis/trends.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

using namespace safermap;
using namespace safermap::analysis;

namespace {
MannKendall flat() { return {}; }                         // p = 1: no trend
MannKendall rising() { return {40, 100, 3.9, 0.0001}; }   // significant increase
MannKendall falling() { return {-40, 100, -3.9, 0.0001}; }
constexpr int H = 1, C = -1, _ = 0;
} // namespace

TEST_CASE("emerging hot spot categories follow ArcGIS's definitions", "[analysis][emerging]") {
    // 10 steps: 90% is 9 of them.
    CHECK(emerging_category({_, _, _, _, _, _, _, _, _, H}, flat(), 0.05) == 1);   // new
    CHECK(emerging_category({_, _, _, _, _, _, _, H, H, H}, flat(), 0.05) == 2);   // consecutive
    CHECK(emerging_category({H, H, H, H, H, H, H, H, H, H}, rising(), 0.05) == 3); // intensifying
    CHECK(emerging_category({_, H, H, H, H, H, H, H, H, H}, flat(), 0.05) == 4);   // persistent (9 of 10)
    CHECK(emerging_category({H, H, H, H, H, H, H, H, H, H}, falling(), 0.05) == 5); // diminishing
    CHECK(emerging_category({H, _, H, _, _, H, _, _, _, H}, flat(), 0.05) == 6);   // sporadic
    CHECK(emerging_category({H, _, C, _, _, H, _, _, _, H}, flat(), 0.05) == 7);   // oscillating (was cold)
    CHECK(emerging_category({H, H, H, H, H, H, H, H, H, _}, flat(), 0.05) == 8);   // historical
    CHECK(emerging_category({H, _, _, _, _, _, _, _, _, _}, flat(), 0.05) == 0);   // old, rare: no pattern
    CHECK(emerging_category({_, _, _, _, _, _, _, _, _, _}, flat(), 0.05) == 0);
    // Cold mirrors hot: intensifying cold means z falling further.
    CHECK(emerging_category({_, _, _, _, _, _, _, _, _, C}, flat(), 0.05) == -1);
    CHECK(emerging_category({C, C, C, C, C, C, C, C, C, C}, falling(), 0.05) == -3);
    CHECK(emerging_category({C, _, H, _, _, _, _, _, C, C}, flat(), 0.05) == -7); // oscillating cold
    CHECK(describe(-3) == "intensifying cold spot");
    CHECK(describe(6) == "sporadic hot spot");
}

TEST_CASE("a block that appears in the last month is a new hot spot, and one that never leaves is persistent", "[analysis][emerging]") {
    const GridSpec g{0, 0, 100, 12, 12};
    const std::size_t steps = 6;
    std::vector<std::vector<double>> counts(steps, std::vector<double>(g.cells(), 0.0));
    for (std::size_t t = 0; t < steps; ++t)
        for (int j = 0; j < 12; ++j)
            for (int i = 0; i < 12; ++i) {
                double& c = counts[t][static_cast<std::size_t>(j * 12 + i)];
                c = static_cast<double>((i * 7 + j * 3 + static_cast<int>(t)) % 3); // background 0..2
                if (i >= 1 && i <= 3 && j >= 1 && j <= 3) c += 30;                   // always there
                if (t + 1 == steps && i >= 8 && i <= 10 && j >= 8 && j <= 10) c += 30; // only at the end
            }
    EmergingResult r = emerging_hotspots(counts, grid_distance_band(g, 150), {});
    CHECK(r.category[static_cast<std::size_t>(2 * 12 + 2)] == static_cast<int>(Emerging::persistent));
    CHECK(r.category[static_cast<std::size_t>(9 * 12 + 9)] == static_cast<int>(Emerging::new_spot));
    CHECK(r.final_bin[static_cast<std::size_t>(9 * 12 + 9)] == 3);
    REQUIRE_THROWS_AS(emerging_hotspots({counts[0], counts[1]}, grid_distance_band(g, 150), {}), ConfigError);
}
