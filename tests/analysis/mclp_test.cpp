// SPDX-License-Identifier: MIT
// The MCLP solvers against references written here: brute force over every feasible choice
// of sites (the exact solver must match it), and a naive greedy that recomputes every gain at
// every step (the lazy greedy must match it pick by pick). Weights and costs are integers, so
// every sum is exact and ties are real ties.
#include "analysis/mclp.hpp"
#include "analysis/mclp_exact.hpp"
#include "analysis/mclp_greedy.hpp"
#include "analysis/mclp_solve.hpp"
#include "analysis/site_coverage.hpp"
#include "core/error.hpp"

#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <random>

using namespace safermap;
using namespace safermap::analysis;

namespace {

// Coverage written out by hand: option o covers lists[o]; sites[o] is its candidate.
SiteCoverage make_coverage(std::size_t points, const std::vector<std::vector<std::uint32_t>>& lists,
                           std::vector<std::uint32_t> sites = {}) {
    SiteCoverage c;
    c.demand_points = points;
    if (sites.empty())
        for (std::uint32_t o = 0; o < lists.size(); ++o) sites.push_back(o);
    for (std::size_t o = 0; o < lists.size(); ++o) {
        c.points.insert(c.points.end(), lists[o].begin(), lists[o].end());
        c.start.push_back(c.points.size());
        c.option_site.push_back(sites[o]);
        c.option_heading_deg.push_back(std::nullopt);
    }
    c.candidates = sites.empty() ? 0 : *std::max_element(sites.begin(), sites.end()) + 1;
    return c;
}

MclpOptions k_sites(int k) {
    MclpOptions o;
    o.max_sites = k;
    return o;
}

MclpOptions budgeted(double budget, std::vector<double> cost) {
    MclpOptions o;
    o.budget = budget;
    o.cost = std::move(cost);
    return o;
}

double value_of(const SiteCoverage& c, const SitingDemand& d, const std::vector<std::size_t>& chosen) {
    std::vector<std::uint8_t> hit(c.demand_points, 0);
    for (std::size_t o : chosen)
        for (std::uint32_t i : c.covered(o)) hit[i] = 1;
    double v = 0;
    for (std::size_t i = 0; i < hit.size(); ++i)
        if (hit[i] && !(d.covered_by_existing.size() && d.covered_by_existing[i])) v += d.weight[i];
    return v;
}

// Every choice of at most one option per site, within K or the budget.
double brute_force(const SiteCoverage& c, const SitingDemand& d, const MclpOptions& opt) {
    std::vector<std::vector<std::size_t>> by_site(c.candidates);
    for (std::size_t o = 0; o < c.options(); ++o) by_site[c.option_site[o]].push_back(o);
    std::vector<std::size_t> chosen;
    double best = 0;
    std::function<void(std::size_t, double)> walk = [&](std::size_t site, double spent) {
        if (site == c.candidates) {
            best = std::max(best, value_of(c, d, chosen));
            return;
        }
        walk(site + 1, spent);
        const double cost = opt.budget ? opt.cost[site] : 1;
        if (opt.budget ? spent + cost > *opt.budget : chosen.size() >= static_cast<std::size_t>(opt.max_sites)) return;
        for (std::size_t o : by_site[site]) {
            chosen.push_back(o);
            walk(site + 1, spent + cost);
            chosen.pop_back();
        }
    };
    walk(0, 0);
    return best;
}

struct Pick {
    std::size_t option;
    double gain;
};

// The textbook greedy, every gain recomputed at every step, on the raw points.
std::vector<Pick> naive_greedy(const SiteCoverage& c, const SitingDemand& d, const MclpOptions& opt) {
    std::vector<std::uint8_t> hit(c.demand_points, 0), taken(c.candidates, 0);
    for (std::size_t i = 0; i < d.covered_by_existing.size(); ++i) hit[i] = d.covered_by_existing[i];
    auto gain = [&](std::size_t o) {
        double g = 0;
        for (std::uint32_t i : c.covered(o))
            if (!hit[i]) g += d.weight[i];
        return g;
    };
    auto cost = [&](std::size_t o) { return opt.budget ? opt.cost[c.option_site[o]] : 1.0; };
    std::vector<Pick> picks;
    double spent = 0, total = 0;
    while (opt.budget || picks.size() < static_cast<std::size_t>(opt.max_sites)) {
        std::optional<std::size_t> best;
        double best_key = -1, best_gain = 0;
        for (std::size_t o = 0; o < c.options(); ++o) {
            if (taken[c.option_site[o]] || (opt.budget && !(spent + cost(o) <= *opt.budget))) continue;
            const double g = gain(o), key = opt.budget ? g / cost(o) : g;
            if (key > best_key) best = o, best_key = key, best_gain = g;
        }
        if (!best || !(best_gain > 0)) break;
        for (std::uint32_t i : c.covered(*best)) hit[i] = 1;
        taken[c.option_site[*best]] = 1;
        spent += cost(*best);
        total += best_gain;
        picks.push_back({*best, best_gain});
    }
    if (opt.budget) { // Khuller, Moss & Naor: the best single affordable site, if it beats that
        std::fill(hit.begin(), hit.end(), 0);
        for (std::size_t i = 0; i < d.covered_by_existing.size(); ++i) hit[i] = d.covered_by_existing[i];
        std::optional<std::size_t> best;
        double best_gain = 0;
        for (std::size_t o = 0; o < c.options(); ++o)
            if (cost(o) <= *opt.budget && gain(o) > best_gain) best = o, best_gain = gain(o);
        if (best && best_gain > total) picks = {{*best, best_gain}};
    }
    return picks;
}

struct Instance {
    SiteCoverage coverage;
    SitingDemand demand;
};

// Random layouts in a 100 m square: incidents partly on shared snap points, integer weights
// 0..3, about one in eight already covered; PTZ or fixed cameras.
Instance random_instance(std::mt19937_64& rng, bool fixed_cameras) {
    std::uniform_real_distribution<double> u(0, 100);
    std::uniform_int_distribution<int> n_sites(fixed_cameras ? 5 : 8, fixed_cameras ? 6 : 12), n_points(30, 60);
    std::uniform_int_distribution<int> weight(0, 3), coin(0, 7);
    std::vector<double> snap_x, snap_y, x, y, cx, cy;
    for (int k = 0; k < 15; ++k) snap_x.push_back(u(rng)), snap_y.push_back(u(rng));
    const int n = n_points(rng);
    for (int i = 0; i < n; ++i) {
        if (coin(rng) < 4) {
            const int k = std::uniform_int_distribution<int>(0, 14)(rng);
            x.push_back(snap_x[k]), y.push_back(snap_y[k]);
        } else {
            x.push_back(u(rng)), y.push_back(u(rng));
        }
    }
    const int m = n_sites(rng);
    for (int j = 0; j < m; ++j) cx.push_back(u(rng)), cy.push_back(u(rng));
    CoverageOptions co;
    co.range_m = std::uniform_real_distribution<double>(20, 40)(rng);
    if (fixed_cameras) co.kind = SiteKind::fixed, co.fov_deg = 120, co.headings = 3;
    Instance inst{point_site_coverage(x, y, cx, cy, co), {}};
    for (int i = 0; i < n; ++i) {
        inst.demand.weight.push_back(weight(rng));
        inst.demand.covered_by_existing.push_back(coin(rng) == 0);
    }
    return inst;
}

void check_ranks(const MclpResult& r, const SiteCoverage& c, const SitingDemand& d, const MclpOptions& opt) {
    std::vector<std::size_t> chosen;
    std::vector<std::uint8_t> site_used(c.candidates, 0);
    double cumulative = 0, spent = 0;
    for (std::size_t k = 0; k < r.sites.size(); ++k) {
        const ChosenSite& s = r.sites[k];
        CHECK(s.candidate == c.option_site[s.option]);
        CHECK(site_used[s.candidate] == 0); // one heading per site
        site_used[s.candidate] = 1;
        CHECK(s.marginal > 0);
        cumulative += s.marginal;
        spent += s.cost;
        CHECK(s.cumulative == cumulative);
        CHECK(s.cumulative_percent == Approx(100 * cumulative / r.total_demand));
        chosen.push_back(s.option);
        CHECK(value_of(c, d, chosen) == cumulative);
    }
    CHECK(r.objective == cumulative);
    CHECK(r.spent == spent);
    if (opt.budget) CHECK(spent <= *opt.budget);
    else CHECK(r.sites.size() <= static_cast<std::size_t>(opt.max_sites));
}

} // namespace

