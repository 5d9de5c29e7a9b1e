// SPDX-License-Identifier: MIT
#include "analysis/cluster_shapes.hpp"
#include "analysis/dbscan.hpp"
#include "analysis/nearest_neighbour.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>

using namespace safermap;
using namespace safermap::analysis;

TEST_CASE("DBSCAN on a layout with known clusters, a border point and noise", "[analysis][dbscan]") {
    // eps 1.1, min_points 4 (the point itself counted), worked by hand:
    //   A: (0,0) (1,0) (0,1) (1,1) (0.5,0.5). (0,0) sees (1,0), (0,1) at 1 and (0.5,0.5) at 0.71
    //      (not (1,1) at 1.41): 3 + itself = 4 -> core; so are the others.
    //   (2,0) sees only (1,0) -> 2, not core, but within eps of core (1,0) -> border of A.
    //   B: (10,10) (11,10) (10,11) (11,11) (10.5,10.5): as A -> cluster 1.
    //   (5,5) and (20,0): noise.
    std::vector<double> x{5, 0, 1, 0, 1, 0.5, 2, 10, 11, 10, 11, 10.5, 20};
    std::vector<double> y{5, 0, 0, 1, 1, 0.5, 0, 10, 10, 11, 11, 10.5, 0};
    auto labels = dbscan(x, y, {1.1, 4});
    CHECK(labels == std::vector<std::int32_t>{k_noise, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, k_noise});
    // min_points 5: the corners see 4 (with themselves), no longer core, but the centres see
    // 5 -> core, so the corners are border points. (1,0) sees (0,0), (1,1), (0.5,0.5), (2,0)
    // and itself = 5 -> core, so (2,0) stays a border point of A.
    auto strict = dbscan(x, y, {1.1, 5});
    CHECK(strict == std::vector<std::int32_t>{k_noise, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, k_noise});
    // min_points 6: only (1,0)... sees 5 -> nothing is core: all noise.
    CHECK(dbscan(x, y, {1.1, 6}) == std::vector<std::int32_t>(13, k_noise));
    REQUIRE_THROWS_WITH(dbscan(x, y, {0, 4}), "dbscan: eps_m must be > 0 (got 0)");
    CHECK(dbscan({}, {}, {1, 2}).empty());
}

TEST_CASE("coincident snap points count towards min_points", "[analysis][dbscan]") {
    std::vector<double> x(6, 100.0), y(6, 200.0); // six incidents at one snap point
    x.push_back(500);
    y.push_back(500);
    auto labels = dbscan(x, y, {50, 5});
    CHECK(labels == std::vector<std::int32_t>{0, 0, 0, 0, 0, 0, k_noise});
}

TEST_CASE("the standard deviational ellipse of a cross", "[analysis][clusters]") {
    // (+-2, 0) and (0, +-1): major axis along x, sigma sqrt(8/4), minor sqrt(2/4).
    StandardEllipse e = standard_ellipse({2, -2, 0, 0}, {0, 0, 1, -1});
    CHECK(e.centre_x == Approx(0).margin(1e-12));
    CHECK(e.sigma_major == Approx(std::sqrt(2.0)));
    CHECK(e.sigma_minor == Approx(std::sqrt(0.5)));
    CHECK(std::abs(std::sin(e.angle_rad)) == Approx(0).margin(1e-12));
    // Points on a 45 degree line: all spread along it.
    StandardEllipse d = standard_ellipse({0, 1, 2, 3}, {0, 1, 2, 3});
    CHECK(d.angle_rad == Approx(std::numbers::pi / 4));
    CHECK(d.sigma_minor == Approx(0).margin(1e-12));
}

TEST_CASE("cluster hulls and areas", "[analysis][clusters]") {
    geo::GeosContext ctx;
    std::vector<double> x{0, 100, 100, 0, 50, 1000};
    std::vector<double> y{0, 0, 100, 100, 50, 1000};
    std::vector<std::int32_t> labels{0, 0, 0, 0, 0, k_noise};
    auto shapes = cluster_shapes(ctx, x, y, {}, labels, 0.5);
    REQUIRE(shapes.size() == 1);
    CHECK(shapes[0].count == 5);
    CHECK(shapes[0].convex_area_m2 == Approx(10000));
    CHECK(shapes[0].mean_x == Approx(50));
    double concave = 0;
    GEOSArea_r(ctx.handle(), shapes[0].concave_hull.get(), &concave);
    CHECK(concave <= 10000 + 1e-6);
}

TEST_CASE("Clark-Evans on a regular lattice, worked by hand", "[analysis][nni]") {
    // 10 x 10 points 1 m apart in 100 m²: observed 1, expected 0.5 sqrt(100/100) = 0.5, R = 2,
    // SE = 0.26136 sqrt(100 / 10000) = 0.026136, z = 0.5 / 0.026136 = 19.1307.
    std::vector<double> x, y;
    for (int j = 0; j < 10; ++j)
        for (int i = 0; i < 10; ++i) x.push_back(i), y.push_back(j);
    NearestNeighbourIndex r = clark_evans(x, y, 100);
    CHECK(r.mean_observed_m == Approx(1));
    CHECK(r.mean_expected_m == Approx(0.5));
    CHECK(r.ratio == Approx(2));
    CHECK(r.z == Approx(19.1307).epsilon(1e-4));
    CHECK(normal_quantile(0.975) == Approx(1.959963985).epsilon(1e-9));
    CHECK(normal_quantile(0.01) == Approx(-2.326347874).epsilon(1e-9));
}

TEST_CASE("NNH finds two tight groups and clusters them again at the second order", "[analysis][nnh]") {
    // Two groups of 12 points within a 10 m square, 300 m apart, plus 10 scattered points, in
    // 1 km². n = 34: threshold = 0.5 sqrt(1e6/34) - 2.326348 x 0.26136 sqrt(1e6/34²) = 67.87 m.
    std::vector<double> x, y;
    for (int g = 0; g < 2; ++g)
        for (int k = 0; k < 12; ++k) x.push_back(100 + 300 * g + (k % 4) * 3), y.push_back(500 + (k / 4) * 3);
    for (int k = 0; k < 10; ++k) x.push_back(50 + 95 * k), y.push_back(50 + (k % 2) * 850);
    auto levels = nnh(x, y, 1e6, {.p_value = 0.01, .min_points = 10, .max_order = 3});
    REQUIRE(levels.size() == 1); // two first-order clusters are too few for a second order of 10
    CHECK(levels[0].threshold_m == Approx(67.87).epsilon(1e-3));
    REQUIRE(levels[0].members.size() == 2);
    CHECK(levels[0].members[0].size() == 12);
    CHECK(levels[0].centre_x[1] == Approx(404.5));
    auto two = nnh(x, y, 1e6, {.p_value = 0.01, .min_points = 2, .max_order = 3});
    REQUIRE(two.size() >= 1);
    REQUIRE_THROWS_AS(nnh(x, y, 1e6, {.p_value = 0.9, .min_points = 2, .max_order = 1}), ConfigError);
}
