// SPDX-License-Identifier: MIT
#include "analysis/mclp_greedy.hpp"

#include <algorithm>
#include <cassert>
#include <functional>

namespace safermap::analysis {

namespace {

struct Entry {
    double key = 0;       // gain, or gain / cost with a budget; an upper bound unless fresh
    double gain = 0;
    std::size_t option = 0;
    std::size_t stamp = 0; // number of picks when the gain was computed
};

// Heap order: largest key on top, then lowest option index.
bool below(const Entry& a, const Entry& b) {
    return a.key < b.key || (a.key == b.key && a.option > b.option);
}

double gain_of(const ReducedDemand& demand, const std::vector<std::uint8_t>& covered, std::size_t option) {
    double g = 0;
    for (std::uint32_t r : demand.covered(option))
        if (!covered[r]) g += demand.weight[r];
    return g;
}

struct Picks {
    std::vector<std::size_t> options;
    double covered = 0;
};

Picks lazy_greedy(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options,
                  const std::vector<std::size_t>& usable) {
    const bool budget = options.budget.has_value();
    auto cost = [&](std::size_t o) { return budget ? options.cost[coverage.option_site[o]] : 1.0; };
    std::vector<std::uint8_t> covered(demand.weight.size(), 0), site_taken(coverage.candidates, 0);
    std::vector<Entry> heap;
    heap.reserve(usable.size());
    for (std::size_t o : usable) {
        const double g = gain_of(demand, covered, o);
        heap.push_back({budget ? g / cost(o) : g, g, o, 0});
    }
    std::make_heap(heap.begin(), heap.end(), below);
    Picks picks;
    double spent = 0;
    while (!heap.empty()) {
        if (!budget && picks.options.size() >= static_cast<std::size_t>(options.max_sites)) break;
        std::pop_heap(heap.begin(), heap.end(), below);
        Entry e = heap.back();
        heap.pop_back();
        // Sites only get taken and the budget only shrinks: what is out now stays out.
        if (site_taken[coverage.option_site[e.option]]) continue;
        if (budget && !(spent + cost(e.option) <= *options.budget)) continue;
        if (e.stamp != picks.options.size()) {
            e.gain = gain_of(demand, covered, e.option);
            e.key = budget ? e.gain / cost(e.option) : e.gain;
            e.stamp = picks.options.size();
            heap.push_back(e);
            std::push_heap(heap.begin(), heap.end(), below);
            continue;
        }
        // Fresh and on top. Every other key is stale or fresh, and a stale key bounds its fresh
        // value from above (coverage is submodular, and a float sum of non-negative terms only
        // falls when terms are dropped), so none can beat this one, nor tie it with a lower index.
        if (!(e.gain > 0)) break; // nothing left adds demand
        for (std::uint32_t r : demand.covered(e.option)) covered[r] = 1;
        site_taken[coverage.option_site[e.option]] = 1;
        spent += budget ? cost(e.option) : 0.0;
        picks.options.push_back(e.option);
        picks.covered += e.gain;
    }
    return picks;
}

} // namespace

double mclp_upper_bound(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options,
                        const std::vector<std::size_t>& chosen) {
    std::vector<std::uint8_t> covered(demand.weight.size(), 0);
    for (std::size_t o : chosen)
        for (std::uint32_t r : demand.covered(o)) covered[r] = 1;
    double base = 0;
    for (std::size_t r = 0; r < covered.size(); ++r)
        if (covered[r]) base += demand.weight[r];
    // An optimal set uses one option per site, and a site's options share its cost, so each
    // site's largest marginal gain stands for all of its options.
    std::vector<double> site_gain(coverage.candidates, 0);
    for (std::size_t o : usable_options(coverage, demand, options)) {
        double& g = site_gain[coverage.option_site[o]];
        g = std::max(g, gain_of(demand, covered, o));
    }
    double extra = 0;
    if (!options.budget) {
        const std::size_t k = std::min(site_gain.size(), static_cast<std::size_t>(options.max_sites));
        std::partial_sort(site_gain.begin(), site_gain.begin() + static_cast<std::ptrdiff_t>(k), site_gain.end(),
                          std::greater<>());
        for (std::size_t i = 0; i < k; ++i) extra += site_gain[i];
    } else {
        std::vector<std::size_t> sites;
        for (std::size_t j = 0; j < site_gain.size(); ++j)
            if (site_gain[j] > 0) sites.push_back(j);
        std::sort(sites.begin(), sites.end(), [&](std::size_t a, std::size_t b) {
            return site_gain[a] / options.cost[a] > site_gain[b] / options.cost[b];
        });
        double room = *options.budget;
        for (std::size_t j : sites) {
            if (room <= 0) break;
            const double take = std::min(1.0, room / options.cost[j]);
            extra += take * site_gain[j];
            room -= take * options.cost[j];
        }
    }
    return std::min(base + extra, demand.coverable);
}

MclpResult mclp_greedy(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options) {
    assert(demand.options() == coverage.options()); // `demand` comes from reduce_demand(coverage, ...)
    options.validate(coverage.candidates);
    MclpResult result;
    result.solver = MclpSolver::greedy;
    result.total_demand = demand.total;
    result.covered_by_existing = demand.covered_by_existing;
    result.rows = demand.weight.size();
    const std::vector<std::size_t> usable = usable_options(coverage, demand, options);
    result.columns = usable.size();
    Picks picks = lazy_greedy(coverage, demand, options, usable);
    if (options.budget) {
        // Khuller, Moss & Naor 1999: also consider the best affordable site on its own.
        std::vector<std::uint8_t> none(demand.weight.size(), 0);
        std::size_t best = 0;
        double best_gain = 0;
        for (std::size_t o : usable) {
            const double g = gain_of(demand, none, o);
            if (g > best_gain) best_gain = g, best = o;
        }
        if (best_gain > picks.covered) {
            picks.options = {best};
            picks.covered = best_gain;
            result.single_site_fallback = true;
        }
    }
    result.sites = rank_in_order(coverage, demand, options, picks.options);
    for (const ChosenSite& s : result.sites) result.spent += s.cost;
    result.objective = result.sites.empty() ? 0.0 : result.sites.back().cumulative;
    result.upper_bound = std::min(mclp_upper_bound(coverage, demand, options, {}),
                                  mclp_upper_bound(coverage, demand, options, picks.options));
    result.upper_bound = std::max(result.upper_bound, result.objective);
    // Summing the same rows in another order can differ in the last bits.
    result.optimal = result.objective >= result.upper_bound * (1 - 1e-12);
    result.solver_reason = result.single_site_fallback
                               ? "greedy (best single affordable site beat the gain/cost greedy)"
                               : (result.optimal ? "greedy (proven optimal by its upper bound)" : "greedy");
    return result;
}

} // namespace safermap::analysis
