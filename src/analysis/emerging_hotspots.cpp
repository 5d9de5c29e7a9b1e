// SPDX-License-Identifier: MIT
#include "analysis/emerging_hotspots.hpp"

#include "analysis/gi_star.hpp"
#include "analysis/trends.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cmath>

namespace safermap::analysis {

std::string_view describe(int code) {
    static constexpr std::string_view hot[] = {"no pattern", "new hot spot", "consecutive hot spot", "intensifying hot spot",
                                               "persistent hot spot", "diminishing hot spot", "sporadic hot spot",
                                               "oscillating hot spot", "historical hot spot"};
    static constexpr std::string_view cold[] = {"no pattern", "new cold spot", "consecutive cold spot", "intensifying cold spot",
                                                "persistent cold spot", "diminishing cold spot", "sporadic cold spot",
                                                "oscillating cold spot", "historical cold spot"};
    const int k = std::abs(code);
    if (k > 8) return "no pattern";
    return code >= 0 ? hot[k] : cold[k];
}

namespace {

// The category of one cell from its significance history (+1 hot, -1 cold, 0 neither) and
// the Mann-Kendall result on its z-scores, for the side `sign` (+1 hot, -1 cold).
int categorise(const std::vector<int>& state, const MannKendall& z_trend, double alpha, int sign) {
    const std::size_t steps = state.size();
    std::size_t hits = 0;
    bool opposite = false;
    for (int s : state) {
        hits += s == sign;
        opposite |= s == -sign;
    }
    if (hits == 0) return 0;
    const bool last = state.back() == sign;
    const bool mostly = static_cast<double>(hits) >= 0.9 * static_cast<double>(steps);
    auto code = [&](Emerging e) { return sign * static_cast<int>(e); };
    if (mostly && last) {
        // "Intensifying" means the clustering grows stronger: z rises for hot, falls for cold.
        if (z_trend.p < alpha && z_trend.s * sign > 0) return code(Emerging::intensifying);
        if (z_trend.p < alpha && z_trend.s * sign < 0) return code(Emerging::diminishing);
        return code(Emerging::persistent);
    }
    if (mostly) return code(Emerging::historical);
    if (!last) return 0; // significant only in the past, under 90%: no pattern in ArcGIS's scheme
    if (hits == 1) return code(Emerging::new_spot);
    std::size_t run = 0;
    for (std::size_t t = steps; t-- > 0 && state[t] == sign;) ++run;
    if (run == hits && run >= 2) return code(Emerging::consecutive);
    if (opposite) return code(Emerging::oscillating);
    return code(Emerging::sporadic);
}

} // namespace

int emerging_category(const std::vector<int>& significance, const MannKendall& z_trend, double trend_alpha) {
    const int hot = categorise(significance, z_trend, trend_alpha, +1);
    return hot != 0 ? hot : categorise(significance, z_trend, trend_alpha, -1);
}

EmergingResult emerging_hotspots(const std::vector<std::vector<double>>& counts, const SpatialWeights& weights,
                                 const EmergingOptions& options) {
    const std::size_t steps = counts.size();
    if (steps < 3) throw ConfigError(fmt::format("emerging: needs at least 3 time steps (got {})", steps));
    const std::size_t n = counts[0].size();
    for (const auto& c : counts)
        if (c.size() != n) throw ConfigError("emerging: every time step needs a count for every cell");
    std::vector<std::vector<int>> state(n, std::vector<int>(steps, 0));
    std::vector<std::vector<double>> zs(n, std::vector<double>(steps, 0.0));
    EmergingResult r;
    r.final_bin.assign(n, 0);
    GiStarOptions gi_options;
    gi_options.fdr = options.fdr;
    for (std::size_t t = 0; t < steps; ++t) {
        GiStarResult gi = gi_star(counts[t], weights, gi_options);
        for (std::size_t i = 0; i < n; ++i) {
            const int bin = gi.bin[i];
            state[i][t] = bin >= options.min_bin ? 1 : bin <= -options.min_bin ? -1 : 0;
            zs[i][t] = std::isnan(gi.z[i]) ? 0.0 : gi.z[i];
            if (t + 1 == steps) r.final_bin[i] = bin;
        }
    }
    r.category.resize(n);
    r.count_trend_z.resize(n);
    r.count_trend_p.resize(n);
    std::vector<double> series(steps);
    for (std::size_t i = 0; i < n; ++i) {
        r.category[i] = emerging_category(state[i], mann_kendall(zs[i]), options.trend_alpha);
        for (std::size_t t = 0; t < steps; ++t) series[t] = counts[t][i];
        const MannKendall c = mann_kendall(series);
        r.count_trend_z[i] = c.z;
        r.count_trend_p[i] = c.p;
    }
    return r;
}

} // namespace safermap::analysis
