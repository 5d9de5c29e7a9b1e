// SPDX-License-Identifier: MIT
#include "core/key_registry.hpp"

#include <fmt/format.h>

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

std::string KeyRegistry::content_key(const Hash128& content) {
    int n = ++m_occurrences[content];
    return fmt::format("h:{}#{}", content.hex(), n);
}

} // namespace safermap
