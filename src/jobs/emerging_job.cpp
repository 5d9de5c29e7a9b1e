// SPDX-License-Identifier: MIT
#include "jobs/emerging_job.hpp"

#include "analysis/grid_counts.hpp"
#include "analysis/spatial_weights.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

EmergingOutcome run_emerging(const io::PointSet& points, const MonthSpan& span, const EmergingRequest& request) {
    if (span.to < 0 || span.months() < 3)
        throw ConfigError(fmt::format("emerging hot spots need at least three months (one Gi* per month); the period has {}",
                                      span.to < 0 ? 0 : span.months()));
    EmergingOutcome out;
    out.span = span;
    out.grid = request.grid.resolve(points, 0);
    const std::size_t cells = out.grid.cells();
    std::vector<std::vector<double>> counts(static_cast<std::size_t>(span.months()), std::vector<double>(cells, 0.0));
    out.total.assign(cells, 0.0);
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (!span.contains(points.month[k])) continue;
        const auto c = analysis::cell_of(out.grid, points.x[k], points.y[k]);
        if (!c) continue;
        counts[static_cast<std::size_t>(points.month[k] - span.from)][*c] += points.weight[k];
        out.total[*c] += points.weight[k];
        ++out.counted;
    }
    out.band_m = request.band_m > 0 ? request.band_m : 1.5 * out.grid.cell_size_m;
    out.result = analysis::emerging_hotspots(counts, analysis::grid_distance_band(out.grid, out.band_m), request.options);
    return out;
}

} // namespace safermap::jobs
