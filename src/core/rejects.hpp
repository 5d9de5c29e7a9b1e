// SPDX-License-Identifier: MIT
#pragma once

#include "core/run_report.hpp"

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace safermap {

// Why a row cannot be stored: a stable snake_case reason code (counted and written to the
// rejects file) and human-readable specifics.
struct Rejection {
    std::string reason;
    std::string detail;
};

// One input row (or feature) that was not stored, and why.
struct RejectedRow {
    std::string_view source; // file name
    std::int64_t line;       // 1-based line of the row's first line (feature id for vector data)
    std::string_view reason; // stable snake_case code, e.g. "no_location"
    std::string_view detail; // human-readable specifics, e.g. "Month '2025-13' is not YYYY-MM"
    std::string_view raw;    // the row as read, for review
};

// Counts rejected rows by reason in a RunReport and hands each to an optional sink
// (RejectsWriter writes rejects.csv). Nothing is dropped without passing through here.
class Rejects {
public:
    using Sink = std::function<void(const RejectedRow&)>;

    explicit Rejects(Sink sink = {}) : m_sink(std::move(sink)) {}

    void add(RunReport& report, const RejectedRow& row) {
        ++report.rejected_by_reason[std::string(row.reason)];
        if (m_sink) m_sink(row);
    }

private:
    Sink m_sink;
};

} // namespace safermap