TEST_CASE("demand rows merge points with the same coverage and drop what cannot count", "[siting]") {
    // Points 0-2 share a snap point covered by options {0, 1}; point 3 elsewhere has the same
    // coverage; 4 is covered by {1} only; 5 is already covered; 6 has weight 0; 7 is covered
    // by nothing.
    SiteCoverage c = make_coverage(8, {{0, 1, 2, 3, 5, 6}, {0, 1, 2, 3, 4, 5, 6}, {7}});
    c.points.pop_back(); // option 2 covers nothing after all
    c.start.back() -= 1;
    SitingDemand d{{1, 1, 2, 5, 4, 10, 0, 3}, {0, 0, 0, 0, 0, 1, 0, 0}};
    ReducedDemand r = reduce_demand(c, d);
    CHECK(r.weight == std::vector<double>{9, 4});
    CHECK(std::vector<std::uint32_t>(r.covered(0).begin(), r.covered(0).end()) == std::vector<std::uint32_t>{0});
    CHECK(std::vector<std::uint32_t>(r.covered(1).begin(), r.covered(1).end()) == std::vector<std::uint32_t>{0, 1});
    CHECK(r.covered(2).empty());
    CHECK(r.total == 26);
    CHECK(r.covered_by_existing == 10);
    CHECK(r.coverable == 13);
    REQUIRE_THROWS_WITH(reduce_demand(c, {{1, 1}, {}}), "siting: 2 demand weights for 8 demand points");
    REQUIRE_THROWS_WITH(reduce_demand(c, {{1, 1, 1, 1, 1, 1, -1, 1}, {}}),
                        "siting: weight of demand point 6 must be finite and >= 0 (got -1)");
}

