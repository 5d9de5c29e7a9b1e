// SPDX-License-Identifier: MIT
#include "core/key_registry.hpp"

#include <fmt/format.h>

namespace safermap {

void KeyRegistry::add_existing(std::string_view key) { m_existing.insert(hash128(key)); }

KeyRegistry::Seen KeyRegistry::insert(std::string_view key) {
    Hash128 h = hash128(key);
    if (!m_existing.empty() && m_existing.contains(h)) return Seen::in_project;
    if (!m_added.insert(h)) return Seen::in_this_import;
    return Seen::new_key;
}

std::string KeyRegistry::content_key(std::span<const std::string> fields) {
    m_scratch.clear();
    for (const auto& f : fields) {
        m_scratch += f;
        m_scratch.push_back('\x1f'); // unit separator: cannot occur in a CSV field by accident
    }
    Hash128 h = hash128(m_scratch);
    int n = ++m_occurrences[h];
    return fmt::format("h:{}#{}", h.hex(), n);
}

} // namespace safermap
