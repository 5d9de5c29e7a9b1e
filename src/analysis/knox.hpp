// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <random>
#include <string_view>
#include <utility>
#include <vector>

namespace safermap::analysis {

// The resolution of the integer times given to knox(); carried to the result so the output
// can say which was used.
enum class TimeUnit { day, month };
std::string_view to_string(TimeUnit unit); // "day", "month"

struct KnoxOptions {
    // Band edges E1 < E2 < ... (all > 0). Bands are [0, E1], (E1, E2], ..., (E_last, inf):
    // inclusive at the upper edge, the first band includes 0, the last is open-ended.
    std::vector<double> space_edges_m = {100, 200, 300, 400};
    std::vector<int> time_edges = {7, 14, 21, 28}; // in time_unit
    TimeUnit time_unit = TimeUnit::day;
    int permutations = 99;         // Monte Carlo permutations of the times; 0 for observed counts only
    std::uint64_t seed = 12345;
    bool keep_permuted_counts = false; // also return every permutation's table (KnoxResult::permuted)
    // Throws ConfigError ("knox: space_edges_m must be strictly increasing ...") for an empty,
    // non-positive, non-finite or not strictly increasing edge list, or permutations < 0.
    void validate() const;
};

struct KnoxResult {
    TimeUnit time_unit = TimeUnit::day;
    std::vector<double> space_edges_m; // as given
    std::vector<int> time_edges;
    int permutations = 0;
    std::uint64_t seed = 0;
    std::uint64_t total_pairs = 0;     // n (n - 1) / 2; every table sums to this

    // Tables are row-major, one row per space band and one column per time band: use cell(s, t).
    // Row/column 0 is [0, E1]; the last row/column is beyond the final edge.
    std::vector<std::uint64_t> observed;
    // With permutations > 0 (all empty when permutations == 0):
    std::vector<double> expected;      // mean count over the permutations
    std::vector<double> ratio;         // observed / expected; NaN where expected == 0
    std::vector<double> p;             // (1 + #permutations with count >= observed) / (permutations + 1)
    // Only with keep_permuted_counts: permutation r's table at [r * cells() + cell(s, t)].
    std::vector<std::uint64_t> permuted;

    std::size_t space_bands() const { return space_edges_m.size() + 1; }
    std::size_t time_bands() const { return time_edges.size() + 1; }
    std::size_t cells() const { return space_bands() * time_bands(); }
    std::size_t cell(std::size_t space_band, std::size_t time_band) const { return space_band * time_bands() + time_band; }
};

// The Knox test for space-time clustering of events (Knox 1964, "The detection of space-time
// interactions", Applied Statistics 13(1)), in the banded form of the Near Repeat Calculator
// (Ratcliffe 2009; Johnson et al. 2007, J. Quant. Criminol. 23): every unordered pair of
// incidents i < j is counted once, in the cell of its planar distance (metres; same CRS for x and
// y, e.g. EPSG:27700) and its time distance |t_i - t_j| (whole days or months, per
// options.time_unit). The expected table is the mean over `permutations` random shuffles of the
// times among the points, positions kept; `p` is the one-sided Monte Carlo p of each cell.
//
// Distances are compared squared: a pair is in space band k when dx^2 + dy^2 <= E_k^2, so a
// distance of exactly E_k is in band k. Cost: O(n log n + C * permutations) time and O(n + C)
// memory, C the number of pairs within the final space edge; the pairs beyond it are never
// enumerated (see knox.cpp). n = 0 or 1 gives zero pairs: an all-zero observed table, expected
// 0, ratio NaN and p 1. Throws ConfigError ("knox: ...") for bad options, x, y and time of
// different lengths, or a non-finite coordinate.
KnoxResult knox(const std::vector<double>& x_m, const std::vector<double>& y_m, const std::vector<std::int64_t>& time,
                const KnoxOptions& options);

// The shuffle knox() applies to its copy of the time column before each permutation's count:
// Fisher-Yates from the last element down, drawing with std::uniform_int_distribution<std::size_t>
// from one std::mt19937_64 seeded with options.seed; permutation r shuffles the result of
// permutation r - 1. Exposed so that an independent reference can replay the same permutations.
template <typename T> void knox_shuffle(std::vector<T>& values, std::mt19937_64& rng) {
    for (std::size_t k = values.size(); k > 1; --k) {
        std::uniform_int_distribution<std::size_t> pick(0, k - 1);
        std::swap(values[k - 1], values[pick(rng)]);
    }
}

} // namespace safermap::analysis
