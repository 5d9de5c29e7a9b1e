// SPDX-License-Identifier: MIT
#include "app/cli/row_report.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::cli {

void print_row_report(std::FILE* out, const RunReport& report) {
    std::size_t width = 0;
    for (const auto& [reason, n] : report.notes_by_reason) width = std::max(width, reason.size());
    for (const auto& [reason, n] : report.rejected_by_reason) width = std::max(width, reason.size());
    for (const auto& [reason, n] : report.rejected_by_reason) fmt::print(out, "  rejected {:<{}} {:>8}\n", reason, width, n);
    for (const auto& [reason, n] : report.notes_by_reason) fmt::print(out, "  note     {:<{}} {:>8}\n", reason, width, n);
}

void print_written(std::FILE* out, const std::vector<std::string>& files) {
    if (files.empty()) return;
    std::string list;
    for (const auto& f : files) list += (list.empty() ? "" : ", ") + f;
    fmt::print(out, "written {}\n", list);
}

} // namespace safermap::cli
