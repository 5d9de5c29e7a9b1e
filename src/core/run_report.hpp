// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <map>
#include <string>

namespace safermap {

// What happened to the rows of one input (or of a whole import, by adding them up).
// Invariant: rows_read == kept + rejected().
struct RunReport {
    std::int64_t rows_read = 0;
    std::int64_t kept = 0;               // stored in the project
    std::int64_t not_geocoded = 0;       // kept, but without coordinates yet
    std::int64_t outside_study_area = 0; // kept, marked outside the study area
    std::map<std::string, std::int64_t> rejected_by_reason; // not stored
    std::map<std::string, std::int64_t> notes_by_reason;    // kept, with something to report

    std::int64_t rejected() const;
    void add(const RunReport& other);
    void note(const std::string& reason, std::int64_t n = 1) { notes_by_reason[reason] += n; }
};

} // namespace safermap
