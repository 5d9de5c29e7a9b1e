// SPDX-License-Identifier: MIT
#include "core/detail/hash128_set.hpp"

#include "core/memory_tuning.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstdint>
#include <new>

namespace safermap::detail {

namespace {

constexpr Hash128 k_empty{0, 0};
constexpr std::size_t k_huge_page = std::size_t{2} << 20;

// Zeroed memory for `count` slots; large tables are offered to transparent huge pages.
Hash128* allocate_slots(std::size_t count) {
    const std::size_t bytes = count * sizeof(Hash128);
    if (bytes < k_huge_page) {
        auto* p = static_cast<Hash128*>(::operator new(bytes));
        std::fill(p, p + count, k_empty);
        return p;
    }
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    advise_huge_pages(p, bytes);
    return static_cast<Hash128*>(p); // anonymous mappings start zeroed
}

void free_slots(Hash128* slots, std::size_t count) {
    if (!slots) return;
    const std::size_t bytes = count * sizeof(Hash128);
    if (bytes < k_huge_page) ::operator delete(slots);
    else munmap(slots, bytes);
}

} // namespace

Hash128Set::~Hash128Set() { free_slots(m_slots, m_capacity); }

void Hash128Set::reserve(std::size_t n) {
    const std::size_t want = std::max<std::size_t>(16, 2 * n);
    if (want <= m_capacity) return;
    Hash128* old = m_slots;
    const std::size_t old_capacity = m_capacity;
    m_slots = allocate_slots(want);
    m_capacity = want;
    for (std::size_t i = 0; i < old_capacity; ++i) {
        const Hash128& h = old[i];
        if (h == k_empty) continue;
        std::size_t s = slot(h);
        while (!(m_slots[s] == k_empty)) s = next(s);
        m_slots[s] = h;
    }
    free_slots(old, old_capacity);
}

void Hash128Set::grow() { reserve(m_capacity == 0 ? 16 : m_capacity); }

bool Hash128Set::insert(const Hash128& h) {
    if (h == k_empty) {
        if (m_has_zero) return false;
        m_has_zero = true;
        ++m_size;
        return true;
    }
    if (2 * (m_size + 1) > m_capacity) grow();
    std::size_t s = slot(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return false;
        s = next(s);
    }
    m_slots[s] = h;
    ++m_size;
    return true;
}

bool Hash128Set::contains(const Hash128& h) const {
    if (h == k_empty) return m_has_zero;
    if (m_capacity == 0) return false;
    std::size_t s = slot(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return true;
        s = next(s);
    }
    return false;
}

std::uint32_t Hash128Counter::increment(const Hash128& h) {
    if (2 * (m_size + 1) > m_slots.size()) {
        std::vector<Slot> old = std::move(m_slots);
        m_slots.assign(std::max<std::size_t>(64, 2 * old.size()), Slot{});
        m_size = 0;
        for (const Slot& o : old)
            if (o.count) {
                std::size_t s = (o.key.lo ^ (o.key.hi >> 17)) & (m_slots.size() - 1);
                while (m_slots[s].count) s = (s + 1) & (m_slots.size() - 1);
                m_slots[s] = o;
                ++m_size;
            }
    }
    std::size_t s = (h.lo ^ (h.hi >> 17)) & (m_slots.size() - 1);
    while (m_slots[s].count && !(m_slots[s].key == h)) s = (s + 1) & (m_slots.size() - 1);
    if (!m_slots[s].count) {
        m_slots[s].key = h;
        ++m_size;
    }
    return ++m_slots[s].count;
}

void Hash128Counter::clear() {
    m_slots.clear();
    m_size = 0;
}

} // namespace safermap::detail
