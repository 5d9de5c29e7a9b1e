// SPDX-License-Identifier: MIT
#pragma once
// parse_number's rule as written before its fast path (io/csv/number_text): trimmed, one '+'
// dropped, then std::from_chars, finite only. The unit test and the point_rows fuzz target
// check the fast path against it.

#include <cctype>
#include <charconv>
#include <cmath>
#include <optional>
#include <string_view>

namespace safermap::test {

inline std::optional<double> number_by_from_chars(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty() || !std::isfinite(value)) return std::nullopt;
    return value;
}

} // namespace safermap::test
