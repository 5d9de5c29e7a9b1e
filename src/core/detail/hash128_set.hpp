// SPDX-License-Identifier: MIT
#pragma once

#include "core/hash128.hpp"

#include <cstddef>
#include <cstdint>
#include <utility>

namespace safermap::detail {

// Zeroed memory for a flat table: small arrays from the heap, large ones mapped fresh (the
// kernel zeroes them) and offered to transparent huge pages: a million keys span tens of MB,
// and with 4 kB pages nearly every probe also missed the TLB.
void* allocate_zeroed(std::size_t bytes);
void free_zeroed(void* data, std::size_t bytes);

// A fixed number of zeroed slots (all-zero bytes mark an empty slot) and where a hash's probe
// starts: Lemire's multiply-shift range reduction, so any capacity works and a table sized for
// n keys takes 2n slots, not up to 4n.
template <typename Slot>
class FlatSlots {
public:
    FlatSlots() = default;
    explicit FlatSlots(std::size_t capacity)
        : m_data(static_cast<Slot*>(allocate_zeroed(capacity * sizeof(Slot)))), m_capacity(capacity) {}
    ~FlatSlots() {
        if (m_data) free_zeroed(m_data, m_capacity * sizeof(Slot));
    }
    FlatSlots(FlatSlots&& other) noexcept
        : m_data(std::exchange(other.m_data, nullptr)), m_capacity(std::exchange(other.m_capacity, 0)) {}
    FlatSlots& operator=(FlatSlots&& other) noexcept {
        std::swap(m_data, other.m_data);
        std::swap(m_capacity, other.m_capacity);
        return *this;
    }

    std::size_t capacity() const { return m_capacity; }
    Slot& operator[](std::size_t i) { return m_data[i]; }
    const Slot& operator[](std::size_t i) const { return m_data[i]; }
    std::size_t home(const Hash128& h) const {
        return static_cast<std::size_t>((static_cast<unsigned __int128>(h.lo ^ (h.hi >> 17)) * m_capacity) >> 64);
    }
    std::size_t next(std::size_t s) const { return s + 1 == m_capacity ? 0 : s + 1; }
    // Starts loading the slot `h` probes first, so that a batch of lookups overlaps its misses.
    void prefetch(const Hash128& h) const {
        if (!m_capacity) return;
#if defined(__x86_64__)
        // GCC 12 drops __builtin_prefetch here once inlined into a caller (checked in the
        // assembly); the instruction itself is kept.
        asm volatile("prefetcht0 %0" : : "m"(m_data[home(h)]));
#else
        __builtin_prefetch(m_data + home(h));
#endif
    }

private:
    Slot* m_data = nullptr;
    std::size_t m_capacity = 0;
};

// An open-addressing set of 128-bit hashes: one flat array probed linearly, kept at most half
// full. A node-based std::unordered_set spends most of a million-row import allocating nodes and
// missing the cache; this spends 16 bytes a slot and one probe or two.
class Hash128Set {
public:
    void reserve(std::size_t n);
    // True when `h` was not there before.
    bool insert(const Hash128& h);
    bool contains(const Hash128& h) const;
    void prefetch(const Hash128& h) const { m_slots.prefetch(h); }
    std::size_t size() const { return m_size; }
    bool empty() const { return m_size == 0; }

private:
    FlatSlots<Hash128> m_slots; // {0, 0} marks an empty slot
    std::size_t m_size = 0;
    bool m_has_zero = false;    // the one hash that cannot live in a slot
};

// How many times each 128-bit hash has been counted, in the same layout (a count of 0 marks an
// empty slot): the occurrence numbers of rows keyed by their content.
class Hash128Counter {
public:
    void reserve(std::size_t n);
    // Counts `h` once more and returns its count so far (1 the first time).
    std::uint32_t increment(const Hash128& h);
    void clear();

private:
    struct Slot {
        Hash128 key;
        std::uint32_t count;
    };
    FlatSlots<Slot> m_slots;
    std::size_t m_size = 0;
};

} // namespace safermap::detail
