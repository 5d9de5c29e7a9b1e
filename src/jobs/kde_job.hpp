// SPDX-License-Identifier: MIT
#pragma once
// A kernel density surface of a point set, as every face asks for it: the bandwidth given or
// suggested, the grid from the request or the points, and the result's description.

#include "analysis/bandwidth.hpp"
#include "analysis/kde.hpp"
#include "core/result_metadata.hpp"
#include "jobs/grid_request.hpp"

#include <optional>
#include <string>

namespace safermap::jobs {

struct KdeRequest {
    analysis::KdeOptions options;   // bandwidth_m is filled from `bandwidth`
    std::string bandwidth = "nn";   // metres, "nn" (mean nearest-neighbour spacing) or "normal"
    GridRequest grid;
};

struct KdeOutcome {
    analysis::Surface surface{analysis::GridSpec{}};
    double bandwidth_m = 0;
    std::string bandwidth_source;   // "given", "mean nearest-neighbour spacing" or "normal reference rule"
    std::optional<analysis::BandwidthSuggestions> suggested; // only when a suggestion was asked for
    analysis::KdeEvaluation evaluation; // how the surface was computed: direct sums or FFT on which lattice
    double total_weight = 0;
    ResultMetadata parameters;      // kernel, bandwidth_m, bandwidth_source, surface_method, cell_size_m, ...
};

// A bandwidth from its spec, the one form every command takes: metres, "nn" (mean
// nearest-neighbour spacing between distinct positions) or "normal" (normal reference rule).
struct BandwidthChoice {
    double metres = 0;
    std::string source; // "given", "mean nearest-neighbour spacing" or "normal reference rule"
    std::optional<analysis::BandwidthSuggestions> suggested; // only when a rule was asked for
};
// Throws ConfigError for a spec that is neither, or a rule that cannot be applied to the points.
BandwidthChoice choose_bandwidth(const std::string& spec, const std::vector<double>& x, const std::vector<double>& y,
                                 analysis::Kernel kernel);

// Runs the KDE. A bandwidth suggestion is worked out only when `bandwidth` asks for one (a
// given bandwidth costs no neighbour search at all). Throws ConfigError for a bandwidth that is
// neither metres nor a rule, or that cannot be suggested.
KdeOutcome run_kde(const io::PointSet& points, const KdeRequest& request);

} // namespace safermap::jobs
