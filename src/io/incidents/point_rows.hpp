// SPDX-License-Identifier: MIT
#pragma once
// Rows read as bare points: what an analysis of one file needs from a row that has a position
// and nothing to reject (IncidentImporter::set_point_sink). Everything else about the row, its
// other columns and its key, is never built.

#include <cstdint>
#include <string>
#include <string_view>

namespace safermap::io {

struct PointRow {
    double x = 0, y = 0;     // in the working CRS
    double weight = 1;       // 1 unless the row gave one
    std::int32_t month = -1; // months since year 0 (month_index); -1 when the row has no date
    std::int32_t day = -1;   // days since 1970-01-01 (day_number); -1 without a whole date
    std::uint32_t category = 0; // index into its chunk's `categories`
};

// Where bare points go, in input order, as PointCollector takes them. `category` is the row's
// category text as an Incident would hold it ("" when none is mapped).
class PointRowSink {
public:
    virtual ~PointRowSink() = default;
    virtual void write_point(const PointRow& row, const std::string& category) = 0;
};

// The month and day numbers of a date column's text, as the importer and PointCollector work
// them out (parse_date, then month_index and day_number), remembering the last text: exports
// come sorted by date, and parsing every row's date cost more than the rest of the row.
// One per thread.
class PointDates {
public:
    // False when parse_date refuses `text` (the row is then rejected as bad_date).
    bool read(std::string_view text, std::int32_t& month, std::int32_t& day);

private:
    std::string m_text;
    bool m_ok = false, m_filled = false;
    std::int32_t m_month = -1, m_day = -1;
};

// The month number of a police.uk Month column ("2025-03"), as parse_police_uk_row checks it
// and PointCollector numbers it, remembering the last text: a police.uk file is one month.
// One per thread.
class PointMonths {
public:
    // False when parse_month refuses `text` (the row is then rejected as bad_month).
    bool read(std::string_view text, std::int32_t& month);

private:
    std::string m_text;
    bool m_ok = false, m_filled = false;
    std::int32_t m_month = -1;
};

} // namespace safermap::io
