// SPDX-License-Identifier: MIT
#include "io/incidents/month_numbers.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <chrono>

namespace safermap::io {

std::int32_t month_index(const std::string& text, const char* what) {
    auto m = parse_month(text);
    if (!m) throw ConfigError(fmt::format("{} '{}' is not a month (YYYY-MM)", what, text));
    return std::stoi(text.substr(0, 4)) * 12 + std::stoi(text.substr(5, 2)) - 1;
}

std::string month_text(std::int32_t index) { return fmt::format("{:04}-{:02}", index / 12, index % 12 + 1); }

std::int32_t day_number(std::string_view text) {
    if (text.size() < 10 || text[4] != '-' || text[7] != '-' || (text.size() > 10 && text[10] != 'T' && text[10] != ' ')) return -1;
    auto number = [&](std::size_t from, std::size_t to) {
        int n = 0;
        for (std::size_t k = from; k < to; ++k) {
            if (text[k] < '0' || text[k] > '9') return -1;
            n = n * 10 + (text[k] - '0');
        }
        return n;
    };
    const int y = number(0, 4), m = number(5, 7), d = number(8, 10);
    if (y < 0 || m < 1 || d < 1) return -1;
    const std::chrono::year_month_day date{std::chrono::year{y}, std::chrono::month{static_cast<unsigned>(m)},
                                           std::chrono::day{static_cast<unsigned>(d)}};
    if (!date.ok()) return -1;
    return static_cast<std::int32_t>(std::chrono::sys_days{date}.time_since_epoch().count());
}

} // namespace safermap::io
