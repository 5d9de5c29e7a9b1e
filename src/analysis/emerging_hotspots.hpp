// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/spatial_weights.hpp"

#include <string_view>
#include <vector>

namespace safermap::analysis {

// ArcGIS's emerging hot spot categories (Emerging Hot Spot Analysis, "how it works"); the
// cold ones are the same with cold for hot. Codes are positive for hot, negative for cold.
enum class Emerging : int {
    none = 0,
    new_spot = 1,     // significant in the final step only
    consecutive = 2,  // one unbroken run of >= 2 significant steps ending at the final step, < 90% of steps
    intensifying = 3, // >= 90% of steps including the final, Gi* z trending up (Mann-Kendall)
    persistent = 4,   // >= 90% of steps including the final, no significant trend
    diminishing = 5,  // >= 90% of steps including the final, z trending down
    sporadic = 6,     // significant in the final step, on and off before, < 90%, never the opposite
    oscillating = 7,  // significant in the final step, the opposite at some earlier step, < 90%
    historical = 8,   // >= 90% of steps but not the final one
};

std::string_view describe(int code); // e.g. 3 -> "intensifying hot spot", -1 -> "new cold spot"

struct EmergingOptions {
    bool fdr = true;          // Gi* bins by Benjamini-Hochberg q at each step
    int min_bin = 1;          // |Gi_Bin| counted as significant: 1 = 90%, 2 = 95%, 3 = 99%
    double trend_alpha = 0.05; // Mann-Kendall significance for intensifying / diminishing
};

struct MannKendall;

// The category of one cell from its significance history in time order (+1 hot, -1 cold,
// 0 neither) and the Mann-Kendall trend of its Gi* z-scores: +-Emerging code, 0 for no pattern.
int emerging_category(const std::vector<int>& significance, const MannKendall& z_trend, double trend_alpha);

struct EmergingResult {
    std::vector<int> category;        // per cell: +-Emerging code
    std::vector<double> count_trend_z; // Mann-Kendall z of the cell's counts over the steps
    std::vector<double> count_trend_p;
    std::vector<int> final_bin;       // Gi_Bin at the final step
};

// `counts[t][i]`: incidents in cell i during step t (equal-length steps in time order; at least
// 3). Gi* is computed for each step with `weights` (w_ii included), then each cell is categorised
// from its history of significant bins and the Mann-Kendall trend of its Gi* z-scores.
// Throws ConfigError for fewer than 3 steps or mismatched sizes.
EmergingResult emerging_hotspots(const std::vector<std::vector<double>>& counts, const SpatialWeights& weights,
                                 const EmergingOptions& options);

} // namespace safermap::analysis
