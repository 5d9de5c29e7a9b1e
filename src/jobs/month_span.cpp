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

} // namespace safermap::jobs
