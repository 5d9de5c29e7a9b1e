// SPDX-License-Identifier: MIT
#include "analysis/mclp.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <unordered_map>

namespace safermap::analysis {

namespace {

std::uint64_t hash_list(std::span<const std::uint32_t> list) {
    std::uint64_t h = 0x9e3779b97f4a7c15ULL ^ list.size();
    for (std::uint32_t v : list) {
        h ^= v + 0x9e3779b97f4a7c15ULL + (h << 6) + (h >> 2);
        h *= 0xbf58476d1ce4e5b9ULL;
    }
    return h ^ (h >> 31);
}

double site_cost(const SiteCoverage& coverage, const MclpOptions& options, std::size_t option) {
    return options.budget ? options.cost[coverage.option_site[option]] : 0.0;
}

double gain_of(const ReducedDemand& demand, const std::vector<std::uint8_t>& covered, std::size_t option) {
    double g = 0;
    for (std::uint32_t r : demand.covered(option))
        if (!covered[r]) g += demand.weight[r];
    return g;
}

} // namespace

void MclpOptions::validate(std::size_t candidates) const {
    if (max_sites < 0) throw ConfigError(fmt::format("siting: max_sites must be >= 0 (got {})", max_sites));
    if (max_sites > 0 && budget) throw ConfigError("siting: set max_sites or budget, not both");
    if (max_sites == 0 && !budget) throw ConfigError("siting: set max_sites (K sites) or budget (with costs)");
    if (budget) {
        if (!(*budget > 0) || !std::isfinite(*budget))
            throw ConfigError(fmt::format("siting: budget must be > 0 (got {})", *budget));
        if (cost.size() != candidates)
            throw ConfigError(fmt::format("siting: a budget needs one cost per candidate ({} costs, {} candidates)",
                                          cost.size(), candidates));
        for (std::size_t j = 0; j < cost.size(); ++j)
            if (!(cost[j] > 0) || !std::isfinite(cost[j]))
                throw ConfigError(fmt::format("siting: cost of candidate {} must be > 0 (got {})", j, cost[j]));
    }
    if (!(time_limit_s > 0)) throw ConfigError(fmt::format("siting: time_limit_s must be > 0 (got {})", time_limit_s));
}

ReducedDemand reduce_demand(const SiteCoverage& coverage, const SitingDemand& demand) {
    const std::size_t n = coverage.demand_points;
    if (demand.weight.size() != n)
        throw ConfigError(fmt::format("siting: {} demand weights for {} demand points", demand.weight.size(), n));
    if (!demand.covered_by_existing.empty() && demand.covered_by_existing.size() != n)
        throw ConfigError(fmt::format("siting: {} existing-coverage flags for {} demand points",
                                      demand.covered_by_existing.size(), n));
    ReducedDemand out;
    std::vector<std::uint8_t> eligible(n, 0);
    for (std::size_t i = 0; i < n; ++i) {
        const double w = demand.weight[i];
        if (!(w >= 0) || !std::isfinite(w))
            throw ConfigError(fmt::format("siting: weight of demand point {} must be finite and >= 0 (got {})", i, w));
        out.total += w;
        const bool existing = !demand.covered_by_existing.empty() && demand.covered_by_existing[i];
        if (existing) out.covered_by_existing += w;
        eligible[i] = !existing && w > 0;
    }
    // Transpose to each point's options, ascending because options are visited in order.
    std::vector<std::size_t> pstart(n + 1, 0);
    for (std::size_t o = 0; o < coverage.options(); ++o)
        for (std::uint32_t i : coverage.covered(o))
            if (eligible[i]) ++pstart[i + 1];
    for (std::size_t i = 0; i < n; ++i) pstart[i + 1] += pstart[i];
    std::vector<std::uint32_t> popts(pstart[n]);
    {
        std::vector<std::size_t> fill(pstart.begin(), pstart.end() - 1);
        for (std::size_t o = 0; o < coverage.options(); ++o)
            for (std::uint32_t i : coverage.covered(o))
                if (eligible[i]) popts[fill[i]++] = static_cast<std::uint32_t>(o);
    }
    auto options_of = [&](std::size_t i) { return std::span<const std::uint32_t>(popts.data() + pstart[i], pstart[i + 1] - pstart[i]); };
    // Merge points with equal option sets; rows with equal hashes are chained for the rare collision.
    std::unordered_map<std::uint64_t, std::uint32_t> first_row;
    std::vector<std::uint32_t> next_row, representative;
    constexpr std::uint32_t none = UINT32_MAX;
    for (std::size_t i = 0; i < n; ++i) {
        if (pstart[i + 1] == pstart[i]) continue; // not eligible, or covered by nothing
        const auto list = options_of(i);
        const std::uint64_t h = hash_list(list);
        auto [it, added] = first_row.try_emplace(h, static_cast<std::uint32_t>(out.weight.size()));
        std::uint32_t r = added ? none : it->second;
        std::uint32_t last = none;
        while (r != none) {
            const auto other = options_of(representative[r]);
            if (std::equal(list.begin(), list.end(), other.begin(), other.end())) break;
            last = r;
            r = next_row[r];
        }
        if (r == none) {
            r = static_cast<std::uint32_t>(out.weight.size());
            out.weight.push_back(0);
            representative.push_back(static_cast<std::uint32_t>(i));
            next_row.push_back(none);
            if (last != none) next_row[last] = r;
        }
        out.weight[r] += demand.weight[i];
    }
    out.start.assign(coverage.options() + 1, 0);
    for (std::uint32_t rep : representative)
        for (std::uint32_t o : options_of(rep)) ++out.start[o + 1];
    for (std::size_t o = 0; o < coverage.options(); ++o) out.start[o + 1] += out.start[o];
    out.rows.resize(out.start.back());
    std::vector<std::size_t> fill(out.start.begin(), out.start.end() - 1);
    for (std::size_t r = 0; r < representative.size(); ++r)
        for (std::uint32_t o : options_of(representative[r])) out.rows[fill[o]++] = static_cast<std::uint32_t>(r);
    for (double w : out.weight) out.coverable += w;
    return out;
}

MclpSolver parse_mclp_solver(std::string_view text) {
    if (text == "auto") return MclpSolver::automatic;
    if (text == "greedy") return MclpSolver::greedy;
    if (text == "exact") return MclpSolver::exact;
    throw ConfigError(fmt::format("siting: unknown solver '{}' (expected auto, greedy or exact)", text));
}

const char* to_string(MclpSolver solver) {
    switch (solver) {
    case MclpSolver::automatic: return "auto";
    case MclpSolver::greedy: return "greedy";
    case MclpSolver::exact: return "exact";
    }
    return "?";
}

std::vector<std::size_t> usable_options(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options) {
    std::vector<std::size_t> out;
    for (std::size_t o = 0; o < demand.options(); ++o)
        if (!demand.covered(o).empty() && (!options.budget || site_cost(coverage, options, o) <= *options.budget))
            out.push_back(o);
    return out;
}

std::vector<ChosenSite> rank_in_order(const SiteCoverage& coverage, const ReducedDemand& demand,
                                      const MclpOptions& options, const std::vector<std::size_t>& order) {
    std::vector<ChosenSite> out;
    std::vector<std::uint8_t> covered(demand.weight.size(), 0);
    double cumulative = 0;
    for (std::size_t o : order) {
        const double g = gain_of(demand, covered, o);
        if (!(g > 0)) continue;
        for (std::uint32_t r : demand.covered(o)) covered[r] = 1;
        cumulative += g;
        ChosenSite s;
        s.option = o;
        s.candidate = coverage.option_site[o];
        s.heading_deg = coverage.option_heading_deg[o];
        s.cost = site_cost(coverage, options, o);
        s.marginal = g;
        s.cumulative = cumulative;
        s.cumulative_percent = demand.total > 0 ? 100.0 * cumulative / demand.total : 0.0;
        out.push_back(s);
    }
    return out;
}

std::vector<ChosenSite> rank_by_marginal_gain(const SiteCoverage& coverage, const ReducedDemand& demand,
                                              const MclpOptions& options, std::vector<std::size_t> chosen) {
    std::sort(chosen.begin(), chosen.end());
    std::vector<std::uint8_t> covered(demand.weight.size(), 0);
    std::vector<std::size_t> order;
    // The chosen set is small (K sites): recomputing every gain each step is cheap.
    while (!chosen.empty()) {
        std::size_t best = 0;
        double best_gain = -1;
        for (std::size_t k = 0; k < chosen.size(); ++k) {
            const double g = gain_of(demand, covered, chosen[k]);
            if (g > best_gain) best_gain = g, best = k;
        }
        for (std::uint32_t r : demand.covered(chosen[best])) covered[r] = 1;
        order.push_back(chosen[best]);
        chosen.erase(chosen.begin() + static_cast<std::ptrdiff_t>(best));
    }
    return rank_in_order(coverage, demand, options, order);
}

} // namespace safermap::analysis
