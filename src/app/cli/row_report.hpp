// SPDX-License-Identifier: MIT
#pragma once
// What every command that reads rows shows about them, printed one way.

#include "core/run_report.hpp"

#include <cstdio>
#include <string>
#include <vector>

namespace safermap::cli {

// "  rejected bad_month   3" and "  note     outside_every_polygon  12", one line per reason,
// rejections first, the reasons padded to the longest; nothing when the report has neither.
void print_row_report(std::FILE* out, const RunReport& report);

// "written a.csv, a.csv.json"; nothing for an empty list.
void print_written(std::FILE* out, const std::vector<std::string>& files);

} // namespace safermap::cli
