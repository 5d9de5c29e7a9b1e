// SPDX-License-Identifier: MIT
#include "core/hash128.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>

namespace safermap {

namespace {
// splitmix64 finaliser (Steele, Lea & Flood 2014): a strong, cheap avalanche step.
std::uint64_t mix(std::uint64_t z) {
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}
} // namespace

Hash128 hash128(std::string_view bytes) {
    // Two lanes over 8-byte little-endian words, each word mixed by multiplication and a
    // rotation, then splitmix64-finalised with the length. The content keys stored in projects
    // ("h:<hex>#n") depend on this function: changing it changes those keys.
    std::uint64_t a = 0xcbf29ce484222325ULL ^ bytes.size();
    std::uint64_t b = 0x84222325cbf29ce4ULL + bytes.size();
    std::size_t i = 0;
    const std::size_t n = bytes.size();
    for (; i + 8 <= n; i += 8) {
        std::uint64_t w = 0;
        std::memcpy(&w, bytes.data() + i, 8);
        a = std::rotl((a ^ w) * 0x9e3779b97f4a7c15ULL, 29);
        b = std::rotl((b + w) * 0xc2b2ae3d27d4eb4fULL, 31) ^ a;
    }
    std::uint64_t tail = 0;
    if (i < n) std::memcpy(&tail, bytes.data() + i, n - i);
    a = std::rotl((a ^ tail) * 0x9e3779b97f4a7c15ULL, 29);
    b = std::rotl((b + tail) * 0xc2b2ae3d27d4eb4fULL, 31) ^ a;
    return {mix(a ^ (n << 1)), mix(b + 0x9e3779b97f4a7c15ULL)};
}

std::string Hash128::hex() const { return fmt::format("{:016x}{:016x}", hi, lo); }

} // namespace safermap
