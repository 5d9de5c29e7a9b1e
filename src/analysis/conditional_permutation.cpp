// SPDX-License-Identifier: MIT
#include "analysis/conditional_permutation.hpp"

#include <numeric>
#include <utility>

namespace safermap::analysis {

ConditionalPermutation::ConditionalPermutation(std::size_t n, std::uint64_t seed) : m_rng(seed), m_pool(n > 0 ? n - 1 : 0) {}

void ConditionalPermutation::start(std::size_t i) {
    std::iota(m_pool.begin(), m_pool.end(), 0);
    for (auto& v : m_pool)
        if (v >= i) ++v; // every unit but i
}

double ConditionalPermutation::draw_lag(const std::vector<double>& values, std::span<const double> weights) {
    // A partial Fisher-Yates shuffle: only as many draws as there are neighbours.
    double sum = 0;
    for (std::size_t m = 0; m < weights.size(); ++m) {
        std::uniform_int_distribution<std::size_t> pick(m, m_pool.size() - 1);
        std::swap(m_pool[m], m_pool[pick(m_rng)]);
        sum += weights[m] * values[m_pool[m]];
    }
    return sum;
}

} // namespace safermap::analysis
