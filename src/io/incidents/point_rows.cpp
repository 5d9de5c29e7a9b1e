// SPDX-License-Identifier: MIT
#include "io/incidents/point_rows.hpp"

#include "core/dates.hpp"
#include "io/incidents/month_numbers.hpp"

namespace safermap::io {

bool PointDates::read(std::string_view text, std::int32_t& month, std::int32_t& day) {
    if (!m_filled || text != m_text) {
        m_text.assign(text);
        m_filled = true;
        const auto date = parse_date(text);
        m_ok = date.has_value();
        if (m_ok) {
            // As MappedCsvFormat::parse fills Incident::month and ::occurred, and PointCollector
            // numbers them.
            m_month = month_index(date->month, "month");
            m_day = day_number(date->iso.size() > 7 ? std::string_view(date->iso) : std::string_view());
        }
    }
    month = m_month;
    day = m_day;
    return m_ok;
}

bool PointMonths::read(std::string_view text, std::int32_t& month) {
    if (!m_filled || text != m_text) {
        m_text.assign(text);
        m_filled = true;
        m_ok = parse_month(text).has_value();
        // The row's own text, numbered as PointCollector numbers a stored incident's month.
        if (m_ok) m_month = month_index(m_text, "month");
    }
    month = m_month;
    return m_ok;
}

} // namespace safermap::io
