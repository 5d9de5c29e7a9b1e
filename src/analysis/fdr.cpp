// SPDX-License-Identifier: MIT
#include "analysis/fdr.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

namespace safermap::analysis {

std::vector<double> benjamini_hochberg(const std::vector<double>& p) {
    const std::size_t n = p.size();
    std::vector<std::size_t> order(n);
    std::iota(order.begin(), order.end(), 0);
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return p[a] < p[b]; });
    std::vector<double> q(n);
    double running = 1.0;
    for (std::size_t r = n; r-- > 0;) {
        const std::size_t i = order[r];
        running = std::min(running, p[i] * static_cast<double>(n) / static_cast<double>(r + 1));
        q[i] = std::min(1.0, running);
    }
    return q;
}

double two_sided_p(double z) { return std::erfc(std::abs(z) / std::sqrt(2.0)); }

} // namespace safermap::analysis
