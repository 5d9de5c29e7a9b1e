// SPDX-License-Identifier: MIT
#include "analysis/prediction_accuracy.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace safermap::analysis {

AccuracyScores score_hotspot_map(const std::vector<double>& score, const std::vector<double>& train,
                                 const std::vector<double>& test, const std::vector<bool>& eligible, double coverage) {
    const std::size_t n = score.size();
    if (train.size() != n || test.size() != n || eligible.size() != n) throw ConfigError("accuracy: inputs differ in size");
    if (!(coverage > 0 && coverage <= 1)) throw ConfigError(fmt::format("accuracy: coverage must be in (0, 100] percent (got {})", coverage * 100));
    std::vector<std::size_t> cells;
    for (std::size_t i = 0; i < n; ++i)
        if (eligible[i]) cells.push_back(i);
    if (cells.empty()) throw ConfigError("accuracy: no cells in the study area");
    double test_total = 0, train_total = 0;
    for (std::size_t i : cells) test_total += test[i], train_total += train[i];
    if (!(test_total > 0)) throw ConfigError("accuracy: no incidents in the test period");
    const auto k = static_cast<std::size_t>(std::max(1.0, std::round(coverage * static_cast<double>(cells.size()))));

    auto top_sum = [&](const std::vector<double>& rank_by, const std::vector<double>& sum_of) {
        std::vector<std::size_t> order = cells;
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            const double sa = std::isnan(rank_by[a]) ? -1e300 : rank_by[a], sb = std::isnan(rank_by[b]) ? -1e300 : rank_by[b];
            return sa > sb;
        });
        double s = 0, t = 0;
        for (std::size_t j = 0; j < k; ++j) s += sum_of[order[j]], t += train[order[j]];
        return std::make_pair(s, t);
    };
    AccuracyScores r;
    r.cells_flagged = k;
    r.coverage = static_cast<double>(k) / static_cast<double>(cells.size());
    auto [hits, train_hits] = top_sum(score, test);
    r.hit_rate = hits / test_total;
    r.pai = r.hit_rate / r.coverage;
    const double best_hits = top_sum(test, test).first; // the test period's own busiest cells
    r.pei = best_hits > 0 ? hits / best_hits : 0;        // pai / pai_max with the same area
    r.rri = train_hits > 0 && train_total > 0 ? (hits / train_hits) / (test_total / train_total) : 0;
    return r;
}

} // namespace safermap::analysis
