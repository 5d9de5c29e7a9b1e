// SPDX-License-Identifier: MIT
// The grid DBSCAN against a brute-force O(n²) reading of the textbook definition (Ester et al.
// 1996), on seeded random sets with dense clumps, coincident points and pairs at exactly eps.
#include "analysis/dbscan.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <map>
#include <numeric>
#include <random>
#include <set>

using namespace safermap;
using namespace safermap::analysis;

namespace {

struct Reference {
    std::vector<bool> core;
    std::vector<int> component;                  // of each core point, -1 for others
    std::vector<std::set<int>> reachable;        // components of the core points within eps
};

// Every definition straight from the paper: neighbours within eps (inclusive, the point
// itself counted), core points, their connected components, border points.
Reference brute_force(const std::vector<double>& x, const std::vector<double>& y, double eps, int min_points) {
    const std::size_t n = x.size();
    auto within = [&](std::size_t i, std::size_t j) {
        const double dx = x[j] - x[i], dy = y[j] - y[i];
        return dx * dx + dy * dy <= eps * eps;
    };
    Reference r;
    r.core.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) {
        int count = 0;
        for (std::size_t j = 0; j < n; ++j) count += within(i, j) ? 1 : 0;
        r.core[i] = count >= min_points;
    }
    r.component.assign(n, -1);
    int next = 0;
    for (std::size_t s = 0; s < n; ++s) {
        if (!r.core[s] || r.component[s] >= 0) continue;
        std::vector<std::size_t> stack{s};
        r.component[s] = next;
        while (!stack.empty()) {
            const std::size_t i = stack.back();
            stack.pop_back();
            for (std::size_t j = 0; j < n; ++j)
                if (r.core[j] && r.component[j] < 0 && within(i, j)) r.component[j] = next, stack.push_back(j);
        }
        ++next;
    }
    r.reachable.resize(n);
    for (std::size_t i = 0; i < n; ++i)
        for (std::size_t j = 0; j < n; ++j)
            if (r.core[j] && within(i, j)) r.reachable[i].insert(r.component[j]);
    return r;
}

// The labels are the reference's partition: the same core points, core points grouped alike
// (a one-to-one renaming), each border point in a cluster with a core point within eps (the
// lowest-numbered such, as dbscan() promises), the same noise, and clusters numbered in the
// order of their first core point.
void check_against_reference(const std::vector<double>& x, const std::vector<double>& y, double eps, int min_points) {
    INFO("n " << x.size() << ", eps " << eps << ", min_points " << min_points);
    const DbscanResult got = dbscan_with_core(x, y, {eps, min_points});
    const Reference ref = brute_force(x, y, eps, min_points);
    REQUIRE(got.labels.size() == x.size());
    std::map<int, std::int32_t> label_of_component;
    std::map<std::int32_t, int> component_of_label;
    std::int32_t next_new_label = 0;
    for (std::size_t i = 0; i < x.size(); ++i) {
        INFO("point " << i << " at (" << x[i] << ", " << y[i] << ")");
        REQUIRE(static_cast<bool>(got.core[i]) == ref.core[i]);
        if (!ref.core[i]) continue;
        const std::int32_t l = got.labels[i];
        REQUIRE(l >= 0);
        auto [a, new_component] = label_of_component.emplace(ref.component[i], l);
        auto [b, new_label] = component_of_label.emplace(l, ref.component[i]);
        REQUIRE(a->second == l);
        REQUIRE(b->second == ref.component[i]);
        if (new_label) REQUIRE(l == next_new_label++); // numbered by first core point
        REQUIRE(new_component == new_label);
    }
    for (std::size_t i = 0; i < x.size(); ++i) {
        if (ref.core[i]) continue;
        INFO("non-core point " << i << " at (" << x[i] << ", " << y[i] << ")");
        if (ref.reachable[i].empty()) {
            REQUIRE(got.labels[i] == k_noise);
            continue;
        }
        std::int32_t lowest = std::numeric_limits<std::int32_t>::max();
        for (int c : ref.reachable[i]) lowest = std::min(lowest, label_of_component.at(c));
        REQUIRE(got.labels[i] == lowest);
    }
}

} // namespace

