// SPDX-License-Identifier: MIT
#include "analysis/distinct_positions.hpp"

#include <algorithm>
#include <bit>
#include <cstdint>
#include <vector>

namespace safermap::analysis {

namespace {

// Position -> its index among the distinct positions: an open-addressing table probed
// linearly, doubled when half full. A node-based std::unordered_map spent most of a million
// distinct points' time allocating nodes and missing the cache.
class PositionTable {
public:
    // The index of (x bits, y bits), or `next` (then stored) when the position is new.
    std::uint32_t find_or_add(std::uint64_t x, std::uint64_t y, std::uint32_t next) {
        if (2 * (m_size + 1) > m_slots.size()) grow();
        for (std::size_t s = home(x, y);; s = (s + 1) & (m_slots.size() - 1)) {
            Slot& slot = m_slots[s];
            if (slot.id == k_empty) {
                slot = {x, y, next};
                ++m_size;
                return next;
            }
            if (slot.x == x && slot.y == y) return slot.id;
        }
    }

private:
    static constexpr std::uint32_t k_empty = 0xFFFFFFFF;
    struct Slot {
        std::uint64_t x = 0, y = 0;
        std::uint32_t id = k_empty;
    };
    std::size_t home(std::uint64_t x, std::uint64_t y) const {
        std::uint64_t h = x * 0x9e3779b97f4a7c15ULL ^ (y + 0x7f4a7c159e3779b9ULL + (x << 6) + (x >> 2));
        h ^= h >> 31;
        h *= 0xbf58476d1ce4e5b9ULL;
        h ^= h >> 29;
        return static_cast<std::size_t>(h) & (m_slots.size() - 1);
    }
    void grow() {
        std::vector<Slot> old(std::max<std::size_t>(1024, m_slots.size() * 2));
        old.swap(m_slots);
        m_size = 0;
        for (const Slot& slot : old)
            if (slot.id != k_empty) find_or_add(slot.x, slot.y, slot.id);
    }
    std::vector<Slot> m_slots; // a power of two in size
    std::size_t m_size = 0;
};

} // namespace

DistinctPositions distinct_positions(const std::vector<double>& x, const std::vector<double>& y) {
    DistinctPositions d;
    d.of_point.resize(x.size());
    PositionTable seen;
    for (std::size_t i = 0; i < x.size(); ++i) {
        // +0.0 and -0.0 are the same place.
        const double xi = x[i] == 0 ? 0.0 : x[i], yi = y[i] == 0 ? 0.0 : y[i];
        const auto next = static_cast<std::uint32_t>(d.x.size());
        const std::uint32_t id = seen.find_or_add(std::bit_cast<std::uint64_t>(xi), std::bit_cast<std::uint64_t>(yi), next);
        if (id == next) {
            d.x.push_back(xi);
            d.y.push_back(yi);
            d.count.push_back(0);
        }
        d.count[id] += 1;
        d.of_point[i] = id;
    }
    return d;
}

} // namespace safermap::analysis
