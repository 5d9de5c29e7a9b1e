// SPDX-License-Identifier: MIT
#include "jobs/knox_job.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

namespace safermap::jobs {

namespace {

struct UnitChoice {
    analysis::TimeUnit unit;
    std::string source;
};

UnitChoice choose_unit(const io::PointSet& points, const std::string& asked) {
    std::size_t dated = 0;
    if (points.day.size() == points.size())
        for (auto d : points.day) dated += d >= 0;
    const std::size_t undated = points.size() - dated;
    if (asked == "day") {
        if (undated > 0)
            throw ConfigError(fmt::format("--time-unit day: {} of {} incidents have only a month, not a date{}; use --time-unit month",
                                          undated, points.size(),
                                          dated == 0 ? " (police.uk publishes months only)" : ", and pairs need both dates"));
        return {analysis::TimeUnit::day, "as asked"};
    }
    if (asked == "month") return {analysis::TimeUnit::month, "as asked"};
    if (!asked.empty()) throw ConfigError(fmt::format("--time-unit must be day or month (got '{}')", asked));
    if (points.size() > 0 && undated == 0) return {analysis::TimeUnit::day, "every incident has a date"};
    if (dated == 0) return {analysis::TimeUnit::month, "no incident has a date, only a month, as police.uk publishes"};
    return {analysis::TimeUnit::month, fmt::format("{} of {} incidents have only a month", undated, points.size())};
}

} // namespace

KnoxOutcome run_knox(const io::PointSet& points, const KnoxRequest& request) {
    analysis::KnoxOptions options;
    options.space_edges_m = request.space_edges_m;
    options.time_edges = request.time_edges;
    options.permutations = request.permutations;
    options.seed = request.seed;
    options.validate();
    const UnitChoice unit = choose_unit(points, request.time_unit);
    options.time_unit = unit.unit;

    KnoxOutcome out;
    out.time_unit_source = unit.source;
    const std::vector<std::int32_t>& time = unit.unit == analysis::TimeUnit::day ? points.day : points.month;
    std::vector<double> x, y;
    std::vector<std::int64_t> t;
    x.reserve(points.size());
    y.reserve(points.size());
    t.reserve(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) {
        if (time[i] < 0) {
            ++out.without_time;
            continue;
        }
        x.push_back(points.x[i]);
        y.push_back(points.y[i]);
        t.push_back(time[i]);
    }
    out.incidents = x.size();
    out.result = analysis::knox(x, y, t, options);

    ResultMetadata& p = out.parameters;
    p = ResultMetadata::object();
    p["space_edges_m"] = options.space_edges_m;
    p["time_edges"] = options.time_edges;
    p["time_unit"] = analysis::to_string(options.time_unit);
    p["time_unit_source"] = out.time_unit_source;
    p["permutations"] = options.permutations;
    p["seed"] = options.seed;
    p["test"] = "Knox (1964), banded as the Near Repeat Calculator: each pair once; expected = mean over time permutations";
    return out;
}

std::string space_band_label(const analysis::KnoxResult& result, std::size_t s) {
    const auto& e = result.space_edges_m;
    if (s >= e.size()) return fmt::format("> {:g} m", e.back());
    return fmt::format("{:g}-{:g} m", s == 0 ? 0.0 : e[s - 1], e[s]);
}

std::string time_band_label(const analysis::KnoxResult& result, std::size_t t) {
    const auto& e = result.time_edges;
    const char* unit = result.time_unit == analysis::TimeUnit::day ? "days" : "months";
    if (t >= e.size()) return fmt::format("> {} {}", e.back(), unit);
    // Whole units: (T_{k-1}, T_k] holds T_{k-1} + 1 .. T_k.
    const int from = t == 0 ? 0 : e[t - 1] + 1;
    if (from == e[t]) return fmt::format("{} {}", from, unit);
    return fmt::format("{}-{} {}", from, e[t], unit);
}

} // namespace safermap::jobs
