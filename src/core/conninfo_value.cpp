// SPDX-License-Identifier: MIT
#include "core/conninfo_value.hpp"

#include <cctype>

namespace safermap {

ConninfoValue read_conninfo_value(std::string_view text, std::size_t at) {
    ConninfoValue v;
    std::size_t i = at;
    const bool quoted = i < text.size() && text[i] == '\'';
    if (quoted) ++i;
    v.closed = !quoted;
    while (i < text.size()) {
        const char c = text[i];
        if (quoted ? c == '\'' : std::isspace(static_cast<unsigned char>(c)) != 0) break;
        if (c == '\\') { // escapes the next character, whatever it is; one at the very end is dropped
            if (++i < text.size()) v.text.push_back(text[i++]);
            continue;
        }
        v.text.push_back(text[i++]);
    }
    if (quoted && i < text.size()) {
        ++i; // the closing quote
        v.closed = true;
    }
    v.end = i;
    return v;
}

} // namespace safermap
