// SPDX-License-Identifier: MIT
#include "core/dates.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace safermap {

namespace {

// Reads exactly `width` digits at `pos`; advances pos.
std::optional<int> digits(std::string_view s, std::size_t& pos, std::size_t width) {
    if (pos + width > s.size()) return std::nullopt;
    int value = 0;
    for (std::size_t i = 0; i < width; ++i) {
        char c = s[pos + i];
        if (!std::isdigit(static_cast<unsigned char>(c))) return std::nullopt;
        value = value * 10 + (c - '0');
    }
    pos += width;
    return value;
}

bool expect(std::string_view s, std::size_t& pos, char c) {
    if (pos < s.size() && s[pos] == c) {
        ++pos;
        return true;
    }
    return false;
}

int days_in_month(int year, int month) {
    static constexpr int k_days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : k_days[month - 1];
}

bool valid_ymd(int y, int m, int d) {
    return y >= 1900 && y <= 2100 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
}

// Optional " HH:MM[:SS]" or "THH:MM[:SS]" tail; returns false if present but malformed.
bool parse_time(std::string_view s, std::size_t& pos, std::string& out) {
    if (pos == s.size()) return true;
    if (s[pos] != ' ' && s[pos] != 'T') return false;
    ++pos;
    auto hh = digits(s, pos, 2);
    if (!hh || !expect(s, pos, ':')) return false;
    auto mm = digits(s, pos, 2);
    if (!mm) return false;
    int ss = 0;
    if (expect(s, pos, ':')) {
        auto sec = digits(s, pos, 2);
        if (!sec) return false;
        ss = *sec;
    }
    if (pos != s.size() || *hh > 23 || *mm > 59 || ss > 59) return false;
    out = fmt::format("T{:02}:{:02}:{:02}", *hh, *mm, ss);
    return true;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
    while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
    return s;
}

} // namespace

std::optional<std::string> parse_month(std::string_view text) {
    std::size_t pos = 0;
    auto y = digits(text, pos, 4);
    if (!y || !expect(text, pos, '-')) return std::nullopt;
    auto m = digits(text, pos, 2);
    if (!m || pos != text.size() || !valid_ymd(*y, *m, 1)) return std::nullopt;
    return std::string(text);
}

std::optional<ParsedDate> parse_date(std::string_view raw) {
    std::string_view text = trim(raw);
    std::size_t pos = 0;
    int y = 0, m = 0, d = 0;
    const bool year_first = text.size() >= 5 && (text[4] == '-' || text[4] == '/') &&
                            std::all_of(text.begin(), text.begin() + 4, [](char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; });
    if (year_first) {
        // ISO, or OGR's own rendering of date fields (YYYY/MM/DD).
        const char sep = text[4];
        auto yy = digits(text, pos, 4);
        if (!yy || !expect(text, pos, sep)) return std::nullopt;
        auto mm = digits(text, pos, 2);
        if (!mm) return std::nullopt;
        if (pos == text.size()) {
            if (!valid_ymd(*yy, *mm, 1)) return std::nullopt;
            std::string month = fmt::format("{:04}-{:02}", *yy, *mm);
            return ParsedDate{month, month};
        }
        if (!expect(text, pos, sep)) return std::nullopt;
        auto dd = digits(text, pos, 2);
        if (!dd) return std::nullopt;
        y = *yy, m = *mm, d = *dd;
    } else {
        // DD/MM/YYYY, allowing one-digit day and month as spreadsheets write them.
        auto read_1or2 = [&](int& out) {
            auto two = digits(text, pos, 2);
            if (two) { out = *two; return true; }
            auto one = digits(text, pos, 1);
            if (one) { out = *one; return true; }
            return false;
        };
        if (!read_1or2(d) || !expect(text, pos, '/') || !read_1or2(m) || !expect(text, pos, '/'))
            return std::nullopt;
        auto yy = digits(text, pos, 4);
        if (!yy) return std::nullopt;
        y = *yy;
    }
    if (!valid_ymd(y, m, d)) return std::nullopt;
    std::string time;
    if (!parse_time(text, pos, time)) return std::nullopt;
    return ParsedDate{fmt::format("{:04}-{:02}-{:02}{}", y, m, d, time), fmt::format("{:04}-{:02}", y, m)};
}

} // namespace safermap
