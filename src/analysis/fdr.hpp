// SPDX-License-Identifier: MIT
#pragma once

#include <vector>

namespace safermap::analysis {

// Benjamini-Hochberg (1995) adjusted p-values ("q-values"): q_(i) = min_{k >= i} p_(k) n / k,
// capped at 1, in the input order. A test is significant at false discovery rate alpha when
// q <= alpha. Empty input gives empty output.
std::vector<double> benjamini_hochberg(const std::vector<double>& p_values);

// Two-sided p-value of a standard normal z-score.
double two_sided_p(double z);

} // namespace safermap::analysis
