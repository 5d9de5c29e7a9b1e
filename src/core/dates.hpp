// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safermap {

// A calendar date parsed from an input, normalised to ISO 8601.
struct ParsedDate {
    std::string iso;   // "2025-01-31" or "2025-01-31T14:05:00"; "2025-01" for a month alone
    std::string month; // "2025-01"
};

// Parses "YYYY-MM" (police.uk Month). Empty result when the text is not a valid month.
std::optional<std::string> parse_month(std::string_view text);

// Parses the date forms councils export: YYYY-MM-DD (or YYYY/MM/DD, as OGR prints dates), YYYY-MM-DD[T ]HH:MM[:SS],
// DD/MM/YYYY [HH:MM[:SS]] (UK day-first, never US month-first) and YYYY-MM.
// Day, month, hour and minute ranges are checked, leap years included.
// Empty result when the text matches none of them.
std::optional<ParsedDate> parse_date(std::string_view text);

} // namespace safermap
