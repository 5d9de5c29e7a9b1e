// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::analysis {

// Two-sided exact test that two Poisson counts come from the same rate over equal exposure:
// conditional on a + b, a is Binomial(a + b, 1/2) under the null (Przyborowski & Wilenski
// 1940). p = 2 min(P(X <= a), P(X >= a)), capped at 1; 1 when a + b = 0.
double poisson_two_count_p(long long a, long long b);

// One unit's comparison of a period with its baseline period.
struct TrendRow {
    long long current = 0;
    long long baseline = 0;
    std::optional<double> change_pct; // empty when the baseline is 0
    double p = 1;                     // poisson_two_count_p(current, baseline)
    int rank = 0;                     // 1 = most incidents in the current period (ties share the lower rank)
};

// Rows for each unit, ranked by current count.
std::vector<TrendRow> compare_periods(const std::vector<long long>& current, const std::vector<long long>& baseline);

// The Mann-Kendall trend test (Mann 1945; Kendall 1975) on a series in time order: S, its
// variance with the tie correction, the continuity-corrected z, and a two-sided p.
struct MannKendall {
    double s = 0;
    double variance = 0;
    double z = 0;
    double p = 1;
};
MannKendall mann_kendall(const std::vector<double>& series);

} // namespace safermap::analysis
