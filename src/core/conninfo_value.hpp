// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace safermap {

// One keyword's value in a libpq connection string ("host=/tmp dbname='my db'"), read as
// libpq reads it: single-quoted up to the closing quote, else bare up to white space; a
// backslash escapes the next character in either (so "a\ b" is one bare value). The one
// reader for both the project's PG: strings and the masking of passwords in messages.
struct ConninfoValue {
    std::size_t end = 0; // just past the value (past its closing quote)
    std::string text;    // unquoted and unescaped
    bool closed = true;  // false: a quoted value runs to the end of the string
};
ConninfoValue read_conninfo_value(std::string_view text, std::size_t at);

} // namespace safermap
