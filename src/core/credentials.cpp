// SPDX-License-Identifier: MIT
#include "core/credentials.hpp"

#include "core/conninfo_value.hpp"

#include <cctype>

namespace safermap {

namespace {

bool starts_with_ci(std::string_view text, std::size_t at, std::string_view word) {
    if (text.size() - at < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(text[at + i])) != word[i]) return false;
    return true;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

// The end of a `password = value` that starts at `at`, or npos when `at` starts no such key
// (it must not be the tail of a longer word: "mypassword=" is someone else's key).
std::size_t password_value_start(std::string_view text, std::size_t at) {
    constexpr std::string_view k_key = "password";
    if (!starts_with_ci(text, at, k_key)) return std::string_view::npos;
    if (at > 0 && (std::isalnum(static_cast<unsigned char>(text[at - 1])) || text[at - 1] == '_')) return std::string_view::npos;
    std::size_t i = at + k_key.size();
    while (i < text.size() && is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '=') return std::string_view::npos;
    ++i;
    while (i < text.size() && is_space(text[i])) ++i;
    return i;
}

// For "scheme://user:secret@host": the position of "secret" and the '@' after it, when `at`
// starts a "://" whose authority has a password.
bool uri_password(std::string_view text, std::size_t at, std::size_t& begin, std::size_t& end) {
    if (text.compare(at, 3, "://") != 0) return false;
    const std::size_t authority = at + 3;
    std::size_t i = authority;
    while (i < text.size() && text[i] != '@' && text[i] != '/' && !is_space(text[i])) ++i;
    if (i >= text.size() || text[i] != '@') return false;
    const std::size_t colon = text.substr(authority, i - authority).find(':');
    if (colon == std::string_view::npos) return false;
    begin = authority + colon + 1;
    end = i;
    return true;
}

} // namespace

std::string mask_credentials(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    std::size_t i = 0;
    while (i < text.size()) {
        if (const std::size_t v = password_value_start(text, i); v != std::string_view::npos) {
            out.append(text.substr(i, v - i));
            out += "***";
            i = read_conninfo_value(text, v).end;
            continue;
        }
        std::size_t begin = 0, end = 0;
        if (uri_password(text, i, begin, end)) {
            out.append(text.substr(i, begin - i));
            out += "***";
            i = end;
            continue;
        }
        out.push_back(text[i]);
        ++i;
    }
    return out;
}

bool is_postgres_connection(std::string_view name) {
    return name.size() >= 3 && std::toupper(static_cast<unsigned char>(name[0])) == 'P' &&
           std::toupper(static_cast<unsigned char>(name[1])) == 'G' && name[2] == ':';
}

} // namespace safermap
