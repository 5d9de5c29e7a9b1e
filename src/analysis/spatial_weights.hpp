// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"

#include <cstdint>
#include <string_view>
#include <vector>

namespace safermap::analysis {

// Sparse spatial weights w_ij, stored per unit i as (neighbour j, weight) runs (CSR).
// Whether i counts itself (w_ii) is part of the weights: Gi* includes it, Local Moran's I
// does not.
struct SpatialWeights {
    std::vector<std::uint32_t> start;     // size n + 1
    std::vector<std::uint32_t> neighbour; // j of each entry
    std::vector<double> weight;           // w_ij of each entry

    std::size_t units() const { return start.empty() ? 0 : start.size() - 1; }
    // Divides each row by its sum (row standardisation); rows summing to 0 stay 0.
    void row_standardise();
    // Adds w_ii = 1 where a unit lacks itself (Gi*'s "star").
    void include_self();
    // Drops w_ii entries (Local Moran's I).
    void exclude_self();
    // Units with no neighbour other than themselves.
    std::vector<std::uint32_t> islands() const;

    // Builds from neighbour lists with weight 1 (binary weights).
    static SpatialWeights from_lists(const std::vector<std::vector<std::uint32_t>>& lists);
};

enum class WeightStyle { binary, row };
WeightStyle parse_weight_style(std::string_view text); // throws ConfigError

// Binary distance-band weights between cell centres: j is a neighbour of i when their
// centres are at most `band_m` apart (i itself included).
SpatialWeights grid_distance_band(const GridSpec& grid, double band_m);

// The k nearest cell centres to each cell (i itself included, and not counted in k). Ties
// at the k-th distance are all included, so the weights do not depend on cell order.
SpatialWeights grid_k_nearest(const GridSpec& grid, int k);

// Distance band and k nearest between arbitrary points (polygon centroids, say), i included.
SpatialWeights points_distance_band(const std::vector<double>& x, const std::vector<double>& y, double band_m);
SpatialWeights points_k_nearest(const std::vector<double>& x, const std::vector<double>& y, int k);

} // namespace safermap::analysis
