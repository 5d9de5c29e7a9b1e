// SPDX-License-Identifier: MIT
#pragma once

#include "core/hash128.hpp"

#include <cstddef>
#include <vector>

namespace safermap::detail {

// An open-addressing set of 128-bit hashes: one flat array probed linearly, kept at most half
// full. A node-based std::unordered_set spends most of a million-row import allocating nodes and
// missing the cache; this spends 16 bytes a slot and one probe or two.
class Hash128Set {
public:
    void reserve(std::size_t n);
    // True when `h` was not there before.
    bool insert(const Hash128& h);
    bool contains(const Hash128& h) const;
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    void grow();
    std::size_t slot(const Hash128& h) const { return static_cast<std::size_t>(h.lo ^ (h.hi >> 17)) & (m_slots.size() - 1); }

    std::vector<Hash128> m_slots; // {0, 0} marks an empty slot
    std::size_t m_size = 0;
    bool m_has_zero = false;      // the one hash that cannot live in a slot
};

} // namespace safermap::detail
