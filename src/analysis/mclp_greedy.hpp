// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/mclp.hpp"

#include <cstddef>
#include <vector>

namespace safermap::analysis {

// Greedy MCLP with lazy evaluation: Minoux's accelerated greedy (Minoux 1978, "Accelerated
// greedy algorithms for maximizing submodular set functions"), known as CELF (Leskovec et al.
// 2007, "Cost-effective outbreak detection in networks"). Coverage is submodular, so a gain
// computed earlier bounds today's from above; a max-heap of such bounds, re-evaluating only
// the top until the top is fresh, makes the same choice as recomputing every gain each step.
// It is a true greedy: each step takes the usable option with the largest gain (ties: lowest
// option index, i.e. lowest candidate, then lowest heading), skipping options at sites
// already chosen (one heading per site), and it stops early when nothing adds demand.
//  - With max_sites K: up to K steps by gain; covers at least (1 - 1/e) of the optimum
//    (Nemhauser, Wolsey & Fisher 1978).
//  - With a budget: each step takes the affordable option (spent + cost <= B) with the largest
//    gain / cost, skipping unaffordable ones and going on until none fits. Then, as Khuller,
//    Moss & Naor 1999 ("The budgeted maximum coverage problem", IPL 70) fix the ratio rule's
//    unbounded worst case, the best single affordable site (largest gain alone, ties lowest
//    index) replaces the greedy choice when it covers strictly more; single_site_fallback
//    says so. KMN prove (1 - 1/sqrt(e)) ~ 0.39 for this pair; their (1 - 1/e) algorithm,
//    which enumerates all sets of three sites first, is not run.
// Sites are ranked in pick order. upper_bound (the data-dependent bound of Nemhauser, Wolsey &
// Fisher 1978, used by Leskovec et al. 2007): for any set S, OPT <= f(S) + the best sum of
// marginal gains Delta(o | S) over a feasible set of options; relaxed to the K largest
// per-site gains (with a budget: a fractional knapsack of per-site gains by gain / cost),
// evaluated at S = {} (the sum of the K largest single-site gains) and at the greedy
// solution, the smaller kept, and never above ReducedDemand::coverable. `optimal` is set when
// the objective reaches that bound (to 1e-12 relative). Sums are in floating point: with
// non-integer weights, gains that are equal in exact arithmetic may tie-break differently.
// Throws ConfigError from options.validate(). No usable options: no sites, objective 0.
MclpResult mclp_greedy(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options);

// The data-dependent upper bound above for one set of options `chosen` (any feasible set).
double mclp_upper_bound(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options,
                        const std::vector<std::size_t>& chosen);

} // namespace safermap::analysis