TEST_CASE("greedy is beaten where the exact solver is not, worked by hand", "[siting]") {
    // A covers 0-3 (weight 4); B covers 0, 1, 4, 5; C covers 2, 3, 6, 7 (weight 4 each, all
    // points weight 1). K = 2: greedy takes A (4, tie broken by lowest index), then B or C
    // adds 2: 6. Exact takes B and C: 8. Total demand 8.
    SiteCoverage c = make_coverage(8, {{0, 1, 2, 3}, {0, 1, 4, 5}, {2, 3, 6, 7}});
    SitingDemand d{std::vector<double>(8, 1.0), {}};
    ReducedDemand r = reduce_demand(c, d);
    MclpResult g = mclp_greedy(c, r, k_sites(2));
    REQUIRE(g.sites.size() == 2);
    CHECK(g.sites[0].option == 0);
    CHECK(g.sites[1].option == 1);
    CHECK(g.objective == 6);
    CHECK(g.sites[1].cumulative_percent == Approx(75));
    CHECK_FALSE(g.optimal);
    CHECK(g.upper_bound == 8); // K largest single gains 4 + 4, and coverable = 8
    MclpResult e = mclp_exact(c, r, k_sites(2));
    REQUIRE(e.sites.size() == 2);
    CHECK(e.objective == 8);
    CHECK(e.optimal);
    CHECK(e.upper_bound == 8);
    CHECK(e.sites[0].option == 1); // B and C tie on 4: lowest index first
    CHECK(e.sites[1].option == 2);
    CHECK(e.sites[1].cumulative_percent == Approx(100));
    CHECK(e.solver == MclpSolver::exact);
}

