// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/mclp.hpp"

#include <cstddef>
#include <string>

namespace safermap::analysis {

// Above any of these sizes of the reduced problem, `auto` runs the greedy rather than GLPK.
// Measured (one core, GLPK 5.0, K = 10 to 50, clustered incidents in a 3 km square): 200
// candidates x 10k incidents (600 rows) solve in 5 ms; 1000 x 10k (4.5k rows, 46k nonzeros)
// in 0.4-0.7 s; 2000 x 10k (7k rows, 136k nonzeros) in 1-3.3 s, nearly all of it in the LP
// relaxation. Beyond that the simplex alone can take tens of seconds and the time limit
// would mostly return the greedy's answer with a weaker proof.
inline constexpr std::size_t k_exact_max_columns = 2000;    // usable options (x variables)
inline constexpr std::size_t k_exact_max_rows = 10000;      // merged demand rows (y variables)
inline constexpr std::size_t k_exact_max_nonzeros = 200000; // row memberships of the usable options

struct SolverChoice {
    MclpSolver solver = MclpSolver::greedy; // greedy or exact, never automatic
    std::string reason;                     // "auto: exact (180 columns, 1893 rows, 20411 nonzeros within the limits 2000, 10000, 200000)"
};

// Which solver `auto` runs for this reduced problem, and why: exact when the usable options,
// the rows and the non-zeros are all within the limits above, greedy otherwise.
SolverChoice choose_mclp_solver(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options);

// Reduces the demand, picks the solver (`automatic`: choose_mclp_solver) and runs it. The
// result's solver and solver_reason say which ran and why (the solver's own note on how it
// ended is appended after "; "). Throws ConfigError as reduce_demand and options.validate().
MclpResult solve_mclp(const SiteCoverage& coverage, const SitingDemand& demand, const MclpOptions& options,
                      MclpSolver solver = MclpSolver::automatic);

} // namespace safermap::analysis
