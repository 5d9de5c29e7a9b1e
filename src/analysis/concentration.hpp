// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace safermap::analysis {

struct ConcentrationOptions {
    int simulations = 199;     // Monte Carlo draws for the Poisson baseline
    std::uint64_t seed = 12345;
    std::vector<int> top_n = {5, 10};
};

struct Concentration {
    std::size_t units = 0;
    double total = 0;
    // Gini over units: sum_i sum_j |x_i - x_j| / (2 n^2 mean); 0 equal, -> 1 all in one unit.
    double gini = 0;
    // The Gini expected from chance alone: the same total scattered over the same units
    // uniformly at random (a multinomial, i.e. Poisson counts conditioned on the total),
    // averaged over `simulations` seeded draws. With fewer incidents than units it is far from
    // 0, which is why the naive Gini overstates concentration for sparse counts.
    double gini_expected_random = 0;
    // Chance-corrected Gini: (gini - expected) / (1 - expected), 0 for random scatter, 1 when
    // every incident is in one unit (the correction of a kappa statistic applied to the Gini).
    double gini_adjusted = 0;
    // Smallest share of units holding at least 25% / 50% of the total.
    double unit_share_for_25 = 0;
    double unit_share_for_50 = 0;
    std::vector<std::pair<int, double>> top_n_share; // (N, share of the total in the N largest units)
    // The Lorenz curve, units in descending order of value: cumulative share of units and of the total.
    std::vector<std::size_t> order;
    std::vector<double> cum_unit_share, cum_total_share;
};

// Throws ConfigError for no units, negative values or a zero total.
Concentration concentration(const std::vector<double>& values, const ConcentrationOptions& options);

// Gini of non-negative values (0 for an empty or all-zero input).
double gini(std::vector<double> values);

} // namespace safermap::analysis
