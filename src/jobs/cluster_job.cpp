// SPDX-License-Identifier: MIT
#include "jobs/cluster_job.hpp"

#include "analysis/dbscan.hpp"
#include "analysis/nearest_neighbour.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

ClusterOutcome run_clusters(const geo::GeosContext& geos, const io::PointSet& points, const ClusterRequest& request) {
    if (request.method != "dbscan" && request.method != "nnh")
        throw ConfigError("--method must be dbscan or nnh (got '" + request.method + "')");
    if (!(request.concave_ratio >= 0 && request.concave_ratio <= 1)) throw ConfigError("--concave-ratio must be in [0, 1]");
    const std::optional<double> concave = request.concave_hulls ? std::optional<double>(request.concave_ratio) : std::nullopt;
    ClusterOutcome out;
    out.labels.assign(points.size(), analysis::k_noise);
    if (request.method == "dbscan") {
        out.labels = analysis::dbscan(points.x, points.y, {request.eps_m, request.min_points});
        for (auto& s : analysis::cluster_shapes(geos, points.x, points.y, points.weight, out.labels, concave))
            out.found.push_back({1, std::move(s)});
        out.detail = fmt::format("eps {} m, min points {}", request.eps_m, request.min_points);
        return out;
    }
    std::string how;
    const double area = request.study_area.resolve(request.project, points, how);
    auto levels = analysis::nnh(points.x, points.y, area, {request.p, request.min_points, request.max_order});
    out.detail = fmt::format("p {}, min points {}, study area {}", request.p, request.min_points, how);
    for (const auto& level : levels) {
        out.detail += fmt::format("; order {} threshold {:.1f} m", level.order, level.threshold_m);
        // Shapes of each cluster from its original points.
        std::vector<std::int32_t> labels(points.size(), analysis::k_noise);
        for (std::size_t c = 0; c < level.members.size(); ++c)
            for (std::size_t i : level.members[c]) labels[i] = static_cast<std::int32_t>(c);
        if (level.order == 1) out.labels = labels;
        for (auto& s : analysis::cluster_shapes(geos, points.x, points.y, points.weight, labels, concave))
            out.found.push_back({level.order, std::move(s)});
    }
    return out;
}

} // namespace safermap::jobs
