// SPDX-License-Identifier: MIT
#pragma once
// Positions along a Hilbert curve: points close on the curve are close on the ground, so work
// done in curve order touches memory (an R-tree's nodes, a k-d tree's leaves) a little at a time.

#include <cstdint>
#include <span>
#include <vector>

namespace safermap {

// The index of cell (x, y) of a 2^16 x 2^16 grid along the curve.
std::uint64_t hilbert_index(std::uint32_t x, std::uint32_t y);

// The grid cell of `v` in [lo, hi] on that grid's side (0 when hi <= lo).
std::uint32_t hilbert_cell(double v, double lo, double hi);

// The indices of the points (x[i], y[i]) in curve order over their bounding box, ties in index
// order.
std::vector<std::uint32_t> hilbert_order(std::span<const double> x, std::span<const double> y);

} // namespace safermap
