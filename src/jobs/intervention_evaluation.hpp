// SPDX-License-Identifier: MIT
#pragma once
// Before/after evaluation of place-based interventions as every face asks for it: the areas
// (jobs/intervention_areas.hpp), the months before and after each start, the incidents counted
// in each area and window, and analysis::evaluate_intervention's measures.

#include "analysis/intervention_effect.hpp"
#include "core/result_metadata.hpp"
#include "core/run_report.hpp"
#include "geo/geos_context.hpp"
#include "jobs/point_request.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace safermap::jobs {

// Where the control area comes from: exactly one of a file, a named boundary, or automatic.
struct ControlRequest {
    std::string file;          // any GDAL polygon layer (its features' union)
    std::string area;          // a boundary of the project, by name or code (matched as --area)
    bool automatic = false;    // suggested from the project's boundaries of `kind`
    std::string kind;          // of `area` (any kind when empty); of the candidates for automatic ("ward" when empty)
};

struct EvaluationRequest {
    std::vector<std::string> interventions; // ids in the project's interventions layer (case ignored), or
    bool all = false;                       // every intervention of the project, or
    std::string treatment_file;             // the treatment area from a file (no project needed)
    std::string start_month;                // YYYY-MM; required with treatment_file, else overrides install_date
    int before_months = 0, after_months = 0;
    double buffer_m = 0;                    // the displacement ring's width
    double radius_m = 0;                    // points and lines are buffered by this into their treatment area
    ControlRequest control;
};

// One intervention evaluated. Months are indexes (io::month_index); the start month itself is
// in neither window: before = [start - before_months, start - 1], after = [start + 1, start + after_months].
struct Evaluation {
    std::string id, type, description;
    bool illustrative = false;
    std::string treatment_how, buffer_how;
    std::string control_name, control_how;
    std::string start_source;          // "install_date 2023-02-15" or "given (--start)"
    std::int32_t start_month = 0, before_from = 0, before_to = 0, after_from = 0, after_to = 0;
    double treatment_km2 = 0, buffer_km2 = 0, control_km2 = 0;
    // False when a window lies wholly outside the months the incidents cover: its counts would
    // be missing data, not zero crime, so nothing is counted or measured (a warning says why).
    bool counted = true;
    analysis::InterventionCounts counts;
    analysis::InterventionEffect effect; // warnings about data coverage and the control come first
};

struct EvaluationOutcome {
    std::vector<Evaluation> evaluations;
    std::string crs;
    std::optional<std::int32_t> first_month, last_month; // the months the incidents cover
    RunReport points_report;
    ResultMetadata parameters; // before_months, after_months, buffer_m, radius_m, control, counting rule
};

// Loads the points of `points` (every month: --from/--to are refused, since each evaluation has
// its own windows) and evaluates each intervention asked for. An incident counts in the first
// of treatment, buffer and control that holds it (boundary included), so no incident counts
// twice; a control that overlaps the others loses the overlap (with a warning). Automatic
// control: among the project's boundaries of the kind that touch neither the treatment area
// nor the buffer, the one whose before-window count is closest to the treatment area's (ties:
// the first by code); not chosen for an evaluation that cannot be counted. Throws ConfigError for a request that names no treatment, more than one
// control or none, non-positive windows or buffer, an unknown intervention (listing the
// known ones), a point or line without --radius, no usable start month, or no candidate
// control; and what load_points() throws.
EvaluationOutcome evaluate_interventions(const PointRequest& points, const EvaluationRequest& request, const geo::GeosContext& geos);

} // namespace safermap::jobs