TEST_CASE("with a budget the best single site is kept when it beats the ratio greedy", "[siting]") {
    // A: cost 1, covers 2 (ratio 2). B: cost 10, covers 10 (ratio 1). Budget 10: the ratio
    // greedy takes A, then cannot afford B: 2. The best single affordable site, B, covers 10.
    std::vector<std::vector<std::uint32_t>> lists{{0, 1}, {2, 3, 4, 5, 6, 7, 8, 9, 10, 11}};
    SiteCoverage c = make_coverage(12, lists);
    SitingDemand d{std::vector<double>(12, 1.0), {}};
    ReducedDemand r = reduce_demand(c, d);
    MclpResult g = mclp_greedy(c, r, budgeted(10, {1, 10}));
    REQUIRE(g.sites.size() == 1);
    CHECK(g.sites[0].option == 1);
    CHECK(g.objective == 10);
    CHECK(g.spent == 10);
    CHECK(g.single_site_fallback);
    // Budget 11 affords both: 12, no fallback.
    MclpResult both = mclp_greedy(c, r, budgeted(11, {1, 10}));
    CHECK(both.objective == 12);
    CHECK_FALSE(both.single_site_fallback);
    CHECK(mclp_exact(c, r, budgeted(10, {1, 10})).objective == 10);
}

TEST_CASE("demand existing cameras cover is never a gain, but is reported", "[siting]") {
    // Option 0 covers points 0-3, option 1 covers 3-5. Existing cameras cover 0, 1 and 2, so
    // option 0 adds only point 3 (weight 1) and option 1 adds 3, 4, 5 (3): K = 1 picks 1.
    SiteCoverage c = make_coverage(7, {{0, 1, 2, 3}, {3, 4, 5}});
    SitingDemand d{std::vector<double>(7, 1.0), {1, 1, 1, 0, 0, 0, 0}};
    for (MclpSolver s : {MclpSolver::greedy, MclpSolver::exact}) {
        MclpResult r = solve_mclp(c, d, k_sites(1), s);
        INFO(to_string(s));
        REQUIRE(r.sites.size() == 1);
        CHECK(r.sites[0].option == 1);
        CHECK(r.objective == 3);
        CHECK(r.covered_by_existing == 3);
        CHECK(r.total_demand == 7);
        CHECK(r.sites[0].cumulative_percent == Approx(100.0 * 3 / 7)); // of all demand, existing included
        CHECK(r.solver == s);
    }
    // Computed from existing camera positions rather than given as flags.
    CoverageOptions co;
    co.range_m = 5;
    auto flags = existing_coverage({0, 3, 10}, {0, 4, 0}, {{0, 0, std::nullopt}}, co);
    CHECK(flags == std::vector<std::uint8_t>{1, 1, 0});
}

TEST_CASE("the exact solver equals brute force and the greedy equals a naive greedy, K sites", "[siting]") {
    std::mt19937_64 rng(1974);
    for (int trial = 0; trial < 80; ++trial) {
        const bool fixed_cameras = trial % 4 == 3;
        Instance inst = random_instance(rng, fixed_cameras);
        const int k = 1 + trial % 4;
        MclpOptions opt = k_sites(k);
        INFO("trial " << trial << " K " << k << (fixed_cameras ? " fixed" : " ptz"));
        const double best = brute_force(inst.coverage, inst.demand, opt);
        ReducedDemand r = reduce_demand(inst.coverage, inst.demand);

        MclpResult e = mclp_exact(inst.coverage, r, opt);
        CHECK(e.objective == best);
        CHECK(e.optimal);
        CHECK(e.upper_bound == best);
        check_ranks(e, inst.coverage, inst.demand, opt);
        for (std::size_t s = 1; s < e.sites.size(); ++s) CHECK(e.sites[s].marginal <= e.sites[s - 1].marginal);

        MclpResult g = mclp_greedy(inst.coverage, r, opt);
        std::vector<Pick> ref = naive_greedy(inst.coverage, inst.demand, opt);
        REQUIRE(g.sites.size() == ref.size());
        for (std::size_t s = 0; s < ref.size(); ++s) {
            CHECK(g.sites[s].option == ref[s].option);
            CHECK(g.sites[s].marginal == ref[s].gain);
        }
        check_ranks(g, inst.coverage, inst.demand, opt);
        CHECK(g.objective <= best);
        CHECK(g.upper_bound >= best);
        CHECK(g.optimal == (g.objective == g.upper_bound));
    }
}

