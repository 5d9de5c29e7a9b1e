// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/spatial_weights.hpp"
#include "core/progress.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace safermap::analysis {

struct MoranOptions {
    int permutations = 999;     // conditional permutations for pseudo p-values; 0 for none
    std::uint64_t seed = 12345;
    ProgressFn progress = nullptr; // called as the permutations go through the units
    double alpha = 0.05;        // significance for the cluster classes
    bool fdr = false;           // classify by Benjamini-Hochberg q of the pseudo (or normal) p
    // Moments of I_i under randomisation: conditional on x_i (Sokal, Oden & Thomson 1998;
    // spdep's default since 1.1) or total (Anselin 1995, eq. 13-14).
    bool conditional_moments = true;
    void validate() const;      // throws ConfigError ("lisa: alpha must be in (0, 1) ...")
};

// GeoDa's LISA cluster codes.
enum class LisaClass : int { not_significant = 0, high_high = 1, low_low = 2, low_high = 3, high_low = 4 };
std::string_view to_string(LisaClass c);

struct LocalMoranResult {
    std::vector<double> ii;       // I_i = (z_i / m2) sum_j w_ij z_j,  z = x - mean, m2 = sum z^2 / n
    std::vector<double> expected; // E[I_i]: conditional -z_i^2 W_i / ((n - 1) m2); total -W_i / (n - 1)
    std::vector<double> variance; // Var[I_i] under randomisation, conditional or total (MoranOptions)
    std::vector<double> z;        // (I_i - E) / sqrt(Var)
    std::vector<double> p_norm;   // two-sided normal p of z
    std::vector<double> p_sim;    // folded pseudo p (PySAL's p_sim): (min(M, R - M) + 1) / (R + 1); empty if no permutations
    std::vector<double> q;        // BH q of the p used for classes (p_sim if permutations, else p_norm)
    std::vector<LisaClass> cluster;
    // Global Moran's I = n / S0 * sum_ij w_ij z_i z_j / sum z_i^2 with its expectation -1/(n-1),
    // variance under randomisation (Cliff & Ord 1981), z and two-sided p.
    double global_i = 0, global_expected = 0, global_variance = 0, global_z = 0, global_p = 1;
};

// Local and global Moran's I. `weights` must not include w_ii (exclude_self()); pass them
// row-standardised or binary as wanted. Units without neighbours get I_i = 0 and are never
// classed. Throws ConfigError for mismatched sizes, n < 4, or constant values.
LocalMoranResult local_moran(const std::vector<double>& values, const SpatialWeights& weights, const MoranOptions& options);

} // namespace safermap::analysis
