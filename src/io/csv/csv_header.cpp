// SPDX-License-Identifier: MIT
#include "io/csv/csv_header.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cctype>

namespace safermap::io {

namespace {

std::string fold(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
    while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
    std::string out;
    for (std::size_t i = b; i < e; ++i) out += static_cast<char>(std::tolower(static_cast<unsigned char>(s[i])));
    return out;
}

} // namespace

CsvHeader::CsvHeader(std::vector<std::string> names) : m_names(std::move(names)) {
    for (const auto& n : m_names) m_folded.push_back(fold(n));
}

int CsvHeader::find(std::initializer_list<std::string_view> aliases) const {
    for (auto alias : aliases) {
        const std::string a = fold(alias);
        for (std::size_t i = 0; i < m_folded.size(); ++i)
            if (m_folded[i] == a) return static_cast<int>(i);
    }
    return -1;
}

int CsvHeader::require(const std::string& name, const std::string& path, std::string_view flag) const {
    int i = find({name});
    if (i < 0) throw ConfigError(fmt::format("{}: no column '{}' for {} (columns: {})", path, name, flag, listing()));
    return i;
}

std::string field_or_empty(const std::vector<std::string>& f, int i) {
    return i >= 0 && static_cast<std::size_t>(i) < f.size() ? f[static_cast<std::size_t>(i)] : std::string();
}

std::string CsvHeader::listing() const { return fmt::format("{}", fmt::join(m_names, ", ")); }

} // namespace safermap::io
