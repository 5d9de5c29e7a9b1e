// SPDX-License-Identifier: MIT
#include "analysis/mclp_solve.hpp"

#include "analysis/mclp_exact.hpp"
#include "analysis/mclp_greedy.hpp"

#include <fmt/format.h>

namespace safermap::analysis {

SolverChoice choose_mclp_solver(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options) {
    options.validate(coverage.candidates);
    const std::vector<std::size_t> usable = usable_options(coverage, demand, options);
    std::vector<std::uint8_t> in_model(demand.weight.size(), 0);
    std::size_t nonzeros = 0, rows = 0;
    for (std::size_t o : usable) {
        nonzeros += demand.covered(o).size();
        for (std::uint32_t r : demand.covered(o))
            if (!in_model[r]) in_model[r] = 1, ++rows;
    }
    const std::string size = fmt::format("{} columns, {} rows, {} nonzeros", usable.size(), rows, nonzeros);
    if (usable.size() <= k_exact_max_columns && rows <= k_exact_max_rows && nonzeros <= k_exact_max_nonzeros)
        return {MclpSolver::exact, fmt::format("auto: exact ({} within the limits {}, {}, {})", size, k_exact_max_columns,
                                               k_exact_max_rows, k_exact_max_nonzeros)};
    return {MclpSolver::greedy, fmt::format("auto: greedy ({} exceed the exact limits {}, {}, {})", size,
                                            k_exact_max_columns, k_exact_max_rows, k_exact_max_nonzeros)};
}

MclpResult solve_mclp(const SiteCoverage& coverage, const SitingDemand& demand, const MclpOptions& options, MclpSolver solver) {
    options.validate(coverage.candidates);
    const ReducedDemand reduced = reduce_demand(coverage, demand);
    std::string why = fmt::format("requested: {}", to_string(solver));
    if (solver == MclpSolver::automatic) {
        SolverChoice choice = choose_mclp_solver(coverage, reduced, options);
        solver = choice.solver;
        why = std::move(choice.reason);
    }
    MclpResult result = solver == MclpSolver::exact ? mclp_exact(coverage, reduced, options)
                                                    : mclp_greedy(coverage, reduced, options);
    result.solver_reason = why + "; " + result.solver_reason;
    return result;
}

} // namespace safermap::analysis
