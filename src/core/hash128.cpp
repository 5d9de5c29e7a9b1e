// SPDX-License-Identifier: MIT
#include "core/hash128.hpp"

#include <fmt/format.h>

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
    // Two FNV-1a lanes with different offsets and primes, each finalised by splitmix64.
    std::uint64_t a = 0xcbf29ce484222325ULL;
    std::uint64_t b = 0x84222325cbf29ce4ULL ^ bytes.size();
    for (unsigned char c : bytes) {
        a = (a ^ c) * 0x100000001b3ULL;
        b = (b ^ c) * 0x00000100000001b3ULL * 0x9e3779b97f4a7c15ULL;
    }
    return {mix(a ^ bytes.size()), mix(b + 0x9e3779b97f4a7c15ULL)};
}

std::string Hash128::hex() const { return fmt::format("{:016x}{:016x}", hi, lo); }

} // namespace safermap
