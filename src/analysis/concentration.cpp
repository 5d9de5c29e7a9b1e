// SPDX-License-Identifier: MIT
#include "analysis/concentration.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>

namespace safermap::analysis {

double gini(std::vector<double> v) {
    const std::size_t n = v.size();
    const double total = std::accumulate(v.begin(), v.end(), 0.0);
    if (n == 0 || !(total > 0)) return 0.0;
    std::sort(v.begin(), v.end());
    // With ascending values and ranks 1..n: G = 2 sum(i x_i) / (n sum x) - (n + 1) / n.
    double weighted = 0;
    for (std::size_t i = 0; i < n; ++i) weighted += static_cast<double>(i + 1) * v[i];
    const double nd = static_cast<double>(n);
    return 2 * weighted / (nd * total) - (nd + 1) / nd;
}

Concentration concentration(const std::vector<double>& values, const ConcentrationOptions& o) {
    const std::size_t n = values.size();
    if (n == 0) throw ConfigError("concentration: no units");
    for (double v : values)
        if (v < 0 || !std::isfinite(v)) throw ConfigError(fmt::format("concentration: values must be finite and >= 0 (got {})", v));
    Concentration c;
    c.units = n;
    c.total = std::accumulate(values.begin(), values.end(), 0.0);
    if (!(c.total > 0)) throw ConfigError("concentration: the total is 0, so there is nothing to concentrate");
    c.gini = gini(values);

    // Baseline: round(total) incidents dropped on n units uniformly at random.
    const auto incidents = static_cast<long long>(std::llround(c.total));
    std::mt19937_64 rng(o.seed);
    std::uniform_int_distribution<std::size_t> unit(0, n - 1);
    std::vector<double> sim(n);
    double sum = 0;
    for (int s = 0; s < o.simulations; ++s) {
        std::fill(sim.begin(), sim.end(), 0.0);
        for (long long k = 0; k < incidents; ++k) sim[unit(rng)] += 1;
        sum += gini(sim);
    }
    c.gini_expected_random = o.simulations > 0 ? sum / o.simulations : 0.0;
    c.gini_adjusted = c.gini_expected_random < 1 ? (c.gini - c.gini_expected_random) / (1 - c.gini_expected_random) : 0.0;

    c.order.resize(n);
    std::iota(c.order.begin(), c.order.end(), 0);
    std::stable_sort(c.order.begin(), c.order.end(), [&](std::size_t a, std::size_t b) { return values[a] > values[b]; });
    double running = 0;
    for (std::size_t k = 0; k < n; ++k) {
        running += values[c.order[k]];
        c.cum_unit_share.push_back(static_cast<double>(k + 1) / static_cast<double>(n));
        c.cum_total_share.push_back(running / c.total);
    }
    auto share_for = [&](double p) {
        for (std::size_t k = 0; k < n; ++k)
            if (c.cum_total_share[k] >= p - 1e-12) return c.cum_unit_share[k];
        return 1.0;
    };
    c.unit_share_for_25 = share_for(0.25);
    c.unit_share_for_50 = share_for(0.50);
    for (int top : o.top_n)
        if (top > 0) c.top_n_share.emplace_back(top, c.cum_total_share[std::min<std::size_t>(static_cast<std::size_t>(top), n) - 1]);
    return c;
}

} // namespace safermap::analysis
