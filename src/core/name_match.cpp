// SPDX-License-Identifier: MIT
#include "core/name_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <numeric>

namespace safermap {

namespace {

// Plain Levenshtein distance over bytes: names here are short, so O(|a||b|) is nothing.
std::size_t levenshtein(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    std::iota(row.begin(), row.end(), std::size_t{0});
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t above = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = above;
        }
    }
    return row[b.size()];
}

} // namespace

std::string name_key(std::string_view name) {
    std::string out;
    out.reserve(name.size());
    bool space = false;
    for (char c : name) {
        if (std::isspace(static_cast<unsigned char>(c))) {
            space = !out.empty();
            continue;
        }
        if (space) out.push_back(' ');
        space = false;
        out.push_back(static_cast<char>(std::tolower(static_cast<unsigned char>(c))));
    }
    return out;
}

std::optional<std::string> find_name(std::string_view wanted, const std::vector<std::string>& existing) {
    const std::string key = name_key(wanted);
    for (const auto& e : existing)
        if (name_key(e) == key) return e;
    return std::nullopt;
}

std::optional<std::string> closest_name(std::string_view wanted, const std::vector<std::string>& existing) {
    const std::string key = name_key(wanted);
    // A name that begins with what was typed ("Kirkby Cros" for "Kirkby Cross & Portland")
    // is the suggestion when it is the only one.
    std::optional<std::string> prefixed;
    int prefixes = 0;
    for (const auto& e : existing)
        if (key.size() >= 3 && name_key(e).starts_with(key)) prefixed = e, ++prefixes;
    if (prefixes == 1) return prefixed;
    std::optional<std::string> best;
    std::size_t best_distance = 0;
    for (const auto& e : existing) {
        const std::size_t d = levenshtein(key, name_key(e));
        if (!best || d < best_distance) {
            best = e;
            best_distance = d;
        }
    }
    if (best && best_distance > std::max<std::size_t>(1, name_key(*best).size() / 2)) return std::nullopt;
    return best;
}

std::string no_such_name_message(std::string_view what, std::string_view wanted, std::string_view where,
                                 const std::vector<std::string>& existing, std::size_t limit) {
    if (existing.empty()) return fmt::format("no {} '{}'; {} has none", what, wanted, where);
    std::string list;
    for (std::size_t i = 0; i < existing.size() && i < limit; ++i) list += (i ? ", " : "") + existing[i];
    if (existing.size() > limit) list += fmt::format(", ... ({} more)", existing.size() - limit);
    std::string out = fmt::format("no {} '{}'; {} has: {}", what, wanted, where, list);
    if (auto near = closest_name(wanted, existing)) out += fmt::format(" (did you mean '{}'?)", *near);
    return out;
}

} // namespace safermap
