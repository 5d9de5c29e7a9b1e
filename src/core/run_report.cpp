// SPDX-License-Identifier: MIT
#include "core/run_report.hpp"

namespace safermap {

std::int64_t RunReport::rejected() const {
    std::int64_t n = 0;
    for (const auto& [reason, count] : rejected_by_reason) n += count;
    return n;
}

void RunReport::add(const RunReport& other) {
    rows_read += other.rows_read;
    kept += other.kept;
    not_geocoded += other.not_geocoded;
    outside_study_area += other.outside_study_area;
    for (const auto& [reason, count] : other.rejected_by_reason) rejected_by_reason[reason] += count;
    for (const auto& [reason, count] : other.notes_by_reason) notes_by_reason[reason] += count;
}

} // namespace safermap
