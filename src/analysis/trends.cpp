// SPDX-License-Identifier: MIT
#include "analysis/trends.hpp"

#include "analysis/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace safermap::analysis {

namespace {

// log of the Binomial(n, 1/2) probability of k.
double log_binomial_half(long long n, long long k) {
    return std::lgamma(static_cast<double>(n) + 1) - std::lgamma(static_cast<double>(k) + 1) -
           std::lgamma(static_cast<double>(n - k) + 1) - static_cast<double>(n) * std::log(2.0);
}

} // namespace

double poisson_two_count_p(long long a, long long b) {
    const long long n = a + b;
    if (n <= 0) return 1.0;
    double lower = 0, upper = 0;
    for (long long k = 0; k <= a; ++k) lower += std::exp(log_binomial_half(n, k));
    for (long long k = a; k <= n; ++k) upper += std::exp(log_binomial_half(n, k));
    return std::min(1.0, 2 * std::min(lower, upper));
}

std::vector<TrendRow> compare_periods(const std::vector<long long>& current, const std::vector<long long>& baseline) {
    std::vector<TrendRow> rows(current.size());
    for (std::size_t i = 0; i < current.size(); ++i) {
        rows[i].current = current[i];
        rows[i].baseline = baseline[i];
        if (baseline[i] > 0) rows[i].change_pct = 100.0 * static_cast<double>(current[i] - baseline[i]) / static_cast<double>(baseline[i]);
        rows[i].p = poisson_two_count_p(current[i], baseline[i]);
    }
    for (std::size_t i = 0; i < current.size(); ++i) {
        int higher = 0;
        for (std::size_t j = 0; j < current.size(); ++j) higher += current[j] > current[i];
        rows[i].rank = higher + 1;
    }
    return rows;
}

MannKendall mann_kendall(const std::vector<double>& x) {
    MannKendall r;
    const std::size_t n = x.size();
    if (n < 3) return r;
    for (std::size_t i = 0; i + 1 < n; ++i)
        for (std::size_t j = i + 1; j < n; ++j) r.s += (x[j] > x[i]) - (x[j] < x[i]);
    std::map<double, long long> ties;
    for (double v : x) ++ties[v];
    const double nd = static_cast<double>(n);
    double var = nd * (nd - 1) * (2 * nd + 5);
    for (const auto& [v, t] : ties) {
        const double td = static_cast<double>(t);
        var -= td * (td - 1) * (2 * td + 5);
    }
    r.variance = var / 18;
    if (r.variance > 0) {
        if (r.s > 0) r.z = (r.s - 1) / std::sqrt(r.variance);
        else if (r.s < 0) r.z = (r.s + 1) / std::sqrt(r.variance);
        r.p = two_sided_p(r.z);
    }
    return r;
}

} // namespace safermap::analysis
