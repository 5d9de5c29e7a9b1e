// SPDX-License-Identifier: MIT
#include "jobs/month_span.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <limits>

namespace safermap::jobs {

MonthSpan month_span(const io::PointFilter& filter, std::int32_t first, std::int32_t last) {
    MonthSpan s{filter.from_month.empty() ? first : io::month_index(filter.from_month, "--from"),
                filter.to_month.empty() ? last : io::month_index(filter.to_month, "--to")};
    if (s.from > s.to)
        throw ConfigError(fmt::format("--from {} is after --to {}", io::month_text(s.from), io::month_text(s.to)));
    return s;
}

MonthSpan parse_month_span(const std::string& text, const char* flag) {
    const auto colon = text.find(':');
    if (colon == std::string::npos) throw ConfigError(fmt::format("{} '{}' must be FROM:TO months, e.g. 2025-01:2025-09", flag, text));
    MonthSpan s{io::month_index(text.substr(0, colon), flag), io::month_index(text.substr(colon + 1), flag)};
    if (s.from > s.to) throw ConfigError(fmt::format("{} '{}' runs backwards", flag, text));
    return s;
}

MonthSpan months_present(const io::PointSet& points) {
    MonthSpan s{std::numeric_limits<std::int32_t>::max(), -1};
    for (auto m : points.month)
        if (m >= 0) s.from = std::min(s.from, m), s.to = std::max(s.to, m);
    if (s.to < 0) s.from = -1;
    return s;
}

namespace {
const char* const k_month_names[] = {"January", "February", "March",     "April",   "May",      "June",
                                     "July",    "August",   "September", "October", "November", "December"};
} // namespace

std::string long_period(std::int32_t from, std::int32_t to) {
    if (from < 0 || to < 0) return "";
    auto text = [](std::int32_t m) { return fmt::format("{} {}", k_month_names[m % 12], m / 12); };
    if (from == to) return text(from);
    if (from / 12 == to / 12) return fmt::format("{} to {} {}", k_month_names[from % 12], k_month_names[to % 12], to / 12);
    return fmt::format("{} to {}", text(from), text(to));
}

std::string short_period(std::int32_t from, std::int32_t to) {
    if (from < 0 || to < 0) return "";
    auto abbr = [](std::int32_t m) { return std::string(k_month_names[m % 12]).substr(0, 3); };
    if (from == to) return fmt::format("{} {}", abbr(from), from / 12);
    if (from / 12 == to / 12) return fmt::format("{}-{} {}", abbr(from), abbr(to), to / 12);
    return fmt::format("{} {}-{} {}", abbr(from), from / 12, abbr(to), to / 12);
}

} // namespace safermap::jobs
