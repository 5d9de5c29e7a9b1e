// SPDX-License-Identifier: MIT
#pragma once

#include "core/hash128.hpp"

#include <cstddef>
#include <cstdint>
#include <vector>

namespace safermap::detail {

// An open-addressing set of 128-bit hashes: one flat array probed linearly, kept at most half
// full. A node-based std::unordered_set spends most of a million-row import allocating nodes and
// missing the cache; this spends 16 bytes a slot and one probe or two. The array lives in
// zeroed anonymous memory backed by huge pages where the kernel allows: a million keys span
// 32 MB, and with 4 kB pages nearly every probe also missed the TLB.
class Hash128Set {
public:
    Hash128Set() = default;
    ~Hash128Set();
    Hash128Set(const Hash128Set&) = delete;
    Hash128Set& operator=(const Hash128Set&) = delete;

    void reserve(std::size_t n);
    // True when `h` was not there before.
    bool insert(const Hash128& h);
    bool contains(const Hash128& h) const;
    // Starts loading the slot `h` probes first, so that a batch of inserts overlaps its misses.
    void prefetch(const Hash128& h) const {
        if (!m_capacity) return;
#if defined(__x86_64__)
        // GCC 12 drops __builtin_prefetch here once inlined into a caller (checked in the
        // assembly); the instruction itself is kept.
        asm volatile("prefetcht0 %0" : : "m"(m_slots[slot(h)]));
#else
        __builtin_prefetch(m_slots + slot(h));
#endif
    }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    void grow();
    // Maps the hash onto [0, capacity) by a multiply-shift (Lemire's fast range reduction), so
    // the capacity need not be a power of two and a table sized for n keys takes 2n slots,
    // not up to 4n.
    std::size_t slot(const Hash128& h) const {
        return static_cast<std::size_t>((static_cast<unsigned __int128>(h.lo ^ (h.hi >> 17)) * m_capacity) >> 64);
    }
    std::size_t next(std::size_t s) const { return s + 1 == m_capacity ? 0 : s + 1; }

    Hash128* m_slots = nullptr; // {0, 0} marks an empty slot
    std::size_t m_capacity = 0;
    std::size_t m_size = 0;
    bool m_has_zero = false;    // the one hash that cannot live in a slot
};

// How many times each 128-bit hash has been counted: the same flat, linearly probed layout
// (a count of 0 marks an empty slot), for the occurrence numbers of rows keyed by content.
class Hash128Counter {
public:
    Hash128Counter() = default;
    Hash128Counter(const Hash128Counter&) = delete;
    Hash128Counter& operator=(const Hash128Counter&) = delete;

    // Counts `h` once more and returns its count so far (1 the first time).
    std::uint32_t increment(const Hash128& h);
    void clear();

private:
    struct Slot {
        Hash128 key;
        std::uint32_t count = 0;
    };
    std::vector<Slot> m_slots; // a power of two in size
    std::size_t m_size = 0;
};

} // namespace safermap::detail
