// SPDX-License-Identifier: MIT
#include "analysis/fdr.hpp"
#include "analysis/gi_star.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace safermap;
using namespace safermap::analysis;

TEST_CASE("Gi* on a 3 x 3 lattice worked by hand", "[analysis][gistar]") {
    // One hot cell (9) in the middle of zeros; neighbours within one cell (rook) plus itself.
    // n = 9, mean 1, S = sqrt(81/9 - 1) = sqrt(8).
    //   centre: W = 5, S1 = 5, sum wx = 9:  (9 - 5) / (sqrt 8 sqrt((45 - 25)/8)) = 0.894427
    //   edge:   W = 4, S1 = 4, sum wx = 9:  (9 - 4) / (sqrt 8 sqrt((36 - 16)/8)) = 1.118034
    //   corner: W = 3, S1 = 3, sum wx = 0:  (0 - 3) / (sqrt 8 sqrt((27 - 9)/8))  = -0.707107
    GridSpec g{0, 0, 100, 3, 3};
    std::vector<double> x{0, 0, 0, 0, 9, 0, 0, 0, 0};
    SpatialWeights w = grid_distance_band(g, 100);
    GiStarResult r = gi_star(x, w, {});
    CHECK(r.z[4] == Approx(0.894427).epsilon(1e-5));
    CHECK(r.z[1] == Approx(1.118034).epsilon(1e-5));
    CHECK(r.z[3] == Approx(1.118034).epsilon(1e-5));
    CHECK(r.z[0] == Approx(-0.707107).epsilon(1e-5));
    CHECK(r.z[8] == Approx(-0.707107).epsilon(1e-5));
    CHECK(r.p[4] == Approx(0.371093).epsilon(1e-4)); // 2 (1 - Phi(0.894427))
    for (int b : r.bin) CHECK(b == 0);              // nothing significant on 9 cells
}

TEST_CASE("a strong cluster is a 99% hot spot and bins follow p or q", "[analysis][gistar]") {
    GridSpec g{0, 0, 100, 10, 10};
    std::vector<double> x(100, 1.0);
    for (int j = 4; j <= 6; ++j)
        for (int i = 4; i <= 6; ++i) x[static_cast<std::size_t>(j * 10 + i)] = 20;
    SpatialWeights w = grid_distance_band(g, 150); // queen-like: 8 neighbours + itself
    GiStarResult with_fdr = gi_star(x, w, {});
    GiStarResult raw = gi_star(x, w, {.fdr = false});
    CHECK(with_fdr.bin[55] == 3);
    CHECK(with_fdr.z[55] > 5);
    for (std::size_t i = 0; i < x.size(); ++i) {
        // FDR only ever makes a bin less extreme.
        CHECK(std::abs(with_fdr.bin[i]) <= std::abs(raw.bin[i]));
        CHECK(with_fdr.q[i] >= raw.p[i]);
    }
}

TEST_CASE("permutation pseudo p-values agree with the normal approximation on a clear hot spot", "[analysis][gistar]") {
    GridSpec g{0, 0, 100, 10, 10};
    std::vector<double> x(100, 1.0);
    for (int j = 4; j <= 6; ++j)
        for (int i = 4; i <= 6; ++i) x[static_cast<std::size_t>(j * 10 + i)] = 20;
    SpatialWeights w = grid_distance_band(g, 150);
    GiStarResult a = gi_star(x, w, {.fdr = true, .permutations = 999, .seed = 7});
    GiStarResult b = gi_star(x, w, {.fdr = true, .permutations = 999, .seed = 7});
    CHECK(a.p_perm == b.p_perm);                   // seeded: repeatable
    CHECK(a.p_perm[55] == Approx(2.0 / 1000));     // no permutation beats the observed cluster
    CHECK(a.p_perm[0] > 0.05);                     // a background corner is unremarkable
}

TEST_CASE("Benjamini-Hochberg against a worked example", "[analysis][fdr]") {
    // sorted p: .005 .01 .03 .04 .2; p n / k: .025 .025 .05 .05 .2; running minimum from the top.
    auto q = benjamini_hochberg({0.01, 0.04, 0.03, 0.005, 0.2});
    REQUIRE(q.size() == 5);
    CHECK(q[0] == Approx(0.025));
    CHECK(q[1] == Approx(0.05));
    CHECK(q[2] == Approx(0.05));
    CHECK(q[3] == Approx(0.025));
    CHECK(q[4] == Approx(0.2));
    CHECK(benjamini_hochberg({}).empty());
    CHECK(two_sided_p(1.959964) == Approx(0.05).epsilon(1e-5));
}

TEST_CASE("k-nearest and distance-band weights on a grid", "[analysis][weights]") {
    GridSpec g{0, 0, 100, 4, 4};
    SpatialWeights band = grid_distance_band(g, 100);
    CHECK(band.start[1] - band.start[0] == 3);   // corner: itself + 2
    CHECK(band.start[6] - band.start[5] == 5);   // interior: itself + 4
    SpatialWeights knn = grid_k_nearest(g, 4);
    CHECK(knn.start[6] - knn.start[5] == 5);     // itself + 4 rook neighbours (all at 100 m)
    // Corner, k = 4: 2 at 100 m, 1 at 141 m, then 2 tied at 200 m: ties are all kept, plus itself.
    CHECK(knn.start[1] - knn.start[0] == 6);
    REQUIRE_THROWS_AS(grid_distance_band(g, -1), ConfigError);
    REQUIRE_THROWS_AS(gi_star({1, 2}, grid_distance_band(GridSpec{0, 0, 1, 2, 1}, 1), {}), ConfigError);
}
