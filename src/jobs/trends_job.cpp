// SPDX-License-Identifier: MIT
#include "jobs/trends_job.hpp"

#include "core/error.hpp"
#include "geo/incident_location.hpp"

#include <algorithm>

namespace safermap::jobs {

Baseline parse_baseline(const std::string& text) {
    if (text == "last-year") return Baseline::last_year;
    if (text == "previous") return Baseline::previous;
    throw ConfigError("--baseline must be last-year or previous (got '" + text + "')");
}

TrendsOutcome run_trends(const TrendsRequest& request, const geo::GeosContext& geos) {
    const PointRequest& asked = request.points;
    if (asked.project.empty()) throw ConfigError("trends needs a project (its boundaries and incidents)");
    if (asked.filter.to_month.empty()) throw ConfigError("trends needs --to YYYY-MM (and --from, default the same month)");
    const std::int32_t last = io::month_index(asked.filter.to_month, "--to");
    TrendsOutcome out;
    out.current = month_span(asked.filter, last, last);
    const std::int32_t shift = request.baseline == Baseline::last_year ? 12 : out.current.months();
    out.base = {out.current.from - shift, out.current.to - shift};

    PointRequest every_month = asked; // the periods are split here
    every_month.filter.from_month.clear();
    every_month.filter.to_month.clear();
    out.areas = io::load_project_polygons(asked.project, request.kind, geos);
    io::PointSet points = load_points(every_month);
    out.notes = points.report;
    const std::size_t n = out.areas.code.size();
    std::vector<long long> current(n, 0), baseline(n, 0);
    out.rolling.assign(n, std::vector<long long>(static_cast<std::size_t>(out.current.months()), 0));
    long long undated = 0;
    const std::int32_t from = out.current.from, to = out.current.to;
    for (std::size_t k = 0; k < points.size(); ++k) {
        const std::int32_t m = points.month[k];
        if (m < 0) {
            ++undated;
            continue;
        }
        const bool in_current = out.current.contains(m), in_base = out.base.contains(m);
        const bool in_rolling = m >= from - 2 && m <= to;
        if (!in_current && !in_base && !in_rolling) continue;
        auto i = geo::locate_incident(*out.areas.index, points.x[k], points.y[k], &out.notes);
        if (!i) continue;
        if (in_current) ++current[*i];
        if (in_base) ++baseline[*i];
        for (std::int32_t end = std::max(from, m); end <= std::min(to, m + 2); ++end)
            ++out.rolling[*i][static_cast<std::size_t>(end - from)];
    }
    if (undated) out.notes.note("no_month", undated);
    out.rows = analysis::compare_periods(current, baseline);
    for (const auto& r : out.rows) out.total_current += r.current, out.total_base += r.baseline;
    out.total_p = analysis::poisson_two_count_p(out.total_current, out.total_base);
    return out;
}

} // namespace safermap::jobs
