// SPDX-License-Identifier: MIT
#include "analysis/knox.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <limits>
#include <map>
#include <random>
#include <string>

using namespace safermap;
using namespace safermap::analysis;

namespace {

using Table = std::vector<std::uint64_t>;

// The O(n^2) reading of the definition, sharing nothing with knox.cpp: every pair i < j, its
// Euclidean distance and |dt| placed in the first band whose edge they do not exceed.
Table brute_force_table(const std::vector<double>& x, const std::vector<double>& y, const std::vector<std::int64_t>& t,
                        const std::vector<double>& space_edges, const std::vector<int>& time_edges) {
    const std::size_t tb = time_edges.size() + 1;
    Table table((space_edges.size() + 1) * tb, 0);
    for (std::size_t i = 0; i < x.size(); ++i)
        for (std::size_t j = i + 1; j < x.size(); ++j) {
            const double d = std::sqrt((x[i] - x[j]) * (x[i] - x[j]) + (y[i] - y[j]) * (y[i] - y[j]));
            const std::int64_t dt = t[i] > t[j] ? t[i] - t[j] : t[j] - t[i];
            std::size_t s = 0, c = 0;
            while (s < space_edges.size() && d > space_edges[s]) ++s;
            while (c < time_edges.size() && dt > time_edges[c]) ++c;
            ++table[s * tb + c];
        }
    return table;
}

Table permuted_table(const KnoxResult& r, std::size_t permutation) {
    const auto begin = r.permuted.begin() + static_cast<std::ptrdiff_t>(permutation * r.cells());
    return Table(begin, begin + static_cast<std::ptrdiff_t>(r.cells()));
}

// Runs knox() with kept tables, then replays the same shuffles through brute_force_table() and
// requires observed, every permuted table, expected, ratio and p to match exactly.
void check_against_brute_force(const std::vector<double>& x, const std::vector<double>& y, const std::vector<std::int64_t>& t,
                               KnoxOptions o) {
    o.keep_permuted_counts = true;
    const KnoxResult r = knox(x, y, t, o);
    const auto perms = static_cast<std::size_t>(o.permutations);
    REQUIRE(r.observed == brute_force_table(x, y, t, o.space_edges_m, o.time_edges));
    REQUIRE(r.permuted.size() == perms * r.cells());
    std::mt19937_64 rng(o.seed);
    std::vector<std::int64_t> shuffled = t;
    Table sum(r.cells(), 0), at_least(r.cells(), 0);
    for (std::size_t p = 0; p < perms; ++p) {
        knox_shuffle(shuffled, rng);
        const Table reference = brute_force_table(x, y, shuffled, o.space_edges_m, o.time_edges);
        REQUIRE(permuted_table(r, p) == reference);
        for (std::size_t c = 0; c < r.cells(); ++c) {
            sum[c] += reference[c];
            at_least[c] += reference[c] >= r.observed[c] ? 1 : 0;
        }
    }
    const double pd = static_cast<double>(perms);
    for (std::size_t c = 0; c < r.cells(); ++c) {
        const double expected = static_cast<double>(sum[c]) / pd;
        CHECK(r.expected[c] == expected);
        if (expected > 0) CHECK(r.ratio[c] == static_cast<double>(r.observed[c]) / expected);
        else CHECK(std::isnan(r.ratio[c]));
        CHECK(r.p[c] == (1.0 + static_cast<double>(at_least[c])) / (pd + 1.0));
    }
}

void require_config_error(const std::vector<double>& x, const std::vector<double>& y, const std::vector<std::int64_t>& t,
                          const KnoxOptions& o) {
    try {
        knox(x, y, t, o);
        FAIL("no ConfigError");
    } catch (const ConfigError& e) {
        CHECK(std::string(e.what()).rfind("knox: ", 0) == 0);
    }
}

} // namespace

