// SPDX-License-Identifier: MIT
#include "analysis/mclp_exact.hpp"

#include "analysis/mclp_greedy.hpp"

#include <fmt/format.h>
#include <glpk.h>

#include <algorithm>
#include <cassert>
#include <chrono>
#include <climits>
#include <limits>
#include <memory>

namespace safermap::analysis {

namespace {

struct ProblemDeleter {
    void operator()(glp_prob* p) const { glp_delete_prob(p); }
};

// GLPK prints to the terminal by default; the CLI's stdout is data.
class QuietGlpk {
public:
    QuietGlpk() : m_was(glp_term_out(GLP_OFF)) {}
    ~QuietGlpk() { glp_term_out(m_was); }
    QuietGlpk(const QuietGlpk&) = delete;
    QuietGlpk& operator=(const QuietGlpk&) = delete;

private:
    int m_was;
};

struct Search {
    std::vector<double> seed; // greedy solution, GLPK columns 1..n
    bool seeded = false;
    double bound = std::numeric_limits<double>::infinity();
};

void on_tree_event(glp_tree* tree, void* info) {
    auto& s = *static_cast<Search*>(info);
    if (glp_ios_reason(tree) == GLP_IHEUR && !s.seeded) {
        s.seeded = true;
        glp_ios_heur_sol(tree, s.seed.data());
    }
    // Every open node's bound is its LP bound (or its parent's); with the incumbent, the best
    // of them bounds every solution not yet found. Each such reading is valid, so keep the least.
    const int node = glp_ios_best_node(tree);
    if (node == 0) return;
    double b = glp_ios_node_bound(tree, node);
    glp_prob* p = glp_ios_get_prob(tree);
    const int status = glp_mip_status(p);
    if (status == GLP_FEAS || status == GLP_OPT) b = std::max(b, glp_mip_obj_val(p));
    s.bound = std::min(s.bound, b);
}

int milliseconds_left(std::chrono::steady_clock::time_point deadline) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now()).count();
    return static_cast<int>(std::clamp<long long>(left, 1, INT_MAX));
}

} // namespace

