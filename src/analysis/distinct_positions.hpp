// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <vector>

namespace safermap::analysis {

// The distinct positions of a point set and how many points share each. police.uk publishes
// snap points, so a force's million incidents sit on a few tens of thousands of positions;
// neighbour searches over positions instead of incidents give the same answers far faster.
struct DistinctPositions {
    std::vector<double> x, y;
    std::vector<double> count;              // points at each position
    std::vector<std::uint32_t> of_point;    // position index of each input point
};

// Positions are equal when their coordinates are bit-for-bit equal. Order: first appearance.
DistinctPositions distinct_positions(const std::vector<double>& x, const std::vector<double>& y);

} // namespace safermap::analysis
