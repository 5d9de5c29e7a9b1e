// SPDX-License-Identifier: MIT
#include "core/key_registry.hpp"

#include <fmt/format.h>

#include <iterator>

namespace safermap {

void KeyRegistry::add_existing(std::string_view key) { m_existing.insert(hash128(key)); }

KeyRegistry::Seen KeyRegistry::insert_hashed(const Hash128& h) {
    if (!m_existing.empty() && m_existing.contains(h)) return Seen::in_project;
    if (!m_added.insert(h)) return Seen::in_this_import;
    return Seen::new_key;
}

Hash128 KeyRegistry::content_hash(std::span<const std::string> fields) {
    std::string joined;
    for (const auto& f : fields) {
        joined += f;
        joined.push_back('\x1f'); // unit separator: cannot occur in a CSV field by accident
    }
    return hash128(joined);
}

void KeyRegistry::content_key(const Hash128& content, std::string& key) {
    const std::uint32_t n = m_occurrences.increment(content);
    key.clear();
    fmt::format_to(std::back_inserter(key), "h:{:016x}{:016x}#{}", content.hi, content.lo, n); // "h:" + hex() + "#n"
}

} // namespace safermap