MclpResult mclp_exact(const SiteCoverage& coverage, const ReducedDemand& demand, const MclpOptions& options) {
    assert(demand.options() == coverage.options()); // `demand` comes from reduce_demand(coverage, ...)
    options.validate(coverage.candidates);
    const auto deadline = std::chrono::steady_clock::now() +
                          std::chrono::duration_cast<std::chrono::steady_clock::duration>(
                              std::chrono::duration<double>(std::min(options.time_limit_s, 1e7)));
    MclpResult greedy = mclp_greedy(coverage, demand, options);
    MclpResult result = greedy;
    result.solver = MclpSolver::exact;
    result.single_site_fallback = false;
    const std::vector<std::size_t> usable = usable_options(coverage, demand, options);
    auto keep_greedy = [&](const std::string& why) {
        std::vector<std::size_t> chosen;
        for (const ChosenSite& s : greedy.sites) chosen.push_back(s.option);
        result.sites = rank_by_marginal_gain(coverage, demand, options, chosen);
        result.solver_reason = why;
        result.upper_bound = std::max(result.upper_bound, result.objective);
        result.optimal = result.objective >= result.upper_bound * (1 - 1e-12);
        return result;
    };
    if (usable.empty()) return keep_greedy("exact (nothing to cover)");

    // Columns 1..U: x of the usable options; then y of each row that two or more usable
    // options cover. A row only one option covers needs no y: y_r = x_o at any optimum, so its
    // weight goes on x_o's objective instead (often half the rows, and the LP's time is in them).
    // Rows: one per y, then the K or budget row, then one per site with several headings.
    const int n_x = static_cast<int>(usable.size());
    std::vector<int> coverers(demand.weight.size(), 0);
    for (std::size_t o : usable)
        for (std::uint32_t r : demand.covered(o)) ++coverers[r];
    std::vector<int> row_of(demand.weight.size(), 0);
    std::vector<std::uint32_t> model_rows;
    std::vector<double> x_weight(usable.size(), 0.0);
    for (std::size_t c = 0; c < usable.size(); ++c)
        for (std::uint32_t r : demand.covered(usable[c])) {
            if (coverers[r] == 1) x_weight[c] += demand.weight[r];
            else if (row_of[r] == 0) {
                model_rows.push_back(r);
                row_of[r] = static_cast<int>(model_rows.size());
            }
        }
    const int n_y = static_cast<int>(model_rows.size());
    std::vector<int> options_at(coverage.candidates, 0);
    for (std::size_t o : usable) ++options_at[coverage.option_site[o]];
    std::vector<int> site_row(coverage.candidates, 0);
    int n_rows = n_y + 1;
    for (std::size_t j = 0; j < coverage.candidates; ++j)
        if (options_at[j] > 1) site_row[j] = ++n_rows;

    std::vector<int> ia{0}, ja{0};
    std::vector<double> ar{0};
    for (int c = 1; c <= n_x; ++c) {
        const std::size_t o = usable[c - 1];
        for (std::uint32_t r : demand.covered(o))
            if (row_of[r]) ia.push_back(row_of[r]), ja.push_back(c), ar.push_back(-1.0);
        ia.push_back(n_y + 1), ja.push_back(c), ar.push_back(options.budget ? options.cost[coverage.option_site[o]] : 1.0);
        if (const int sr = site_row[coverage.option_site[o]]) ia.push_back(sr), ja.push_back(c), ar.push_back(1.0);
    }
    for (int k = 1; k <= n_y; ++k) ia.push_back(k), ja.push_back(n_x + k), ar.push_back(1.0);

    QuietGlpk quiet;
    std::unique_ptr<glp_prob, ProblemDeleter> lp(glp_create_prob());
    glp_prob* P = lp.get();
    glp_set_obj_dir(P, GLP_MAX);
    glp_add_rows(P, n_rows);
    for (int k = 1; k <= n_y; ++k) glp_set_row_bnds(P, k, GLP_UP, 0.0, 0.0);
    glp_set_row_bnds(P, n_y + 1, GLP_UP, 0.0, options.budget ? *options.budget : static_cast<double>(options.max_sites));
    for (int k = n_y + 2; k <= n_rows; ++k) glp_set_row_bnds(P, k, GLP_UP, 0.0, 1.0);
    glp_add_cols(P, n_x + n_y);
    for (int c = 1; c <= n_x; ++c) {
        glp_set_col_kind(P, c, GLP_BV);
        glp_set_obj_coef(P, c, x_weight[static_cast<std::size_t>(c) - 1]);
    }
    for (int k = 1; k <= n_y; ++k) {
        glp_set_col_bnds(P, n_x + k, GLP_DB, 0.0, 1.0);
        glp_set_obj_coef(P, n_x + k, demand.weight[model_rows[k - 1]]);
    }
    glp_load_matrix(P, static_cast<int>(ia.size()) - 1, ia.data(), ja.data(), ar.data());

    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.tm_lim = milliseconds_left(deadline);
    const int lp_code = glp_simplex(P, &smcp);
    if (lp_code != 0 || glp_get_status(P) != GLP_OPT)
        return keep_greedy(lp_code == GLP_ETMLIM ? "exact (time limit hit in the LP relaxation; greedy solution kept)"
                                                 : fmt::format("exact (GLPK simplex failed, code {}; greedy solution kept)", lp_code));
    result.upper_bound = std::min(result.upper_bound, glp_get_obj_val(P));

    Search search;
    search.seed.assign(static_cast<std::size_t>(n_x + n_y) + 1, 0.0);
    {
        std::vector<std::uint8_t> covered(demand.weight.size(), 0);
        for (const ChosenSite& s : greedy.sites) {
            const auto c = std::lower_bound(usable.begin(), usable.end(), s.option) - usable.begin();
            assert(static_cast<std::size_t>(c) < usable.size() && usable[static_cast<std::size_t>(c)] == s.option);
            search.seed[static_cast<std::size_t>(c) + 1] = 1.0;
            for (std::uint32_t r : demand.covered(s.option)) covered[r] = 1;
        }
        for (int k = 1; k <= n_y; ++k) search.seed[static_cast<std::size_t>(n_x + k)] = covered[model_rows[k - 1]];
    }
    glp_iocp iocp;
    glp_init_iocp(&iocp);
    iocp.msg_lev = GLP_MSG_OFF;
    iocp.presolve = GLP_OFF; // the callback's columns must be ours; the LP basis is already optimal
    iocp.tm_lim = milliseconds_left(deadline);
    iocp.cb_func = &on_tree_event;
    iocp.cb_info = &search;
    const int mip_code = glp_intopt(P, &iocp);
    const int status = glp_mip_status(P);
    if (status != GLP_OPT && status != GLP_FEAS)
        return keep_greedy(fmt::format("exact (GLPK found no integer solution, code {}; greedy solution kept)", mip_code));

    std::vector<std::size_t> chosen;
    for (int c = 1; c <= n_x; ++c)
        if (glp_mip_col_val(P, c) > 0.5) chosen.push_back(usable[c - 1]);
    result.sites = rank_by_marginal_gain(coverage, demand, options, chosen);
    result.objective = result.sites.empty() ? 0.0 : result.sites.back().cumulative;
    // The same set summed in another order can differ in the last bits: only a real loss counts.
    if (result.objective < greedy.objective * (1 - 1e-12))
        return keep_greedy("exact (GLPK's incumbent was worse; greedy solution kept)");
    result.spent = 0;
    for (const ChosenSite& s : result.sites) result.spent += s.cost;
    result.optimal = mip_code == 0 && status == GLP_OPT;
    if (result.optimal) {
        result.upper_bound = result.objective;
        result.solver_reason = "exact (optimal)";
    } else {
        result.upper_bound = std::max(std::min(result.upper_bound, search.bound), result.objective);
        result.solver_reason = mip_code == GLP_ETMLIM ? "exact (time limit hit; best solution found, not proven optimal)"
                                                      : fmt::format("exact (GLPK stopped, code {}; not proven optimal)", mip_code);
    }
    return result;
}

} // namespace safermap::analysis
