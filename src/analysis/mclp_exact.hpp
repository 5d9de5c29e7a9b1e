// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/mclp.hpp"

namespace safermap::analysis {

// Exact MCLP: Church & ReVelle's (1974) integer programme on the reduced demand, over the
// usable options only, solved with GLPK:
//   maximise    sum_r w_r y_r
//   subject to  y_r <= sum_{o covers r} x_o         each demand row r
//               sum_o x_o <= K                      or  sum_o cost(site(o)) x_o <= B
//               sum_{o at site s} x_o <= 1          each site with several headings (fixed cameras)
//               x_o in {0, 1},  0 <= y_r <= 1
// y_r need not be integer: for integer x the best y_r is 0 or 1. "<= K" rather than "= K":
// with non-negative weights an extra site never lowers coverage, and K may exceed the sites
// that help. A row that only one usable option covers gets no y: its weight goes on that
// option's objective coefficient instead (y_r = x_o at any optimum).
// GLPK runs the LP relaxation (glp_simplex; its value is a valid upper bound) and then branch
// and bound (glp_intopt, no presolve), seeded with the greedy solution (mclp_greedy) as its
// first incumbent through the GLP_IHEUR callback. GLPK's terminal output is off for the call
// (glp_term_out, restored after). time_limit_s covers the whole call (greedy, LP and branch and bound). If it expires, or GLPK
// fails, the best incumbent is returned, never worse than the greedy, with optimal = false,
// solver_reason saying what happened, and upper_bound the smallest of: the LP relaxation, the
// greedy's bound, and the best bound of the open branch-and-bound nodes (max of the incumbent
// and glp_ios_node_bound(glp_ios_best_node), read in the callback); never below the objective.
// When GLPK proves optimality, upper_bound = objective (GLPK's mip_gap is 0; its integrality
// tolerance is 1e-5).
// Sites are ranked by greedy marginal gain within the chosen set (rank_by_marginal_gain), so
// rank 1 is the chosen site covering most. Throws ConfigError from options.validate().
MclpResult mclp_exact(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options);

} // namespace safermap::analysis
