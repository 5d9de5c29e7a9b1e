// SPDX-License-Identifier: MIT
#pragma once
// Runs of whole months, as month indices (YYYY * 12 + MM - 1): one way to read --from/--to and
// FROM:TO periods for every command.

#include "io/incidents/point_loader.hpp"

#include <cstdint>
#include <string>

namespace safermap::jobs {

struct MonthSpan {
    std::int32_t from = 0, to = 0; // inclusive
    std::int32_t months() const { return to - from + 1; }
    bool contains(std::int32_t m) const { return m >= from && m <= to; }
};

// The filter's --from/--to; an end not given becomes `first` or `last`. Throws ConfigError
// for a month that is not YYYY-MM, or --from after --to (naming both).
MonthSpan month_span(const io::PointFilter& filter, std::int32_t first, std::int32_t last);

// "2025-01:2025-09" given as `flag`; ConfigError naming the flag for anything else or a span
// that runs backwards.
MonthSpan parse_month_span(const std::string& text, const char* flag);

// For people: "March 2025", "January to March 2025", "November 2024 to January 2025"; the
// short form "Jan-Mar 2025", "Nov 2024-Jan 2025" for method lines. Empty for an unknown end.
std::string long_period(std::int32_t from, std::int32_t to);
std::string short_period(std::int32_t from, std::int32_t to);

// The first and last known months of `points` (-1, -1 when none has one).
MonthSpan months_present(const io::PointSet& points);

} // namespace safermap::jobs
