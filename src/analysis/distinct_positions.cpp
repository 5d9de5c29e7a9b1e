// SPDX-License-Identifier: MIT
#include "analysis/distinct_positions.hpp"

#include <bit>
#include <unordered_map>

namespace safermap::analysis {

namespace {
struct PairHash {
    std::size_t operator()(const std::pair<std::uint64_t, std::uint64_t>& p) const noexcept {
        std::uint64_t h = p.first * 0x9e3779b97f4a7c15ULL ^ (p.second + 0x7f4a7c159e3779b9ULL + (p.first << 6) + (p.first >> 2));
        h ^= h >> 31;
        return static_cast<std::size_t>(h * 0xbf58476d1ce4e5b9ULL);
    }
};
} // namespace

DistinctPositions distinct_positions(const std::vector<double>& x, const std::vector<double>& y) {
    DistinctPositions d;
    d.of_point.resize(x.size());
    std::unordered_map<std::pair<std::uint64_t, std::uint64_t>, std::uint32_t, PairHash> seen;
    seen.reserve(x.size() / 4 + 16);
    for (std::size_t i = 0; i < x.size(); ++i) {
        // +0.0 and -0.0 are the same place.
        const double xi = x[i] == 0 ? 0.0 : x[i], yi = y[i] == 0 ? 0.0 : y[i];
        auto key = std::make_pair(std::bit_cast<std::uint64_t>(xi), std::bit_cast<std::uint64_t>(yi));
        auto [it, added] = seen.try_emplace(key, static_cast<std::uint32_t>(d.x.size()));
        if (added) {
            d.x.push_back(xi);
            d.y.push_back(yi);
            d.count.push_back(0);
        }
        d.count[it->second] += 1;
        d.of_point[i] = it->second;
    }
    return d;
}

} // namespace safermap::analysis
