// SPDX-License-Identifier: MIT
#include "core/detail/hash128_set.hpp"

#include "core/memory_tuning.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <cstring>
#include <new>

namespace safermap::detail {

namespace {
constexpr Hash128 k_empty{0, 0};
constexpr std::size_t k_huge_page = std::size_t{2} << 20;
constexpr std::size_t k_min_slots = 16;
} // namespace

void* allocate_zeroed(std::size_t bytes) {
    if (bytes < k_huge_page) {
        void* p = ::operator new(bytes);
        std::memset(p, 0, bytes);
        return p;
    }
    void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    advise_huge_pages(p, bytes);
    return p; // anonymous mappings start zeroed
}

void free_zeroed(void* data, std::size_t bytes) {
    if (bytes < k_huge_page) ::operator delete(data);
    else munmap(data, bytes);
}

void Hash128Set::reserve(std::size_t n) {
    const std::size_t want = std::max(k_min_slots, 2 * n);
    if (want <= m_slots.capacity()) return;
    FlatSlots<Hash128> old = std::exchange(m_slots, FlatSlots<Hash128>(want));
    for (std::size_t i = 0; i < old.capacity(); ++i) {
        if (old[i] == k_empty) continue;
        std::size_t s = m_slots.home(old[i]);
        while (!(m_slots[s] == k_empty)) s = m_slots.next(s);
        m_slots[s] = old[i];
    }
}

bool Hash128Set::insert(const Hash128& h) {
    if (h == k_empty) {
        if (m_has_zero) return false;
        m_has_zero = true;
        ++m_size;
        return true;
    }
    if (2 * (m_size + 1) > m_slots.capacity()) reserve(std::max(m_slots.capacity(), k_min_slots));
    std::size_t s = m_slots.home(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return false;
        s = m_slots.next(s);
    }
    m_slots[s] = h;
    ++m_size;
    return true;
}

bool Hash128Set::contains(const Hash128& h) const {
    if (h == k_empty) return m_has_zero;
    if (m_slots.capacity() == 0) return false;
    std::size_t s = m_slots.home(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return true;
        s = m_slots.next(s);
    }
    return false;
}

void Hash128Counter::reserve(std::size_t n) {
    const std::size_t want = std::max(k_min_slots, 2 * n);
    if (want <= m_slots.capacity()) return;
    FlatSlots<Slot> old = std::exchange(m_slots, FlatSlots<Slot>(want));
    for (std::size_t i = 0; i < old.capacity(); ++i) {
        if (!old[i].count) continue;
        std::size_t s = m_slots.home(old[i].key);
        while (m_slots[s].count) s = m_slots.next(s);
        m_slots[s] = old[i];
    }
}

std::uint32_t Hash128Counter::increment(const Hash128& h) {
    if (2 * (m_size + 1) > m_slots.capacity()) reserve(std::max(m_slots.capacity(), k_min_slots));
    std::size_t s = m_slots.home(h);
    while (m_slots[s].count && !(m_slots[s].key == h)) s = m_slots.next(s);
    if (!m_slots[s].count) {
        m_slots[s].key = h;
        ++m_size;
    }
    return ++m_slots[s].count;
}

void Hash128Counter::clear() {
    m_slots = FlatSlots<Slot>();
    m_size = 0;
}

} // namespace safermap::detail
