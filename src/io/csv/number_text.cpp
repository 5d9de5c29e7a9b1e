// SPDX-License-Identifier: MIT
#include "io/csv/number_text.hpp"

#include <cctype>
#include <charconv>
#include <cmath>
#include <cstdint>

namespace safermap::io {

namespace {

constexpr double k_powers_of_ten[] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,  1e8,  1e9,  1e10, 1e11,
                                      1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};

// Coordinates as exports write them ("450027.53", "-1.259196"), without from_chars's general
// machinery: Clinger's fast path (PLDI 1990). With at most 15 digits the digits form an integer
// a double holds exactly, as it holds 10^k for k <= 22, and IEEE division rounds their quotient
// once, to nearest: the correctly rounded value, which is what from_chars returns. Empty for
// any other form (exponent, more digits, "5." or ".5"), which goes to from_chars.
std::optional<double> short_decimal(std::string_view text) {
    const char* p = text.data();
    const char* const end = p + text.size();
    const bool negative = p < end && *p == '-';
    if (negative) ++p;
    const char* const first = p;
    const char* point = nullptr;
    std::uint64_t digits = 0;
    int count = 0;
    for (; p < end; ++p) {
        if (*p >= '0' && *p <= '9') {
            if (++count > 15) return std::nullopt;
            digits = digits * 10 + static_cast<std::uint64_t>(*p - '0');
        } else if (*p == '.' && !point) {
            point = p;
        } else {
            return std::nullopt;
        }
    }
    if (count == 0 || point == first || (point && point + 1 == end)) return std::nullopt;
    const int after = point ? static_cast<int>(end - point - 1) : 0;
    const double value = static_cast<double>(digits) / k_powers_of_ten[after];
    return negative ? -value : value;
}

} // namespace

std::optional<double> parse_number(std::string_view text) {
    // A number's own first and last characters are never spaces: asking isspace (a call into
    // the C library) about them cost as much as the conversion, twice a coordinate.
    auto space = [](char c) {
        return !(c >= '0' && c <= '9') && c != '.' && c != '-' && std::isspace(static_cast<unsigned char>(c));
    };
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    if (!text.empty() && text.front() == '+') text.remove_prefix(1);
    if (auto value = short_decimal(text)) return value;
    double value = 0;
    auto [ptr, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || ptr != text.data() + text.size() || text.empty() || !std::isfinite(value))
        return std::nullopt;
    return value;
}

} // namespace safermap::io