TEST_CASE("Knox table on five incidents worked by hand", "[knox]") {
    // Space edges 100, 200 m; time edges 7, 14 days. Bands s0 [0,100] s1 (100,200] s2 beyond;
    // t0 [0,7] t1 (7,14] t2 beyond.
    //   A (0,0) t0   B (100,0) t7   C (0,200) t20   D (300,400) t8   E (60,80) t22
    //   pair  distance                 band  |dt|  band
    //   AB    100 (exactly E1)          s0     7   t0  (exactly E1)
    //   AC    200 (exactly E2)          s1    20   t2
    //   AD    500                       s2     8   t1
    //   AE    100 (60-80-100)           s0    22   t2
    //   BC    sqrt(50000)  = 223.6      s2    13   t1
    //   BD    sqrt(200000) = 447.2      s2     1   t0
    //   BE    sqrt(8000)   =  89.4      s0    15   t2
    //   CD    sqrt(130000) = 360.6      s2    12   t1
    //   CE    sqrt(18000)  = 134.2      s1     2   t0
    //   DE    400 (240-320-400)         s2    14   t1  (exactly E2)
    //   s0: AB | - | AE BE  -> 1 0 2
    //   s1: CE | - | AC     -> 1 0 1
    //   s2: BD | AD BC CD DE | -  -> 1 4 0
    std::vector<double> x{0, 100, 0, 300, 60}, y{0, 0, 200, 400, 80};
    std::vector<std::int64_t> t{0, 7, 20, 8, 22};
    KnoxOptions o{.space_edges_m = {100, 200}, .time_edges = {7, 14}, .permutations = 0};
    KnoxResult r = knox(x, y, t, o);
    CHECK(r.total_pairs == 10);
    REQUIRE(r.space_bands() == 3);
    REQUIRE(r.time_bands() == 3);
    CHECK(r.observed == Table{1, 0, 2, 1, 0, 1, 1, 4, 0});
    CHECK(r.observed[r.cell(2, 1)] == 4);
    // permutations = 0: observed only.
    CHECK(r.expected.empty());
    CHECK(r.ratio.empty());
    CHECK(r.p.empty());
    CHECK(r.time_unit == TimeUnit::day);
    CHECK(r.observed == brute_force_table(x, y, t, o.space_edges_m, o.time_edges));
}

TEST_CASE("Knox edges are inclusive at the top and the last bands are open-ended", "[knox]") {
    // Space edges 100, 200 m; time edges 7, 14 days. Against the origin (t 0):
    //   (100, 0)      t 7   -> d 100 = E1, dt 7 = E1: s0 t0
    //   (0, 100.001)  t 8   -> just past E1: s1; dt 8: t1. With (100, 0): 141 m, dt 1: s1 t0
    //   (10000, 0)    t 500 -> s2 (beyond 200 m) and t2 (beyond 14 days) with all three
    std::vector<double> x{0, 100, 0, 10000}, y{0, 0, 100.001, 0};
    std::vector<std::int64_t> t{0, 7, 8, 500};
    KnoxResult r = knox(x, y, t, {.space_edges_m = {100, 200}, .time_edges = {7, 14}, .permutations = 0});
    CHECK(r.observed[r.cell(0, 0)] == 1);
    CHECK(r.observed[r.cell(1, 1)] == 1);
    CHECK(r.observed[r.cell(1, 0)] == 1);
    CHECK(r.observed[r.cell(2, 2)] == 3);
    CHECK(r.total_pairs == 6);
}

TEST_CASE("Knox observed and every permuted table match a brute-force reference", "[knox]") {
    // 300 incidents: 200 on a 10 m lattice (so distances of exactly 100, 200, ... m occur) and 100
    // stacked on 40 shared positions (police.uk snap points); integer days over three months, so
    // time distances of exactly 7, 14, ... days and equal days occur too.
    std::mt19937_64 gen(2024);
    std::uniform_int_distribution<int> lattice(0, 150), day(0, 90), snap(0, 39);
    std::vector<double> x, y, sx, sy;
    std::vector<std::int64_t> t;
    for (int k = 0; k < 40; ++k) {
        sx.push_back(10.0 * lattice(gen));
        sy.push_back(10.0 * lattice(gen));
    }
    for (int k = 0; k < 300; ++k) {
        if (k % 3 == 0) {
            const int s = snap(gen);
            x.push_back(sx[static_cast<std::size_t>(s)]);
            y.push_back(sy[static_cast<std::size_t>(s)]);
        } else {
            x.push_back(10.0 * lattice(gen));
            y.push_back(10.0 * lattice(gen));
        }
        t.push_back(day(gen));
    }
    const KnoxOptions o{.space_edges_m = {100, 200, 300, 400}, .time_edges = {7, 14, 21, 28}, .permutations = 99, .seed = 77};
    const KnoxResult r = knox(x, y, t, o);
    REQUIRE(r.cells() == 25);
    CHECK(r.total_pairs == 300u * 299u / 2);
    // Every band, the beyond ones included, is populated.
    for (std::size_t s = 0; s < r.space_bands(); ++s) CHECK(r.observed[r.cell(s, 0)] > 0);
    for (std::size_t c = 0; c < r.time_bands(); ++c) CHECK(r.observed[r.cell(4, c)] > 0);
    check_against_brute_force(x, y, t, o);
    // Seeded: the same options give the same result; another seed other permutations.
    const KnoxResult again = knox(x, y, t, o);
    CHECK(again.expected == r.expected);
    CHECK(again.p == r.p);
    KnoxOptions other = o;
    other.seed = 78;
    CHECK(knox(x, y, t, other).expected != r.expected);

    SECTION("times spanning more than 32 bits take the 64-bit path and agree too") {
        // Half the times moved by +-3e18 (units are arbitrary here): every such pair is beyond
        // in time, and |dt| up to 6e18 must not overflow. An edge over 65536 days also takes the
        // band search instead of the lookup table.
        std::vector<std::int64_t> far = t;
        for (std::size_t i = 0; i < far.size(); i += 2) far[i] += (i % 4 == 0 ? 3 : -3) * 1'000'000'000'000'000'000LL;
        check_against_brute_force(x, y, far, {.space_edges_m = {100, 250}, .time_edges = {3, 30, 100000}, .permutations = 20, .seed = 5});
    }
}

