// SPDX-License-Identifier: MIT
#pragma once
// The monthly CSP performance table: counts per area for a period against a baseline (the
// same months a year earlier, or the months just before), with change, rank, the Poisson test
// and rolling 3-month counts. The CLI's `trends`, and later the report pack, ask it the same way.

#include "analysis/trends.hpp"
#include "io/features/polygon_loader.hpp"
#include "jobs/month_span.hpp"
#include "jobs/point_request.hpp"

#include <string>
#include <vector>

namespace safermap::jobs {

enum class Baseline { last_year, previous };
Baseline parse_baseline(const std::string& text); // "last-year" or "previous"; ConfigError otherwise

struct TrendsRequest {
    PointRequest points; // a project; its --from/--to are the current period (from defaults to to)
    std::string kind = "ward";
    Baseline baseline = Baseline::last_year;
};

struct TrendsOutcome {
    io::PolygonSet areas;
    std::vector<analysis::TrendRow> rows;        // one per area, in the areas' order
    std::vector<std::vector<long long>> rolling; // per area: 3-month counts ending at each current month
    MonthSpan current, base;
    long long total_current = 0, total_base = 0;
    double total_p = 1;                          // the Poisson test of the totals
    RunReport notes;                             // incidents near or outside every area, without a month
};

// Throws ConfigError without a project or --to, for a kind the project lacks, and as
// load_points() does.
TrendsOutcome run_trends(const TrendsRequest& request, const geo::GeosContext& geos);

} // namespace safermap::jobs
