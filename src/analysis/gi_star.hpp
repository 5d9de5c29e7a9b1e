// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/spatial_weights.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::analysis {

struct GiStarOptions {
    bool fdr = true;              // Benjamini-Hochberg correction of the confidence bins
    int permutations = 0;         // > 0: also conditional permutation pseudo p-values
    std::uint64_t seed = 12345;   // for permutations
    ProgressFn progress = nullptr; // called as the permutations go through the units
    void validate() const;        // throws ConfigError ("gistar: permutations must be >= 0 ...")
};

struct GiStarResult {
    std::vector<double> z;        // Gi* z-scores (NaN where undefined: constant values)
    std::vector<double> p;        // two-sided normal p-values
    std::vector<double> q;        // Benjamini-Hochberg adjusted p-values
    std::vector<int> bin;         // -3..3 like ArcGIS's Gi_Bin: 3 = hot at 99%, 2 at 95%, 1 at 90%
    std::vector<double> p_perm;   // pseudo p-values when permutations > 0, else empty
};

// Getis-Ord Gi* (Getis & Ord 1995, eq. 8-9, with i in its own neighbourhood; the form ArcGIS
// uses):  Gi* = (sum_j w_ij x_j - xbar W_i) / (S sqrt((n S1_i - W_i^2) / (n - 1)))
// where W_i = sum_j w_ij, S1_i = sum_j w_ij^2, xbar and S the mean and (population) standard
// deviation of all n values. `weights` must include w_ii (SpatialWeights::include_self).
// Bins use p (fdr = false) or q (fdr = true) against 0.01, 0.05 and 0.10.
// Throws ConfigError when values and weights differ in size or n < 3.
GiStarResult gi_star(const std::vector<double>& values, const SpatialWeights& weights, const GiStarOptions& options);

} // namespace safermap::analysis
