// SPDX-License-Identifier: MIT
#include "core/detail/hash128_set.hpp"

#include <bit>

namespace safermap::detail {

namespace {
constexpr Hash128 k_empty{0, 0};
}

void Hash128Set::reserve(std::size_t n) {
    const std::size_t want = std::bit_ceil(std::max<std::size_t>(16, 2 * n));
    if (want <= m_slots.size()) return;
    std::vector<Hash128> old = std::move(m_slots);
    m_slots.assign(want, k_empty);
    for (const auto& h : old)
        if (!(h == k_empty)) {
            std::size_t s = slot(h);
            while (!(m_slots[s] == k_empty)) s = (s + 1) & (m_slots.size() - 1);
            m_slots[s] = h;
        }
}

void Hash128Set::grow() { reserve(m_slots.empty() ? 16 : m_slots.size()); }

bool Hash128Set::insert(const Hash128& h) {
    if (h == k_empty) {
        if (m_has_zero) return false;
        m_has_zero = true;
        ++m_size;
        return true;
    }
    if (2 * (m_size + 1) > m_slots.size()) grow();
    std::size_t s = slot(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return false;
        s = (s + 1) & (m_slots.size() - 1);
    }
    m_slots[s] = h;
    ++m_size;
    return true;
}

bool Hash128Set::contains(const Hash128& h) const {
    if (h == k_empty) return m_has_zero;
    if (m_slots.empty()) return false;
    std::size_t s = slot(h);
    while (!(m_slots[s] == k_empty)) {
        if (m_slots[s] == h) return true;
        s = (s + 1) & (m_slots.size() - 1);
    }
    return false;
}

} // namespace safermap::detail