TEST_CASE("the exact solver equals brute force and the greedy equals a naive greedy, budgets", "[siting]") {
    std::mt19937_64 rng(1999);
    std::uniform_int_distribution<int> unit_cost(1, 5), budget(3, 10);
    int fallbacks = 0;
    for (int trial = 0; trial < 80; ++trial) {
        const bool fixed_cameras = trial % 4 == 3;
        Instance inst = random_instance(rng, fixed_cameras);
        std::vector<double> cost;
        for (std::size_t j = 0; j < inst.coverage.candidates; ++j) cost.push_back(unit_cost(rng));
        MclpOptions opt = budgeted(budget(rng), cost);
        INFO("trial " << trial << " budget " << *opt.budget << (fixed_cameras ? " fixed" : " ptz"));
        const double best = brute_force(inst.coverage, inst.demand, opt);
        ReducedDemand r = reduce_demand(inst.coverage, inst.demand);

        MclpResult e = mclp_exact(inst.coverage, r, opt);
        CHECK(e.objective == best);
        CHECK(e.optimal);
        check_ranks(e, inst.coverage, inst.demand, opt);

        MclpResult g = mclp_greedy(inst.coverage, r, opt);
        std::vector<Pick> ref = naive_greedy(inst.coverage, inst.demand, opt);
        REQUIRE(g.sites.size() == ref.size());
        for (std::size_t s = 0; s < ref.size(); ++s) {
            CHECK(g.sites[s].option == ref[s].option);
            CHECK(g.sites[s].marginal == ref[s].gain);
        }
        fallbacks += g.single_site_fallback;
        check_ranks(g, inst.coverage, inst.demand, opt);
        CHECK(g.objective <= best);
        CHECK(g.upper_bound >= best);
    }
    CHECK(fallbacks > 0); // this seed takes the Khuller-Moss-Naor fallback 3 times in 80 (libstdc++)
}

TEST_CASE("auto picks exact for small reduced problems and says why", "[siting]") {
    SiteCoverage c = make_coverage(4, {{0, 1}, {2, 3}});
    SitingDemand d{{1, 1, 1, 1}, {}};
    ReducedDemand r = reduce_demand(c, d);
    SolverChoice choice = choose_mclp_solver(c, r, k_sites(1));
    CHECK(choice.solver == MclpSolver::exact);
    CHECK(choice.reason == "auto: exact (2 columns, 2 rows, 2 nonzeros within the limits 2000, 10000, 200000)");
    MclpResult res = solve_mclp(c, d, k_sites(1));
    CHECK(res.solver == MclpSolver::exact);
    CHECK(res.solver_reason.rfind("auto: exact (", 0) == 0);
    CHECK(res.solver_reason.find("; exact (optimal)") != std::string::npos);
    // Past the column limit: greedy.
    std::vector<std::vector<std::uint32_t>> many(k_exact_max_columns + 1);
    for (std::uint32_t o = 0; o < many.size(); ++o) many[o] = {o};
    SiteCoverage big = make_coverage(many.size(), many);
    ReducedDemand rb = reduce_demand(big, {std::vector<double>(many.size(), 1.0), {}});
    SolverChoice bc = choose_mclp_solver(big, rb, k_sites(3));
    CHECK(bc.solver == MclpSolver::greedy);
    CHECK(bc.reason.rfind("auto: greedy (2001 columns", 0) == 0);
    CHECK(parse_mclp_solver("auto") == MclpSolver::automatic);
    REQUIRE_THROWS_WITH(parse_mclp_solver("ilp"), "siting: unknown solver 'ilp' (expected auto, greedy or exact)");
}

