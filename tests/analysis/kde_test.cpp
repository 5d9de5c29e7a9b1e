// SPDX-License-Identifier: MIT
#include "analysis/kde.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <numbers>
#include <random>

using namespace safermap;
using namespace safermap::analysis;

namespace {
constexpr Kernel k_all[] = {Kernel::quartic, Kernel::epanechnikov, Kernel::triangular, Kernel::uniform, Kernel::gaussian};

// Integral of K over the plane in polar form, 2 pi r K(r) dr, by the midpoint rule.
double integrate_kernel(Kernel k, double h) {
    const double support = kernel_support_m(k, h);
    const int steps = 200000;
    const double dr = support / steps;
    double sum = 0;
    for (int s = 0; s < steps; ++s) {
        const double r = (s + 0.5) * dr;
        sum += 2 * std::numbers::pi * r * kernel_density(k, r, h) * dr;
    }
    return sum;
}
} // namespace

TEST_CASE("every kernel is a 2-D density: it integrates to 1 over the plane", "[analysis][kde]") {
    for (Kernel k : k_all) {
        INFO(to_string(k));
        // The Gaussian is truncated at 4 standard deviations: 1 - exp(-8) of its mass is inside.
        const double expected = k == Kernel::gaussian ? 1 - std::exp(-8.0) : 1.0;
        CHECK(integrate_kernel(k, 250.0) == Approx(expected).epsilon(1e-6));
        CHECK(integrate_kernel(k, 7.5) == Approx(expected).epsilon(1e-6));
    }
}

TEST_CASE("kernel values worked by hand", "[analysis][kde]") {
    const double h = 200, pi = std::numbers::pi;
    CHECK(kernel_density(Kernel::quartic, 0, h) == Approx(3 / (pi * h * h)));
    CHECK(kernel_density(Kernel::quartic, 100, h) == Approx(3 / (pi * h * h) * 0.5625)); // (1 - 1/4)^2
    CHECK(kernel_density(Kernel::quartic, 200, h) == 0);
    CHECK(kernel_density(Kernel::epanechnikov, 100, h) == Approx(2 / (pi * h * h) * 0.75));
    CHECK(kernel_density(Kernel::triangular, 50, h) == Approx(3 / (pi * h * h) * 0.75));
    CHECK(kernel_density(Kernel::uniform, 199, h) == Approx(1 / (pi * h * h)));
    CHECK(kernel_density(Kernel::gaussian, h, h) == Approx(std::exp(-0.5) / (2 * pi * h * h)));
}

TEST_CASE("a single point's surface integrates to 1 and peaks where worked by hand", "[analysis][kde]") {
    // A 2 km square of 10 m cells; the point sits on the centre of cell (100, 100).
    GridSpec g = GridSpec::covering(0, 0, 2000, 2000, 10);
    std::vector<WeightedPoint> one{{1005, 1005, 1}};
    for (auto method : {KdeOptions::Method::direct, KdeOptions::Method::fft}) {
        for (Kernel k : k_all) {
            INFO(to_string(k) << (method == KdeOptions::Method::fft ? " fft" : " direct"));
            Surface s = kde(one, g, {k, 200, method});
            const double cell_km2 = g.cell_area_m2() / 1e6;
            double expected = k == Kernel::gaussian ? 1 - std::exp(-8.0) : 1.0;
            if (k == Kernel::uniform) {
                // The disc's edge is a step: the grid holds exactly the cell centres with d < h
                // (a lattice-point count), each worth c^2 / (pi h^2).
                int inside = 0;
                for (int dj = -25; dj <= 25; ++dj)
                    for (int di = -25; di <= 25; ++di) inside += std::hypot(di * 10.0, dj * 10.0) < 200 ? 1 : 0;
                expected = inside * 100.0 / (std::numbers::pi * 200 * 200);
            }
            CHECK(s.sum() * cell_km2 == Approx(expected).epsilon(0.002));
            CHECK(s.at(100, 100) == Approx(1e6 * kernel_density(k, 0, 200)).epsilon(1e-9));
        }
    }
}

TEST_CASE("a symmetric layout gives a symmetric surface", "[analysis][kde]") {
    GridSpec g = GridSpec::covering(0, 0, 1000, 1000, 20);
    std::vector<WeightedPoint> pts{{300, 300, 1}, {700, 300, 1}, {300, 700, 1}, {700, 700, 1}, {500, 500, 2}};
    Surface s = kde(pts, g, {Kernel::quartic, 250, KdeOptions::Method::direct});
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            CHECK(s.at(i, j) == Approx(s.at(g.nx - 1 - i, j)).margin(1e-9));
            CHECK(s.at(i, j) == Approx(s.at(i, g.ny - 1 - j)).margin(1e-9));
            CHECK(s.at(i, j) == Approx(s.at(j, i)).margin(1e-9));
        }
}