TEST_CASE("knox_shuffle draws every ordering about equally often", "[knox]") {
    // 6000 shuffles of 3 values (each chained on the last, as knox() does): each of the 3! = 6
    // orderings about 1000 times (binomial sd 29; 150 is over 5 sd).
    std::mt19937_64 rng(1);
    std::vector<int> v{0, 1, 2};
    std::map<std::vector<int>, int> seen;
    for (int k = 0; k < 6000; ++k) {
        knox_shuffle(v, rng);
        ++seen[v];
    }
    REQUIRE(seen.size() == 6);
    for (const auto& [order, count] : seen) CHECK(std::abs(count - 1000) < 150);
}

TEST_CASE("Knox shortcut: time-band totals over all pairs do not change under permutation", "[knox]") {
    // Times 0 0 3 10 (days), time edge 7: differences 0 3 10 3 10 7 -> [0,7]: 4 pairs, beyond: 2.
    // Shuffling times among points keeps the multiset of differences, so every table's column
    // sums are 4 and 2, whatever the positions; knox() derives the beyond-space row from that.
    std::vector<double> x{0, 50, 500, 520}, y{0, 0, 0, 0};
    std::vector<std::int64_t> t{0, 0, 3, 10};
    const KnoxResult r = knox(x, y, t, {.space_edges_m = {100}, .time_edges = {7}, .permutations = 50, .keep_permuted_counts = true});
    auto column = [&](const Table& table, std::size_t c) { return table[r.cell(0, c)] + table[r.cell(1, c)]; };
    CHECK(column(r.observed, 0) == 4);
    CHECK(column(r.observed, 1) == 2);
    for (std::size_t p = 0; p < 50; ++p) {
        const Table table = permuted_table(r, p);
        CHECK(column(table, 0) == 4);
        CHECK(column(table, 1) == 2);
    }
}

