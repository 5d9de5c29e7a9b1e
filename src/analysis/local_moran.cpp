// SPDX-License-Identifier: MIT
#include "analysis/local_moran.hpp"

#include "analysis/conditional_permutation.hpp"
#include "analysis/fdr.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>
#include <numeric>

namespace safermap::analysis {

void MoranOptions::validate() const {
    if (permutations < 0) throw ConfigError(fmt::format("lisa: permutations must be >= 0 (got {})", permutations));
    if (!(alpha > 0 && alpha < 1)) throw ConfigError(fmt::format("lisa: alpha must be in (0, 1) (got {})", alpha));
}

std::string_view to_string(LisaClass c) {
    switch (c) {
    case LisaClass::high_high: return "High-High";
    case LisaClass::low_low: return "Low-Low";
    case LisaClass::low_high: return "Low-High";
    case LisaClass::high_low: return "High-Low";
    case LisaClass::not_significant: break;
    }
    return "not significant";
}

namespace {

void global_moran(const std::vector<double>& z, const SpatialWeights& w, double b2, LocalMoranResult& r) {
    const std::size_t n = z.size();
    const double nd = static_cast<double>(n);
    double s0 = 0, cross = 0, zz = 0;
    std::vector<double> row(n, 0.0), col(n, 0.0);
    // S1 needs w_ij + w_ji: gather the transpose's entries through a map per row.
    double s1 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        zz += z[i] * z[i];
        for (auto k = w.start[i]; k < w.start[i + 1]; ++k) {
            const std::size_t j = w.neighbour[k];
            s0 += w.weight[k];
            cross += w.weight[k] * z[i] * z[j];
            row[i] += w.weight[k];
            col[j] += w.weight[k];
            double wji = 0;
            for (auto m = w.start[j]; m < w.start[j + 1]; ++m)
                if (w.neighbour[m] == i) wji = w.weight[m];
            s1 += (w.weight[k] + wji) * (w.weight[k] + wji);
        }
    }
    // Pairs where only w_ji is non-zero were missed above; add them.
    for (std::size_t j = 0; j < n; ++j)
        for (auto m = w.start[j]; m < w.start[j + 1]; ++m) {
            const std::size_t i = w.neighbour[m];
            bool has_ij = false;
            for (auto k = w.start[i]; k < w.start[i + 1]; ++k) has_ij |= w.neighbour[k] == j;
            if (!has_ij) s1 += w.weight[m] * w.weight[m];
        }
    s1 /= 2;
    double s2 = 0;
    for (std::size_t i = 0; i < n; ++i) s2 += (row[i] + col[i]) * (row[i] + col[i]);
    r.global_i = nd / s0 * cross / zz;
    r.global_expected = -1.0 / (nd - 1);
    const double num = nd * ((nd * nd - 3 * nd + 3) * s1 - nd * s2 + 3 * s0 * s0) -
                       b2 * ((nd * nd - nd) * s1 - 2 * nd * s2 + 6 * s0 * s0);
    r.global_variance = num / ((nd - 1) * (nd - 2) * (nd - 3) * s0 * s0) - r.global_expected * r.global_expected;
    r.global_z = (r.global_i - r.global_expected) / std::sqrt(r.global_variance);
    r.global_p = two_sided_p(r.global_z);
}

} // namespace

LocalMoranResult local_moran(const std::vector<double>& x, const SpatialWeights& w, const MoranOptions& options) {
    options.validate();
    const std::size_t n = x.size();
    if (w.units() != n) throw ConfigError(fmt::format("lisa: {} values but weights for {} units", n, w.units()));
    if (n < 4) throw ConfigError(fmt::format("lisa: needs at least 4 units (got {})", n));
    const double nd = static_cast<double>(n);
    const double mean = std::accumulate(x.begin(), x.end(), 0.0) / nd;
    std::vector<double> z(n);
    double m2 = 0, m4 = 0;
    for (std::size_t i = 0; i < n; ++i) {
        z[i] = x[i] - mean;
        m2 += z[i] * z[i];
        m4 += z[i] * z[i] * z[i] * z[i];
    }
    m2 /= nd;
    m4 /= nd;
    if (!(m2 > 0)) throw ConfigError("lisa: all values are equal, so Moran's I is undefined");
    const double b2 = m4 / (m2 * m2);

    LocalMoranResult r;
    r.ii.resize(n);
    r.expected.resize(n);
    r.variance.resize(n);
    r.z.resize(n);
    r.p_norm.resize(n);
    std::vector<double> lag(n, 0.0);
    for (std::size_t i = 0; i < n; ++i) {
        double wi = 0, wi2 = 0;
        for (auto k = w.start[i]; k < w.start[i + 1]; ++k) {
            if (w.neighbour[k] == i) throw ConfigError("lisa: weights must not include w_ii");
            lag[i] += w.weight[k] * z[w.neighbour[k]];
            wi += w.weight[k];
            wi2 += w.weight[k] * w.weight[k];
        }
        r.ii[i] = z[i] / m2 * lag[i];
        if (options.conditional_moments) {
            // Sokal, Oden & Thomson (1998), as spdep's localmoran(conditional = TRUE).
            r.expected[i] = -(z[i] * z[i] * wi) / ((nd - 1) * m2);
            r.variance[i] = (z[i] / m2) * (z[i] / m2) * (nd / (nd - 2)) * (wi2 - wi * wi / (nd - 1)) *
                            (m2 - z[i] * z[i] / (nd - 1));
        } else {
            // Anselin (1995) eq. 13-14 (total randomisation), in spdep's arrangement.
            r.expected[i] = -wi / (nd - 1);
            const double a = (nd - b2) / (nd - 1);
            const double b = (2 * b2 - nd) / ((nd - 1) * (nd - 2));
            const double c = wi * wi / ((nd - 1) * (nd - 1));
            r.variance[i] = a * wi2 + b * (wi * wi - wi2) - c;
        }
        r.z[i] = r.variance[i] > 0 ? (r.ii[i] - r.expected[i]) / std::sqrt(r.variance[i]) : 0.0;
        r.p_norm[i] = r.variance[i] > 0 ? two_sided_p(r.z[i]) : 1.0;
    }

    if (options.permutations > 0) {
        r.p_sim.assign(n, 1.0);
        ConditionalPermutation draws(n, options.seed);
        for (std::size_t i = 0; i < n; ++i) {
            report_progress(options.progress, i, n);
            const std::size_t deg = w.start[i + 1] - w.start[i];
            if (deg == 0) continue;
            draws.start(i);
            const std::span<const double> weights(w.weight.data() + w.start[i], deg);
            int larger = 0;
            for (int rep = 0; rep < options.permutations; ++rep)
                if (z[i] / m2 * draws.draw_lag(z, weights) >= r.ii[i]) ++larger;
            const int folded = std::min(larger, options.permutations - larger);
            r.p_sim[i] = (folded + 1.0) / (options.permutations + 1.0);
        }
    }
    const std::vector<double>& p = r.p_sim.empty() ? r.p_norm : r.p_sim;
    r.q = benjamini_hochberg(p);
    r.cluster.resize(n, LisaClass::not_significant);
    for (std::size_t i = 0; i < n; ++i) {
        if (w.start[i + 1] == w.start[i] || (options.fdr ? r.q[i] : p[i]) > options.alpha) continue;
        if (z[i] > 0) r.cluster[i] = lag[i] > 0 ? LisaClass::high_high : LisaClass::high_low;
        else r.cluster[i] = lag[i] < 0 ? LisaClass::low_low : LisaClass::low_high;
    }
    global_moran(z, w, b2, r);
    return r;
}

} // namespace safermap::analysis
