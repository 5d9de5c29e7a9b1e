// SPDX-License-Identifier: MIT
#pragma once

#include "core/run_report.hpp"
#include "io/incidents/incident_columns.hpp"
#include "io/incidents/month_numbers.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::io {

// Incidents as the analysis methods see them: positions in one planar CRS plus the few
// attributes they filter and weigh by. Columnar, so that a million points cost ~40 MB.
struct PointSet {
    std::string crs;                      // "EPSG:27700", or "none" for plain planar units
    std::vector<double> x, y, weight;     // weight 1 unless the input gave one
    std::vector<std::int32_t> month;      // months since year 0 (YYYY * 12 + MM - 1); -1 when unknown
    // Days since 1970-01-01 from the incident's date (the project's `occurred`, a CSV's --date
    // column); -1 when it has only a month (police.uk). Either one per point or empty: point
    // sets made in memory (the viewer's) carry no days.
    std::vector<std::int32_t> day;
    std::vector<std::uint16_t> category;  // index into `categories`
    std::vector<std::string> categories;
    RunReport report;                     // rows read, kept, rejected by reason, and filtered out
    std::size_t size() const { return x.size(); }
};

// Which incidents to analyse. Empty members select everything.
struct PointFilter {
    std::vector<std::string> categories; // exact crime types, e.g. "Burglary"
    std::string from_month, to_month;    // YYYY-MM, inclusive
    std::string area_kind;               // with area: the boundary kind to look the area up in, or "place"
    std::string area;                    // a boundary's name or code: only incidents inside it
    std::string area_note;               // set by resolve_project_filter when `area` is a place, not a
                                         // boundary: how its area is drawn, for descriptions
    bool study_area_only = false;        // drop incidents marked outside the study area
};

// Loads a project's located incidents that pass `filter`. Incidents not yet geocoded are
// counted in report.notes_by_reason["not_geocoded"], never silently skipped. Throws
// IoError/SchemaError (project), ConfigError (bad filter, unknown area).
PointSet load_project_points(const std::string& project, const PointFilter& filter);

// Loads points straight from a file, as `safermap import` would read it (police.uk CSV, CSV
// with `columns`, or a GDAL point layer), reprojected to `working_crs` ("none": planar units
// as given). Rejected rows are counted in report.rejected_by_reason and, when `rejects_path`
// is set, written there. Area filters need a project and are refused here (ConfigError).
PointSet load_file_points(const std::vector<std::string>& files, const IncidentColumns& columns,
                          const std::string& working_crs, const PointFilter& filter, const std::string& rejects_path);

} // namespace safermap::io
