// SPDX-License-Identifier: MIT
#pragma once
// How well hotspot maps made on a training period predict a test period: grid counts, KDE,
// Gi* z-scores and DBSCAN clusters, each ranked cell by cell and scored at a coverage, on four
// grid origins (shifted by half a cell) to show how much the scores depend on where the grid starts.

#include "analysis/prediction_accuracy.hpp"
#include "geo/geos_context.hpp"
#include "jobs/month_span.hpp"
#include "jobs/point_request.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::jobs {

struct AccuracyRequest {
    PointRequest points;             // a project; its --from/--to must be empty
    MonthSpan train, test;
    double coverage_percent = 5;
    double cell_m = 100;
    std::string area_kind = "district";
    bool area_kind_given = false;    // a kind the user typed must exist; the default may be missing
    std::string bandwidth = "nn";    // the KDE's, as every command takes it
    double eps_m = 100;              // DBSCAN
    int min_points = 10;
};

struct AccuracyOutcome {
    std::vector<std::string> methods;                             // grid, kde, gistar, clusters
    std::vector<std::vector<analysis::AccuracyScores>> by_origin; // per method, the four origins (first: unshifted)
    std::size_t train_incidents = 0, test_incidents = 0;
    double kde_bandwidth_m = 0;
    std::string area_note;                                        // when the default kind is missing
};

// Throws ConfigError without a project, with --from/--to, with too few incidents in either period.
AccuracyOutcome run_accuracy(const AccuracyRequest& request, const geo::GeosContext& geos);

} // namespace safermap::jobs