TEST_CASE("Knox p-values and expected counts on cases that can be reasoned about", "[knox]") {
    SECTION("all times equal: every permutation is the observed table") {
        std::vector<double> x{0, 50, 500, 520, 2000}, y{0, 0, 0, 0, 0};
        std::vector<std::int64_t> t(5, 42);
        const KnoxResult r = knox(x, y, t, {.space_edges_m = {100}, .time_edges = {7}, .permutations = 19});
        // Close pairs (0,1), (2,3); the 8 others beyond. All |dt| = 0.
        CHECK(r.observed == Table{2, 0, 8, 0});
        for (std::size_t c = 0; c < r.cells(); ++c) {
            CHECK(r.expected[c] == static_cast<double>(r.observed[c]));
            CHECK(r.p[c] == 1.0); // (1 + 19) / (19 + 1)
        }
        CHECK(r.ratio[r.cell(0, 0)] == 1.0);
        CHECK(std::isnan(r.ratio[r.cell(0, 1)])); // expected 0: NaN, documented
    }
    SECTION("ten co-located same-day pairs far apart: no permutation matches, p = 1 / (P + 1)") {
        // Pair k sits at (10 km k, 0) with both incidents on day 100 k. Observed: 10 close pairs,
        // all same-day. A permutation keeps all 10 only if it re-pairs every equal time, with
        // probability 2^10 10! / 20! (about 1.5e-9): none of the 99 does.
        std::vector<double> x, y;
        std::vector<std::int64_t> t;
        for (int k = 0; k < 10; ++k)
            for (int m = 0; m < 2; ++m) {
                x.push_back(10000.0 * k);
                y.push_back(0);
                t.push_back(100 * k);
            }
        const KnoxResult r = knox(x, y, t, {.space_edges_m = {100}, .time_edges = {7}, .permutations = 99});
        CHECK(r.observed[r.cell(0, 0)] == 10);
        CHECK(r.p[r.cell(0, 0)] == Approx(1.0 / 100));
        CHECK(r.ratio[r.cell(0, 0)] > 5);
        CHECK(r.p[r.cell(0, 1)] == 1.0); // observed 0: every permutation is >= it
    }
    SECTION("two co-located pairs and two times: the close same-time count is 2 with probability 1/3") {
        // Points 0, 1 at the origin, 2, 3 at 10 km; times 0 0 100 100. Of the 4! / (2! 2!) = 6
        // ways to place the times, 2 give each close pair equal times (count 2) and 4 split both
        // (count 0). So expected = 2 k / P and p = (1 + k) / (P + 1), k the permutations with 2.
        std::vector<double> x{0, 0, 10000, 10000}, y{0, 0, 0, 0};
        std::vector<std::int64_t> t{0, 0, 100, 100};
        const KnoxResult r = knox(x, y, t, {.space_edges_m = {100}, .time_edges = {7}, .permutations = 999, .keep_permuted_counts = true});
        CHECK(r.observed == Table{2, 0, 0, 4});
        std::uint64_t k = 0;
        for (std::size_t p = 0; p < 999; ++p) {
            const Table table = permuted_table(r, p);
            CHECK((table[r.cell(0, 0)] == 0 || table[r.cell(0, 0)] == 2));
            CHECK(table[r.cell(1, 0)] == 2 - table[r.cell(0, 0)]); // the cross pairs take the rest
            k += table[r.cell(0, 0)] == 2 ? 1 : 0;
        }
        CHECK(static_cast<double>(k) / 999 == Approx(1.0 / 3).margin(0.05));
        CHECK(r.expected[r.cell(0, 0)] == Approx(2.0 * static_cast<double>(k) / 999));
        CHECK(r.p[r.cell(0, 0)] == Approx((1.0 + static_cast<double>(k)) / 1000));
        CHECK(r.ratio[r.cell(0, 0)] == Approx(2.0 / r.expected[r.cell(0, 0)]));
    }
}

TEST_CASE("Knox with no pairs, and the time unit carried through", "[knox]") {
    const KnoxOptions o{.space_edges_m = {100}, .time_edges = {1, 2}, .time_unit = TimeUnit::month, .permutations = 9};
    for (std::size_t n : {0u, 1u}) {
        std::vector<double> x(n, 5.0), y(n, 5.0);
        std::vector<std::int64_t> t(n, 3);
        const KnoxResult r = knox(x, y, t, o);
        CHECK(r.total_pairs == 0);
        CHECK(r.observed == Table(6, 0));
        CHECK(r.expected == std::vector<double>(6, 0.0));
        CHECK(r.p == std::vector<double>(6, 1.0));
        for (double ratio : r.ratio) CHECK(std::isnan(ratio));
        CHECK(r.time_unit == TimeUnit::month);
        CHECK(to_string(r.time_unit) == "month");
    }
    // Months: 2 apart is (1, 2] -> band 1.
    const KnoxResult r = knox({0, 10}, {0, 0}, {24300, 24302}, o);
    CHECK(r.observed[r.cell(0, 1)] == 1);
}

TEST_CASE("Knox rejects bad edges and inputs with ConfigError", "[knox]") {
    const std::vector<double> x{0, 1}, y{0, 1};
    const std::vector<std::int64_t> t{0, 1};
    const double inf = std::numeric_limits<double>::infinity();
    require_config_error(x, y, t, {.space_edges_m = {}});
    require_config_error(x, y, t, {.time_edges = {}});
    require_config_error(x, y, t, {.space_edges_m = {0, 100}});
    require_config_error(x, y, t, {.space_edges_m = {-50, 100}});
    require_config_error(x, y, t, {.space_edges_m = {100, 100}});
    require_config_error(x, y, t, {.space_edges_m = {200, 100}});
    require_config_error(x, y, t, {.space_edges_m = {100, inf}});
    require_config_error(x, y, t, {.space_edges_m = {std::nan("")}});
    require_config_error(x, y, t, {.time_edges = {0, 7}});
    require_config_error(x, y, t, {.time_edges = {7, 7}});
    require_config_error(x, y, t, {.time_edges = {14, 7}});
    require_config_error(x, y, t, {.permutations = -1});
    require_config_error(x, {0}, t, {});
    require_config_error(x, y, {0}, {});
    require_config_error({0, std::nan("")}, y, t, {});
    REQUIRE_THROWS_WITH(knox(x, y, t, {.space_edges_m = {200, 100}}),
                        "knox: space_edges_m must be strictly increasing (got 100 after 200)");
}
