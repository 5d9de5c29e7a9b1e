// SPDX-License-Identifier: MIT
#pragma once
// Emerging hot spots of a point set on a grid: monthly weighted counts per cell, Gi* each month,
// then ArcGIS's categories. The CLI's `emerging` and the viewer's layer run it the same way.

#include "analysis/emerging_hotspots.hpp"
#include "analysis/grid.hpp"
#include "jobs/grid_request.hpp"
#include "jobs/month_span.hpp"

#include <vector>

namespace safermap::jobs {

struct EmergingRequest {
    GridRequest grid;
    double band_m = 0; // Gi* neighbourhood; 0: 1.5 cells (the 8 surrounding cells)
    analysis::EmergingOptions options;
};

struct EmergingOutcome {
    analysis::GridSpec grid;
    MonthSpan span;
    double band_m = 0;
    std::vector<double> total;       // weight per cell over the span
    std::size_t counted = 0;         // incidents in the span and on the grid
    analysis::EmergingResult result; // categories per cell (row-major from the south-west)
};

// Counts `points` by month within `span` (each month one Gi*). Throws ConfigError for a span
// of fewer than three months.
EmergingOutcome run_emerging(const io::PointSet& points, const MonthSpan& span, const EmergingRequest& request);

} // namespace safermap::jobs
