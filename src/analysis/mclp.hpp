// SPDX-License-Identifier: MIT
#pragma once
// The maximal covering location problem (MCLP; Church & ReVelle 1974, "The maximal covering
// location problem", Papers of the Regional Science Association 32, 101-118): choose sites
// for cameras or lights so that the weight of demand (incidents) they cover is largest, with
// at most K sites or within a budget. This header holds what the solvers share: the demand,
// the options, the reduced problem and the result. Solvers: mclp_greedy.hpp, mclp_exact.hpp;
// the choice between them: mclp_solve.hpp. Coverage sets: site_coverage.hpp.

#include "analysis/site_coverage.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::analysis {

// Demand to cover, one entry per demand point of the SiteCoverage it goes with.
struct SitingDemand {
    std::vector<double> weight;                    // finite, >= 0: 1 to count incidents, or a harm weight
    std::vector<std::uint8_t> covered_by_existing; // empty, or one flag per point: 1 = already covered (existing_coverage())
};

struct MclpOptions {
    int max_sites = 0;            // K: choose at most K sites...
    std::optional<double> budget; // ...or sites whose costs sum to at most B (> 0). Set exactly one.
    std::vector<double> cost;     // with a budget: the cost of each candidate site (finite, > 0)
    double time_limit_s = 60;     // exact solver: GLPK's limit (LP relaxation and branch and bound), > 0

    // Throws ConfigError ("siting: set max_sites or budget, not both") for neither or both,
    // max_sites < 0, a budget that is not > 0, costs missing or not one per candidate, a cost
    // that is not > 0, or time_limit_s <= 0.
    void validate(std::size_t candidates) const;
};

// The demand as the optimisers see it. Points already covered by existing sites, of zero
// weight, or covered by no option can never add to a new site's gain: they are left out.
// The rest are merged into one row per distinct set of options covering them, weighing the
// sum of its points' weights (Church & ReVelle's demand nodes; police.uk snap points put many
// incidents on one spot, and spots with the same coverage merge too).
struct ReducedDemand {
    std::vector<double> weight;           // weight of each row
    std::vector<std::size_t> start = {0}; // option o covers rows[start[o] .. start[o+1]), ascending
    std::vector<std::uint32_t> rows;
    double total = 0;                     // weight of all demand: existing-covered and uncoverable included
    double covered_by_existing = 0;       // weight of the points flagged covered_by_existing
    double coverable = 0;                 // weight of all rows: the most that new sites can add

    std::size_t options() const { return start.size() - 1; }
    std::span<const std::uint32_t> covered(std::size_t option) const {
        return {rows.data() + start[option], start[option + 1] - start[option]};
    }
};

// Throws ConfigError when the demand does not have one weight (and, if given, one flag) per
// coverage point, or a weight is negative or not finite. Rows are numbered in order of their
// first point; weights are summed in point order.
ReducedDemand reduce_demand(const SiteCoverage& coverage, const SitingDemand& demand);

enum class MclpSolver { automatic, greedy, exact };
// "auto", "greedy" or "exact"; throws ConfigError otherwise.
MclpSolver parse_mclp_solver(std::string_view text);
const char* to_string(MclpSolver solver);

struct ChosenSite {
    std::size_t option = 0;            // index into SiteCoverage's options
    std::uint32_t candidate = 0;       // the candidate site
    std::optional<double> heading_deg; // fixed cameras: where to point it (clockwise from grid north)
    double cost = 0;                   // with a budget; else 0
    double marginal = 0;               // demand it adds to the sites ranked above it
    double cumulative = 0;             // new demand covered by it and the sites above it
    // 100 * cumulative / total demand, where the total includes the demand existing sites
    // already cover and demand no candidate covers; so existing share + this = share covered.
    double cumulative_percent = 0;
};

struct MclpResult {
    MclpSolver solver = MclpSolver::greedy; // the solver that produced `sites`
    std::string solver_reason;              // why that solver (solve_mclp) and how it ended
    std::vector<ChosenSite> sites;          // ranked; sites that would add nothing are left out
    double objective = 0;                   // new demand covered by `sites` (existing cover excluded)
    double upper_bound = 0;                 // no feasible choice of sites covers more new demand
    bool optimal = false;                   // objective proven equal to the best possible
    double total_demand = 0;                // as ReducedDemand::total
    double covered_by_existing = 0;         // as ReducedDemand::covered_by_existing
    double spent = 0;                       // sum of the chosen sites' costs (with a budget)
    bool single_site_fallback = false;      // budget greedy: the best single site beat the ratio greedy
    std::size_t rows = 0;                   // demand rows of the reduced problem
    std::size_t columns = 0;                // usable options (usable_options)
};

// Options that can add anything: they cover at least one row and, with a budget, their
// site's cost is within it. Ascending.
std::vector<std::size_t> usable_options(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options);

// `order`, a feasible choice of options, as ranked sites with their marginal and cumulative
// demand in that order; options that add nothing given those before them are left out.
std::vector<ChosenSite> rank_in_order(const SiteCoverage& coverage, const ReducedDemand& demand,
                                      const MclpOptions& options, const std::vector<std::size_t>& order);

// `chosen` ordered greedily among themselves: first the option covering most, then the one
// adding most to it, and so on (ties: lowest option index), then as rank_in_order. Used to
// give an exact solution meaningful ranks.
std::vector<ChosenSite> rank_by_marginal_gain(const SiteCoverage& coverage, const ReducedDemand& demand,
                                              const MclpOptions& options, std::vector<std::size_t> chosen);

} // namespace safermap::analysis
