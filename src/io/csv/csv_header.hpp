// SPDX-License-Identifier: MIT
#pragma once

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::io {

// Column lookup in a CSV header row, ignoring case and surrounding spaces.
class CsvHeader {
public:
    CsvHeader() = default;
    explicit CsvHeader(std::vector<std::string> names);

    // The first column named like one of `aliases`, or -1.
    int find(std::initializer_list<std::string_view> aliases) const;
    // The column `name`; ConfigError naming `path`, `flag` and the columns there are when missing.
    int require(const std::string& name, const std::string& path, std::string_view flag) const;

    const std::vector<std::string>& names() const { return m_names; }
    std::size_t size() const { return m_names.size(); }
    // "a, b, c" for messages.
    std::string listing() const;

private:
    std::vector<std::string> m_names;
    std::vector<std::string> m_folded;
};

// Field `i` of a record, or "" when the record is shorter or `i` is -1 (a column not present).
std::string field_or_empty(const std::vector<std::string>& fields, int i);

} // namespace safermap::io
