// SPDX-License-Identifier: MIT
#include "jobs/kde_job.hpp"

#include "core/error.hpp"
#include "core/memory_tuning.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

BandwidthChoice choose_bandwidth(const std::string& spec, const std::vector<double>& x, const std::vector<double>& y,
                                 analysis::Kernel kernel) {
    BandwidthChoice out;
    if (spec == "nn" || spec == "normal") {
        try {
            if (x.size() >= 2) out.suggested = analysis::suggest_bandwidths(x, y, kernel);
        } catch (const ConfigError&) { // every point at one position: only a given bandwidth works
        }
        if (!out.suggested)
            throw ConfigError(fmt::format("cannot suggest a bandwidth for {} incident(s) all at one position; give --bandwidth METRES",
                                          x.size()));
        out.metres = spec == "nn" ? out.suggested->mean_nn_m : out.suggested->normal_reference_m;
        out.source = spec == "nn" ? "mean nearest-neighbour spacing" : "normal reference rule";
        return out;
    }
    auto h = io::parse_number(spec);
    if (!h) throw ConfigError("--bandwidth must be metres, 'nn' or 'normal' (got '" + spec + "')");
    out.metres = *h;
    out.source = "given";
    return out;
}

KdeOutcome run_kde(const io::PointSet& points, const KdeRequest& request) {
    KdeOutcome out;
    BandwidthChoice bandwidth = choose_bandwidth(request.bandwidth, points.x, points.y, request.options.kernel);
    out.bandwidth_m = bandwidth.metres;
    out.bandwidth_source = bandwidth.source;
    out.suggested = bandwidth.suggested;
    analysis::KdeOptions options = request.options;
    options.bandwidth_m = out.bandwidth_m;
    options.validate();
    const double support = analysis::kernel_support_m(options.kernel, options.bandwidth_m);
    const analysis::GridSpec grid = request.grid.resolve(points, support);
    std::vector<analysis::WeightedPoint> weighted;
    weighted.reserve(points.size());
    advise_huge_pages(weighted.data(), points.size() * sizeof(analysis::WeightedPoint));
    for (std::size_t i = 0; i < points.size(); ++i) {
        weighted.push_back({points.x[i], points.y[i], points.weight[i]});
        out.total_weight += points.weight[i];
    }
    out.evaluation = analysis::plan_kde(weighted.size(), grid, options);
    out.surface = analysis::kde(weighted, grid, options);
    ResultMetadata& p = out.parameters;
    p = ResultMetadata::object();
    p["kernel"] = analysis::to_string(options.kernel);
    p["bandwidth_m"] = options.bandwidth_m;
    p["bandwidth_source"] = out.bandwidth_source;
    p["adaptive_k"] = options.adaptive_k;
    p["edge_correction"] = options.edge_correction;
    p["surface_method"] = out.evaluation.describe();
    p["cell_size_m"] = grid.cell_size_m;
    p["origin"] = {grid.min_x, grid.min_y};
    p["units"] = "incidents (or weight) per km2";
    return out;
}

} // namespace safermap::jobs
