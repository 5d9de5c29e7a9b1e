// SPDX-License-Identifier: MIT
#include "analysis/gi_star.hpp"

#include "analysis/conditional_permutation.hpp"
#include "analysis/fdr.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <limits>
#include <numeric>

namespace safermap::analysis {

void GiStarOptions::validate() const {
    if (permutations < 0) throw ConfigError(fmt::format("gistar: permutations must be >= 0 (got {})", permutations));
}

namespace {

int confidence_bin(double z, double p) {
    if (std::isnan(z)) return 0;
    const int level = p <= 0.01 ? 3 : p <= 0.05 ? 2 : p <= 0.10 ? 1 : 0;
    return z > 0 ? level : -level;
}

// Conditional permutation (Anselin 1995): keep x_i, draw the other neighbours' values at
// random without replacement from the remaining n - 1 values, and count how often the
// local sum is at least as extreme (on the observed side) as observed.
std::vector<double> permutation_p(const std::vector<double>& x, const SpatialWeights& w, const std::vector<double>& z,
                                  int permutations, std::uint64_t seed, const ProgressFn& progress) {
    const std::size_t n = x.size();
    std::vector<double> out(n, 1.0);
    ConditionalPermutation draws(n, seed);
    for (std::size_t i = 0; i < n; ++i) {
        report_progress(progress, i, n);
        if (std::isnan(z[i])) continue;
        double observed = 0;
        std::vector<double> other_weights;
        double self_weight = 0;
        for (auto k = w.start[i]; k < w.start[i + 1]; ++k) {
            observed += w.weight[k] * x[w.neighbour[k]];
            if (w.neighbour[k] == i) self_weight = w.weight[k];
            else other_weights.push_back(w.weight[k]);
        }
        draws.start(i);
        int extreme = 0;
        for (int r = 0; r < permutations; ++r) {
            const double sum = self_weight * x[i] + draws.draw_lag(x, other_weights);
            if (z[i] >= 0 ? sum >= observed : sum <= observed) ++extreme;
        }
        // One-sided on the observed side, doubled for a two-sided test (capped at 1).
        out[i] = std::min(1.0, 2.0 * (extreme + 1.0) / (permutations + 1.0));
    }
    return out;
}

} // namespace

GiStarResult gi_star(const std::vector<double>& x, const SpatialWeights& w, const GiStarOptions& options) {
    options.validate();
    const std::size_t n = x.size();
    if (w.units() != n) throw ConfigError(fmt::format("gistar: {} values but weights for {} units", n, w.units()));
    if (n < 3) throw ConfigError(fmt::format("gistar: needs at least 3 units (got {})", n));
    const double nd = static_cast<double>(n);
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / nd;
    double sq = 0;
    for (double v : x) sq += v * v;
    const double s = std::sqrt(std::max(0.0, sq / nd - mean * mean));

    GiStarResult r;
    r.z.assign(n, std::numeric_limits<double>::quiet_NaN());
    r.p.assign(n, 1.0);
    for (std::size_t i = 0; i < n; ++i) {
        double wx = 0, wsum = 0, w2 = 0;
        for (auto k = w.start[i]; k < w.start[i + 1]; ++k) {
            wx += w.weight[k] * x[w.neighbour[k]];
            wsum += w.weight[k];
            w2 += w.weight[k] * w.weight[k];
        }
        const double spread = (nd * w2 - wsum * wsum) / (nd - 1);
        if (!(s > 0) || !(spread > 0)) continue; // constant values, or i's neighbourhood is everything
        r.z[i] = (wx - mean * wsum) / (s * std::sqrt(spread));
        r.p[i] = two_sided_p(r.z[i]);
    }
    r.q = benjamini_hochberg(r.p);
    r.bin.resize(n);
    for (std::size_t i = 0; i < n; ++i) r.bin[i] = confidence_bin(r.z[i], options.fdr ? r.q[i] : r.p[i]);
    if (options.permutations > 0) r.p_perm = permutation_p(x, w, r.z, options.permutations, options.seed, options.progress);
    return r;
}

} // namespace safermap::analysis
