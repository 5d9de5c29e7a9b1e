// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string_view>

namespace safermap::io {

// Parses a decimal number that fills the whole of `text` (surrounding spaces and one leading
// '+' allowed), as std::from_chars reads it (exponents too); empty for anything else and for
// infinities and NaN. Correctly rounded, so that the same text always gives the same double.
std::optional<double> parse_number(std::string_view text);

} // namespace safermap::io
