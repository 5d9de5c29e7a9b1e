// SPDX-License-Identifier: MIT
#pragma once
// Point clusters by DBSCAN or Nearest Neighbour Hierarchical clustering, with their shapes,
// as the CLI's `cluster` and the viewer's cluster layer ask for them.

#include "analysis/cluster_shapes.hpp"
#include "geo/geos_context.hpp"
#include "io/incidents/point_loader.hpp"
#include "jobs/study_area.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::jobs {

struct ClusterRequest {
    std::string method = "dbscan"; // or "nnh"
    double eps_m = 100;            // DBSCAN
    int min_points = 10;
    double p = 0.01;               // NNH
    int max_order = 3;
    double concave_ratio = 0.3;
    bool concave_hulls = false;    // build concave hulls too (only --hull concave draws them)
    StudyAreaRequest study_area;   // NNH's random expectation
    std::string project;           // for a study area of the project's boundaries
};

// A cluster found by either method, with the order it belongs to (1 for DBSCAN).
struct FoundCluster {
    int order = 1;
    analysis::ClusterShape shape;
};

struct ClusterOutcome {
    std::vector<std::int32_t> labels; // per point: its first-order cluster, or analysis::k_noise
    std::vector<FoundCluster> found;
    std::string detail;               // "eps 100 m, min points 10" or NNH's thresholds
};

// Throws ConfigError for an unknown method or a concave ratio outside [0, 1].
ClusterOutcome run_clusters(const geo::GeosContext& geos, const io::PointSet& points, const ClusterRequest& request);

} // namespace safermap::jobs