TEST_CASE("a time limit keeps the exact solver's answer consistent", "[siting]") {
    // Whatever GLPK manages before the limit, the answer is never worse than the greedy's and
    // its bound is never below its objective nor above the greedy's bound.
    auto check_limited = [](const SiteCoverage& c, const SitingDemand& d, const MclpOptions& opt) {
        ReducedDemand r = reduce_demand(c, d);
        MclpResult g = mclp_greedy(c, r, opt);
        MclpResult e = mclp_exact(c, r, opt);
        INFO(e.solver_reason);
        CHECK(e.objective >= g.objective);
        CHECK(e.upper_bound >= e.objective);
        CHECK(e.upper_bound <= g.upper_bound);
        if (!e.optimal) CHECK(e.solver_reason.find("time limit") != std::string::npos);
        check_ranks(e, c, d, opt);
    };
    // 1 ms: GLPK stops in the LP relaxation of 300 candidates x 4000 points.
    std::mt19937_64 rng(7);
    std::uniform_real_distribution<double> u(0, 2000);
    std::vector<double> x, y, cx, cy;
    for (int i = 0; i < 4000; ++i) x.push_back(u(rng)), y.push_back(u(rng));
    for (int j = 0; j < 300; ++j) cx.push_back(u(rng)), cy.push_back(u(rng));
    CoverageOptions co;
    co.range_m = 150;
    MclpOptions opt = k_sites(12);
    opt.time_limit_s = 0.001;
    check_limited(point_site_coverage(x, y, cx, cy, co), {std::vector<double>(x.size(), 1.0), {}}, opt);
    // 0.2 s: in branch and bound. Max-K vertex cover of a random cubic graph (sites are
    // vertices, demand points are edges, each covered by its two ends) has a weak LP
    // relaxation and many symmetric optima: 120 vertices and K = 60 take GLPK seconds.
    std::vector<int> stubs;
    for (int v = 0; v < 120; ++v) stubs.insert(stubs.end(), 3, v);
    std::shuffle(stubs.begin(), stubs.end(), rng);
    std::vector<std::vector<std::uint32_t>> lists(120);
    for (std::uint32_t e = 0; e < 180; ++e) {
        lists[stubs[2 * e]].push_back(e);
        if (stubs[2 * e + 1] != stubs[2 * e]) lists[stubs[2 * e + 1]].push_back(e);
    }
    MclpOptions graph = k_sites(60);
    graph.time_limit_s = 0.2;
    check_limited(make_coverage(180, lists), {std::vector<double>(180, 1.0), {}}, graph);
}

TEST_CASE("siting options are validated", "[siting]") {
    SiteCoverage c = make_coverage(2, {{0}, {1}});
    SitingDemand d{{1, 1}, {}};
    REQUIRE_THROWS_WITH(solve_mclp(c, d, MclpOptions{}), "siting: set max_sites (K sites) or budget (with costs)");
    MclpOptions both = budgeted(5, {1, 1});
    both.max_sites = 2;
    REQUIRE_THROWS_WITH(solve_mclp(c, d, both), "siting: set max_sites or budget, not both");
    REQUIRE_THROWS_WITH(solve_mclp(c, d, budgeted(5, {1})), "siting: a budget needs one cost per candidate (1 costs, 2 candidates)");
    REQUIRE_THROWS_WITH(solve_mclp(c, d, budgeted(5, {1, 0})), "siting: cost of candidate 1 must be > 0 (got 0)");
    REQUIRE_THROWS_WITH(solve_mclp(c, d, budgeted(-1, {1, 1})), "siting: budget must be > 0 (got -1)");
    MclpOptions slow = k_sites(1);
    slow.time_limit_s = 0;
    REQUIRE_THROWS_WITH(solve_mclp(c, d, slow), "siting: time_limit_s must be > 0 (got 0)");
    // Nothing coverable: no sites, and that is optimal.
    MclpResult none = solve_mclp(c, {{0, 0}, {}}, k_sites(1), MclpSolver::exact);
    CHECK(none.sites.empty());
    CHECK(none.objective == 0);
    CHECK(none.optimal);
}
