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

namespace {

// S = the sum over i < j of sign(x_j - x_i). Emerging hot spots take this for two series of
// every cell of the grid (a 500x500 grid over 80 months: 1.6 billion pairs, 77% of the command
// when each pair went into a 64-bit sum). Each i's row is summed in a double of +-1 steps, which
// the compiler vectorises and which stays exact (whole numbers far below 2^53). A NaN compares
// false both ways: a tie, as before.
long long kendall_s(const std::vector<double>& x) {
    long long s = 0;
    const std::size_t n = x.size();
    const double* v = x.data();
    for (std::size_t i = 0; i + 1 < n; ++i) {
        const double vi = v[i];
        double row = 0;
        for (std::size_t j = i + 1; j < n; ++j) row += (v[j] > vi ? 1.0 : 0.0) - (v[j] < vi ? 1.0 : 0.0);
        s += static_cast<long long>(row);
    }
    return s;
}

// The ties' term of the variance, Σ t(t-1)(2t+5) over groups of equal values, in ascending
// order of value. A series with a NaN (which orders with nothing) keeps the ordered map's
// grouping it always had; any other is sorted, whose runs are the map's keys in its order.
double tie_term(const std::vector<double>& x) {
    auto term = [](long long t) {
        const double td = static_cast<double>(t);
        return td * (td - 1) * (2 * td + 5);
    };
    double total = 0;
    if (std::any_of(x.begin(), x.end(), [](double v) { return std::isnan(v); })) {
        std::map<double, long long> ties;
        for (double v : x) ++ties[v];
        for (const auto& [v, t] : ties) total += term(t);
        return total;
    }
    thread_local std::vector<double> sorted;
    sorted.assign(x.begin(), x.end());
    std::sort(sorted.begin(), sorted.end());
    for (std::size_t i = 0; i < sorted.size();) {
        std::size_t j = i + 1;
        while (j < sorted.size() && sorted[j] == sorted[i]) ++j;
        total += term(static_cast<long long>(j - i));
        i = j;
    }
    return total;
}

} // namespace

MannKendall mann_kendall(const std::vector<double>& x) {
    MannKendall r;
    const std::size_t n = x.size();
    if (n < 3) return r;
    // A constant series (an empty cell's counts, month after month) has S = 0 and, all of it
    // one tie, no variance: no trend, without the pairs.
    if (std::all_of(x.begin() + 1, x.end(), [&](double v) { return v == x[0]; })) return r;
    r.s = kendall_s(x);
    const double nd = static_cast<double>(n);
    r.variance = (nd * (nd - 1) * (2 * nd + 5) - tie_term(x)) / 18;
    if (r.variance > 0) {
        if (r.s > 0) r.z = (r.s - 1) / std::sqrt(r.variance);
        else if (r.s < 0) r.z = (r.s + 1) / std::sqrt(r.variance);
        r.p = two_sided_p(r.z);
    }
    return r;
}

} // namespace safermap::analysis
