// SPDX-License-Identifier: MIT
#pragma once
// Terminal tables whose columns size to their content: names are never cut
// ("Sutton Junction & Harlow Wood" stays whole).

#include <cstdio>
#include <string>
#include <vector>

namespace safermap::cli {

class TextTable {
public:
    struct Column {
        std::string title;
        bool right_aligned = false; // numbers
    };
    explicit TextTable(std::vector<Column> columns);

    // A row of already formatted cells, one per column (missing cells print empty).
    void add(std::vector<std::string> cells);
    // The header, then every row; columns one space apart (`indent` spaces before each line).
    void print(std::FILE* out, int indent = 0) const;

private:
    std::vector<Column> m_columns;
    std::vector<std::vector<std::string>> m_rows;
};

// A count or weight for a table cell: whole numbers as they are ("1451"), others to one decimal
// ("187964.3"), so that harm sums do not print as 187964.2500000008.
std::string number_cell(double value);

} // namespace safermap::cli
