// SPDX-License-Identifier: MIT
#include "jobs/point_request.hpp"

#include "core/error.hpp"
#include "io/incidents/harm_table.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_store.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

std::string PointRequest::describe_input() const {
    if (!project.empty()) return io::display_project(project);
    std::string out;
    for (const auto& p : files) out += (out.empty() ? "" : ", ") + p;
    return out;
}

namespace {

// "0 incidents match (Burglary; 2025-01 to 2025-02; area Kirkby Cross): 120 rows read, 80
// filtered out by month, 40 not geocoded".
std::string nothing_left_message(const PointRequest& request, const io::PointSet& points) {
    std::string why = fmt::format("{} rows read", points.report.rows_read);
    for (const auto& [reason, n] : points.report.notes_by_reason) why += fmt::format(", {} {}", n, reason);
    for (const auto& [reason, n] : points.report.rejected_by_reason) why += fmt::format(", {} rejected as {}", n, reason);
    return fmt::format("no incidents to analyse in {} after the filters ({}): {}", request.describe_input(),
                       describe_filter(request.filter), why);
}

} // namespace

PointRequest resolved(const PointRequest& request) {
    if (request.project.empty()) return request;
    PointRequest out = request;
    io::ProjectStore store = io::ProjectStore::open(request.project, false);
    out.filter = io::resolve_project_filter(store, request.filter);
    return out;
}

io::PointSet load_points(const PointRequest& request) {
    if (request.project.empty() == request.files.empty())
        throw ConfigError("give either a project or --points FILE..., not both or neither");
    io::PointSet out;
    if (!request.project.empty()) {
        if (request.columns.any()) throw ConfigError("column options (--x, --lon, ...) apply to --points only");
        out = io::load_project_points(request.project, request.filter);
    } else {
        io::IncidentColumns c = request.columns;
        // With planar input the analysis CRS and the coordinates' CRS are the same thing.
        if (c.has_xy()) c.crs = request.crs == "none" ? "EPSG:27700" : request.crs;
        out = io::load_file_points(request.files, c, request.crs, request.filter, request.rejects_path);
    }
    if (out.size() == 0) throw ConfigError(nothing_left_message(request, out));
    if (!request.harm_table.empty()) io::apply_harm(out, io::load_harm_table(request.harm_table), request.harm_default);
    return out;
}

} // namespace safermap::jobs
