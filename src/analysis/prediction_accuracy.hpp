// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <vector>

namespace safermap::analysis {

// How well a hotspot map made on one period predicts where incidents fall in a later one,
// at a coverage of the study area (Chainey, Tompson & Uhlig 2008; Levine 2008).
struct AccuracyScores {
    double coverage = 0;       // share of the study area's cells flagged as hot (as achieved)
    std::size_t cells_flagged = 0;
    double hit_rate = 0;       // test incidents in flagged cells / all test incidents
    double pai = 0;            // hit_rate / coverage
    double pei = 0;            // pai / the best pai any map could reach with as many cells
    double rri = 0;            // (test hits / training incidents in the same cells) / (test total / training total)
};

// Scores a map given as one score per cell (higher = hotter): the highest-scoring cells are
// flagged until they make up `coverage` (0..1] of `eligible` cells (those in the study area;
// ties broken by cell order). `train` and `test` are incident counts per cell.
// Throws ConfigError when sizes differ, coverage is outside (0, 1], or the test period is empty.
AccuracyScores score_hotspot_map(const std::vector<double>& score, const std::vector<double>& train,
                                 const std::vector<double>& test, const std::vector<bool>& eligible, double coverage);

} // namespace safermap::analysis
