// SPDX-License-Identifier: MIT
#pragma once

#include <string>
#include <string_view>

namespace safermap {

// True when `bytes` is well-formed UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF).
bool is_valid_utf8(std::string_view bytes);

// Re-encodes Windows-1252 text (what UK council spreadsheets export: "£" is 0xA3) as UTF-8.
// The five bytes 1252 leaves undefined map to U+FFFD.
std::string cp1252_to_utf8(std::string_view bytes);

} // namespace safermap