TEST_CASE("FFT convolution stays close to direct evaluation", "[analysis][kde]") {
    std::mt19937 rng(42);
    std::uniform_real_distribution<double> u(-300, 5300);
    std::vector<WeightedPoint> pts(3000);
    for (auto& p : pts) p = {u(rng), u(rng), 1};
    GridSpec g = GridSpec::covering(0, 0, 5000, 5000, 25);
    for (Kernel k : {Kernel::quartic, Kernel::gaussian}) {
        INFO(to_string(k));
        Surface direct = kde(pts, g, {k, 300, KdeOptions::Method::direct});
        Surface fft = kde(pts, g, {k, 300, KdeOptions::Method::fft});
        double peak = 0, worst = 0;
        for (std::size_t c = 0; c < direct.values.size(); ++c) {
            peak = std::max(peak, direct.values[c]);
            worst = std::max(worst, std::abs(direct.values[c] - fft.values[c]));
        }
        CHECK(worst < 0.01 * peak); // linear binning to 25 m cells, bandwidth 12 cells
        CHECK(fft.sum() == Approx(direct.sum()).epsilon(0.002));
    }
}

TEST_CASE("bad options are refused before any work, naming the stage", "[analysis][kde]") {
    GridSpec g = GridSpec::covering(0, 0, 100, 100, 10);
    REQUIRE_THROWS_AS(kde({}, g, {Kernel::quartic, -5, KdeOptions::Method::direct}), ConfigError);
    REQUIRE_THROWS_WITH(kde({}, g, {Kernel::quartic, -5, KdeOptions::Method::direct}),
                        "kde: bandwidth_m must be > 0 (got -5)");
    REQUIRE_THROWS_AS(GridSpec::covering(0, 0, 100, 100, 0), ConfigError);
    REQUIRE_THROWS_AS(parse_kernel("box"), ConfigError);
    CHECK(parse_kernel("biweight") == Kernel::quartic);
    CHECK(kde({}, g, {Kernel::quartic, 50, KdeOptions::Method::automatic}).sum() == 0);
}

TEST_CASE("a three-point surface value worked by hand", "[analysis][kde]") {
    // Quartic, h = 500 m, at (449550, 358950): two points 50 m away (u² = 0.01) and one
    // 70.71 m away (u² = 0.02): 3 / (pi 500²) (2 x 0.99² + 0.98²) x 1e6 = 11.1559 per km².
    // (The same sum is the peak in tests/golden/kde_points_json.txt.)
    GridSpec g = GridSpec::covering(449000, 355500, 451000, 359500, 100);
    std::vector<WeightedPoint> pts{{449500, 358950, 1}, {449500, 358950, 1}, {449600, 358900, 1}, {450650, 356020, 1}};
    Surface s = kde(pts, g, {Kernel::quartic, 500, KdeOptions::Method::direct});
    CHECK(s.at(5, 34) == Approx(3 / (std::numbers::pi * 500 * 500) * (2 * 0.9801 + 0.9604) * 1e6).epsilon(1e-9));
    CHECK(s.at(5, 34) == Approx(11.1559).epsilon(1e-4));
}

TEST_CASE("edge correction puts each point's whole weight on the grid", "[analysis][kde]") {
    // Points on the grid's edge and corner lose half or three quarters of their kernel without it.
    GridSpec g = GridSpec::covering(0, 0, 1000, 1000, 10);
    std::vector<WeightedPoint> pts{{0, 500, 1}, {0, 0, 2}, {500, 500, 1}};
    const double cell_km2 = g.cell_area_m2() / 1e6;
    Surface plain = kde(pts, g, {Kernel::quartic, 100, KdeOptions::Method::direct});
    CHECK(plain.sum() * cell_km2 == Approx(0.5 + 2 * 0.25 + 1).epsilon(0.01));
    KdeOptions corrected{Kernel::quartic, 100, KdeOptions::Method::direct};
    corrected.edge_correction = true;
    CHECK(kde(pts, g, corrected).sum() * cell_km2 == Approx(4.0).epsilon(1e-9));
    corrected.method = KdeOptions::Method::fft;
    REQUIRE_THROWS_AS(kde(pts, g, corrected), ConfigError);
}

TEST_CASE("adaptive bandwidths widen for isolated points", "[analysis][kde]") {
    // Two points 1000 m apart, k = 1: each point's bandwidth becomes 1000 m (> the fixed 100 m),
    // so its own cell gets 3 / (pi 1000²) x 1e6 = 0.95493 per km² from it, plus the other
    // point's kernel at 1000 m, which is 0.
    GridSpec g = GridSpec::covering(0, 0, 3000, 1000, 10);
    std::vector<WeightedPoint> pts{{1005, 505, 1}, {2005, 505, 1}};
    KdeOptions o{Kernel::quartic, 100, KdeOptions::Method::direct};
    o.adaptive_k = 1;
    Surface s = kde(pts, g, o);
    CHECK(s.at(100, 50) == Approx(3 / (std::numbers::pi * 1000 * 1000) * 1e6).epsilon(1e-9));
}