TEST_CASE("DBSCAN equals the brute-force definition on integer points with ties at exactly eps", "[analysis][dbscan]") {
    // Integer coordinates and eps 5: 3-4-5 and 0-5 pairs sit at exactly eps, and a small square
    // makes many points coincide. The BNG-sized offset checks that large coordinates keep ties.
    for (unsigned seed = 1; seed <= 40; ++seed) {
        std::mt19937 rng(seed);
        const int side = 10 + static_cast<int>(seed % 4) * 10;
        std::uniform_int_distribution<int> u(0, side);
        const double offset = seed % 2 ? 0.0 : 450000.0;
        std::vector<double> x(200 + seed * 10), y(x.size());
        for (std::size_t i = 0; i < x.size(); ++i) x[i] = offset + u(rng), y[i] = offset + u(rng);
        for (int min_points : {1, 2, 4, 9, 20}) check_against_reference(x, y, 5.0, min_points);
    }
}

TEST_CASE("DBSCAN equals the brute-force definition on dense clumps over a sparse background", "[analysis][dbscan]") {
    // Clumps far denser than eps (whole cells of core points) next to sparse ones and noise.
    for (unsigned seed = 100; seed < 110; ++seed) {
        std::mt19937 rng(seed);
        std::uniform_real_distribution<double> u(0, 600), sd(1, 40);
        std::vector<double> x, y;
        for (int c = 0; c < 6; ++c) {
            std::normal_distribution<double> gx(u(rng), sd(rng)), gy(u(rng), sd(rng));
            const int members = 50 + static_cast<int>(rng() % 300);
            for (int k = 0; k < members; ++k) x.push_back(gx(rng)), y.push_back(gy(rng));
        }
        for (int k = 0; k < 300; ++k) x.push_back(u(rng)), y.push_back(u(rng));
        // Some incidents snapped to one spot, as police.uk does.
        for (int k = 0; k < 40; ++k) x.push_back(x[7]), y.push_back(y[7]);
        for (double eps : {4.0, 15.0, 40.0})
            for (int min_points : {3, 10, 30}) check_against_reference(x, y, eps, min_points);
    }
}

TEST_CASE("DBSCAN chains joined only through pairs at exactly eps", "[analysis][dbscan]") {
    // Steps of (3, 4) are exactly 5 apart; (4, 3) then (3, -4) keeps every other pair farther.
    // With min_points 2 the chain is one cluster; of the three points on a line, the first is
    // 5.5 from the second (noise) and the other two exactly 5 apart (a cluster).
    std::vector<double> x, y;
    double px = 0, py = 0;
    for (int k = 0; k < 12; ++k) {
        x.push_back(px), y.push_back(py);
        px += k % 2 ? 3 : 4;
        py += k % 2 ? -4 : 3;
    }
    x.push_back(100), y.push_back(100);
    x.push_back(105.5), y.push_back(100);
    x.push_back(110.5), y.push_back(100);
    const auto labels = dbscan(x, y, {5, 2});
    for (int k = 0; k < 12; ++k) CHECK(labels[static_cast<std::size_t>(k)] == 0);
    CHECK(labels[12] == k_noise);
    CHECK(labels[13] == 1);
    CHECK(labels[14] == 1);
    check_against_reference(x, y, 5, 2);
    check_against_reference(x, y, 5, 3);
}

TEST_CASE("DBSCAN refuses inputs it cannot grid, naming the stage", "[analysis][dbscan]") {
    REQUIRE_THROWS_WITH(dbscan({0, 1}, {0, 1}, {1, 0}), "dbscan: min_points must be >= 1 (got 0)");
    REQUIRE_THROWS_AS(dbscan({0, 1e7}, {0, 0}, {1e-6, 2}), ConfigError);
    REQUIRE_THROWS_AS(dbscan({0, std::nan("")}, {0, 0}, {1, 2}), Error);
    REQUIRE_THROWS_AS(dbscan({0, 1}, {0}, {1, 2}), Error);
}
