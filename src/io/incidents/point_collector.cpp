// SPDX-License-Identifier: MIT
#include "io/incidents/point_collector.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "geo/study_area.hpp"

namespace safermap::io {

PointCollector::PointCollector(PointSet& out, const PointFilter& filter) : m_out(out), m_filter(filter) {
    if (!filter.from_month.empty()) m_from = month_index(filter.from_month, "--from");
    if (!filter.to_month.empty()) m_to = month_index(filter.to_month, "--to");
    for (const auto& c : filter.categories) m_wanted.insert(name_key(c));
}

void PointCollector::write(const Incident& inc) { add(inc.xy, inc.month, inc.occurred, inc.category, inc.weight, inc.in_study_area); }

void PointCollector::write_point(const PointRow& row, const std::string& category) {
    if (!passes(category, row.month, std::nullopt)) return;
    keep(row.x, row.y, row.weight, row.month, row.day, category);
}

void PointCollector::add(const std::optional<XY>& xy, const std::string& month, const std::string& occurred,
                         const std::string& category, std::optional<double> weight, std::optional<bool> in_study_area) {
    const std::int32_t m = month_of(month);
    if (!passes(category, m, in_study_area)) return;
    if (!xy) {
        m_out.report.note("not_geocoded");
        return;
    }
    keep(xy->x, xy->y, weight.value_or(1.0), m, day_of(occurred), category);
}

bool PointCollector::passes(const std::string& category, std::int32_t m, std::optional<bool> in_study_area) {
    RunReport& r = m_out.report;
    if (!m_wanted.empty() && !wanted(category)) {
        r.note("filtered_out_by_category");
        return false;
    }
    if ((m_from && (m < 0 || m < *m_from)) || (m_to && (m < 0 || m > *m_to))) {
        r.note("filtered_out_by_month");
        return false;
    }
    if (m_filter.study_area_only && in_study_area && !*in_study_area) {
        r.note("filtered_out_outside_study_area");
        return false;
    }
    return true;
}

void PointCollector::keep(double x, double y, double weight, std::int32_t month, std::int32_t day, const std::string& category) {
    if (m_area && !m_area->contains(x, y)) {
        m_out.report.note("filtered_out_by_area");
        return;
    }
    m_out.x.push_back(x);
    m_out.y.push_back(y);
    m_out.weight.push_back(weight);
    m_out.month.push_back(month);
    m_out.day.push_back(day);
    m_out.category.push_back(category_id(category));
}

// Crime types match case-insensitively ("burglary" is "Burglary"); the answer for the last
// category is remembered, as rows come grouped by type.
bool PointCollector::wanted(const std::string& category) {
    if (category != m_last_seen) {
        m_last_seen = category;
        m_seen.insert(category);
        m_last_wanted = m_wanted.count(name_key(category)) > 0;
    }
    return m_last_wanted;
}

// Rows arrive sorted by month and often by type (a police.uk file is one month), so the last
// answer is remembered: parsing and looking up every row cost more than the rest.
std::int32_t PointCollector::month_of(const std::string& month) {
    if (month.empty()) return -1;
    if (month != m_last_month) {
        m_last_month_index = month_index(month, "month");
        m_last_month = month;
    }
    return m_last_month_index;
}

// police.uk rows have no date: the empty answer is the common one, so it is remembered too.
std::int32_t PointCollector::day_of(const std::string& occurred) {
    if (occurred != m_last_occurred) {
        m_last_day = day_number(occurred);
        m_last_occurred = occurred;
    }
    return m_last_day;
}

std::uint16_t PointCollector::category_id(const std::string& category) {
    if (m_last_category && *m_last_category == category) return m_last_category_id;
    auto [it, added] = m_category_ids.try_emplace(category, static_cast<std::uint16_t>(m_out.categories.size()));
    if (added) {
        if (m_out.categories.size() >= 65535) throw Error("more than 65,535 distinct categories");
        m_out.categories.push_back(category);
    }
    m_last_category = &it->first;
    m_last_category_id = it->second;
    return it->second;
}

} // namespace safermap::io
