// SPDX-License-Identifier: MIT
// Bandwidth suggestions against brute-force nearest-neighbour spacings.
#include "analysis/bandwidth.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <random>

using namespace safermap;
using namespace safermap::analysis;

namespace {

// Mean over points of the distance to the nearest point at another position, O(n²).
double brute_force_spacing(const std::vector<double>& x, const std::vector<double>& y) {
    double sum = 0;
    std::size_t counted = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        double best = std::numeric_limits<double>::infinity();
        for (std::size_t j = 0; j < x.size(); ++j)
            if (x[j] != x[i] || y[j] != y[i]) best = std::min(best, std::hypot(x[j] - x[i], y[j] - y[i]));
        if (std::isfinite(best)) sum += best, ++counted;
    }
    return sum / static_cast<double>(counted);
}

// Clustered points, a quarter of them snapped onto a few shared positions.
void clustered(unsigned seed, std::size_t n, std::vector<double>& x, std::vector<double>& y) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(0, 5000);
    std::normal_distribution<double> g(0, 60);
    const double cx = u(rng), cy = u(rng);
    x.clear(), y.clear();
    for (std::size_t i = 0; i < n; ++i) {
        if (i % 4 == 3) {
            const std::size_t snap = (i / 4) % 7; // one of the first 7 points' positions
            x.push_back(x[snap]), y.push_back(y[snap]);
        } else if (i % 2) {
            x.push_back(cx + g(rng)), y.push_back(cy + g(rng));
        } else {
            x.push_back(u(rng)), y.push_back(u(rng));
        }
    }
}

} // namespace

TEST_CASE("the nearest-neighbour spacing is exact on small sets", "[analysis][bandwidth]") {
    for (unsigned seed = 1; seed <= 8; ++seed) {
        std::vector<double> x, y;
        clustered(seed, 300 + 150 * seed, x, y);
        INFO("seed " << seed << ", n " << x.size());
        const BandwidthSuggestions s = suggest_bandwidths(x, y, Kernel::quartic);
        CHECK(s.mean_nn_m == Approx(brute_force_spacing(x, y)).epsilon(1e-12));
        CHECK(s.mean_nn_sample == x.size());
        CHECK(s.points == x.size());
    }
    // Worked by hand: (0,0) twice, (3,4), (3,0). Spacings 3, 3 (the copy), 4, 3 -> 13/4.
    const BandwidthSuggestions s = suggest_bandwidths({0, 0, 3, 3}, {0, 0, 4, 0}, Kernel::gaussian);
    CHECK(s.mean_nn_m == Approx(13.0 / 4));
}

TEST_CASE("on large sets the spacing is estimated from a fixed sample of points", "[analysis][bandwidth]") {
    std::vector<double> x, y;
    clustered(77, 4000, x, y);
    const double exact = brute_force_spacing(x, y);
    const BandwidthSuggestions s = suggest_bandwidths(x, y, Kernel::quartic, 1000);
    CHECK(s.mean_nn_sample == 1000);
    // The standard error of a 1000-point mean is about 3% of the spacing here.
    CHECK(s.mean_nn_m == Approx(exact).epsilon(0.12));
    CHECK(suggest_bandwidths(x, y, Kernel::quartic, 1000).mean_nn_m == s.mean_nn_m); // same seed, same sample
    // The normal reference rule uses every point either way.
    CHECK(s.normal_reference_m == Approx(suggest_bandwidths(x, y, Kernel::quartic).normal_reference_m).epsilon(1e-15));
}

TEST_CASE("suggestions need two positions", "[analysis][bandwidth]") {
    REQUIRE_THROWS_AS(suggest_bandwidths({1}, {1}, Kernel::quartic), ConfigError);
    REQUIRE_THROWS_AS(suggest_bandwidths({1, 1, 1}, {2, 2, 2}, Kernel::quartic), ConfigError);
}
