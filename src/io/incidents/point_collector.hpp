// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident_sink.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/incidents/point_rows.hpp"

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>

namespace safermap::geo {
class StudyArea;
}

namespace safermap::io {

// Appends incidents to a PointSet, applying the month, category, study-area and area filters
// of a PointFilter and counting what they drop (and what has no position) as notes in the
// set's report. Takes whole incidents from an importer, a project's columns through add(),
// and bare points from a points-only read (IncidentImporter::set_point_sink): a row gives the
// same point, and the same notes, whichever way it comes.
class PointCollector : public IncidentSink, public PointRowSink {
public:
    // Throws ConfigError for a --from or --to that is not a month.
    PointCollector(PointSet& out, const PointFilter& filter);

    void write(const Incident& incident) override;
    void write_point(const PointRow& row, const std::string& category) override;
    // `month` is YYYY-MM or empty, `occurred` an ISO date (or date-time) or empty; throws
    // ConfigError for a month in any other form.
    void add(const std::optional<XY>& xy, const std::string& month, const std::string& occurred, const std::string& category,
             std::optional<double> weight, std::optional<bool> in_study_area);

    // Only incidents inside `area` (not owned; null: no area filter).
    void set_area(const geo::StudyArea* area) { m_area = area; }

    // Every category met, kept or not, to list when a wanted one never turned up.
    const std::set<std::string>& seen_categories() const { return m_seen; }

private:
    // The filters that need no position, in order; false (with a note) when one drops the row.
    bool passes(const std::string& category, std::int32_t month, std::optional<bool> in_study_area);
    void keep(double x, double y, double weight, std::int32_t month, std::int32_t day, const std::string& category);
    bool wanted(const std::string& category);
    std::int32_t month_of(const std::string& month);
    std::int32_t day_of(const std::string& occurred);
    std::uint16_t category_id(const std::string& category);

    PointSet& m_out;
    const PointFilter& m_filter;
    std::optional<std::int32_t> m_from, m_to;
    std::map<std::string, std::uint16_t> m_category_ids;
    std::string m_last_month, m_last_occurred;
    std::int32_t m_last_month_index = -1, m_last_day = -1;
    const std::string* m_last_category = nullptr; // a key of m_category_ids: std::map keys never move
    std::uint16_t m_last_category_id = 0;
    const geo::StudyArea* m_area = nullptr;
    std::set<std::string> m_wanted, m_seen;
    std::string m_last_seen;
    bool m_last_wanted = false;
};

} // namespace safermap::io
