// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace safermap::analysis {

// Conditional permutation (Anselin 1995), shared by Gi* and Local Moran's I: unit i keeps its
// own value while its neighbours' values are drawn at random, without replacement, from the
// other n - 1 units. One seeded stream serves every unit in turn, so results repeat exactly.
class ConditionalPermutation {
public:
    ConditionalPermutation(std::size_t n, std::uint64_t seed);

    // Starts drawing for unit i: the pool becomes every unit but i.
    void start(std::size_t i);
    // One permutation: sum_m weights[m] * values[a unit drawn for neighbour m].
    double draw_lag(const std::vector<double>& values, std::span<const double> weights);

private:
    std::mt19937_64 m_rng;
    std::vector<std::uint32_t> m_pool;
};

} // namespace safermap::analysis
