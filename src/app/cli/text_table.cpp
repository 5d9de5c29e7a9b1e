// SPDX-License-Identifier: MIT
#include "app/cli/text_table.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::cli {

namespace {

// Display width: UTF-8 continuation bytes take no column ("m²", "Ynys Môn").
std::size_t display_width(const std::string& s) {
    return static_cast<std::size_t>(std::count_if(s.begin(), s.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

} // namespace

TextTable::TextTable(std::vector<Column> columns) : m_columns(std::move(columns)) {}

void TextTable::add(std::vector<std::string> cells) {
    cells.resize(m_columns.size());
    m_rows.push_back(std::move(cells));
}

void TextTable::print(std::FILE* out, int indent) const {
    std::vector<std::size_t> width(m_columns.size());
    for (std::size_t c = 0; c < m_columns.size(); ++c) {
        width[c] = display_width(m_columns[c].title);
        for (const auto& row : m_rows) width[c] = std::max(width[c], display_width(row[c]));
    }
    auto line = [&](auto cell) {
        std::string text(static_cast<std::size_t>(indent), ' ');
        for (std::size_t c = 0; c < m_columns.size(); ++c) {
            const std::string& s = cell(c);
            const std::string pad(width[c] - display_width(s), ' ');
            if (c) text += ' ';
            text += m_columns[c].right_aligned ? pad + s : (c + 1 == m_columns.size() ? s : s + pad);
        }
        while (!text.empty() && text.back() == ' ') text.pop_back();
        fmt::print(out, "{}\n", text);
    };
    line([&](std::size_t c) -> const std::string& { return m_columns[c].title; });
    for (const auto& row : m_rows) line([&](std::size_t c) -> const std::string& { return row[c]; });
}

std::string number_cell(double value) {
    if (std::isfinite(value) && std::abs(value - std::round(value)) < 1e-9 * std::max(1.0, std::abs(value)))
        return fmt::format("{:.0f}", value);
    return fmt::format("{:.1f}", value);
}

} // namespace safermap::cli
