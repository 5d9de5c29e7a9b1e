// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace safermap {

// A 128-bit content hash, used to recognise rows already in a project without holding their
// keys as strings (16 bytes a row instead of ~100). Two independent 64-bit lanes make a false
// match between 10^9 rows less likely than 1 in 10^19.
struct Hash128 {
    std::uint64_t hi = 0;
    std::uint64_t lo = 0;
    friend bool operator==(const Hash128&, const Hash128&) = default;
    std::string hex() const;
};

Hash128 hash128(std::string_view bytes);

struct Hash128Hasher {
    std::size_t operator()(const Hash128& h) const noexcept { return static_cast<std::size_t>(h.lo ^ (h.hi >> 7)); }
};

} // namespace safermap
