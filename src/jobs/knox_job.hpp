// SPDX-License-Identifier: MIT
#pragma once
// The Knox test of near repeats as every face asks for it: the time resolution chosen from
// what the incidents' dates allow, the bands labelled for tables, and the result's description.

#include "analysis/knox.hpp"
#include "core/result_metadata.hpp"
#include "io/incidents/point_loader.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::jobs {

struct KnoxRequest {
    std::vector<double> space_edges_m;  // E1 < E2 < ...: bands [0, E1], (E1, E2], ..., beyond the last
    std::vector<int> time_edges;        // T1 < T2 < ..., in the time unit
    std::string time_unit;              // "day", "month", or "" for day when every incident has a date, else month
    int permutations = 99;
    std::uint64_t seed = 12345;
};

struct KnoxOutcome {
    analysis::KnoxResult result;
    std::size_t incidents = 0;          // the incidents paired: those with a time in the unit used
    std::size_t without_time = 0;       // left out: no month (month unit); never more than 0 for days
    std::string time_unit_source;       // why the unit: "as asked", "every incident has a date", "n of m incidents have only a month"
    ResultMetadata parameters;          // space_edges_m, time_edges, time_unit, permutations, seed
};

// Chooses the time unit and runs analysis::knox on `points` (day: points.day; month:
// points.month). Incidents without a month are left out and counted in `without_time`. With no
// incident left the tables are all zero (analysis::knox's rule). Throws ConfigError naming the
// reason when "day" is asked for and some incident has only a month (police.uk publishes
// months only), for a unit other than day or month, and what KnoxOptions::validate() throws.
KnoxOutcome run_knox(const io::PointSet& points, const KnoxRequest& request);

// "0-100 m", "100-200 m", "> 400 m": the label of space band `s` (upper edges inclusive).
std::string space_band_label(const analysis::KnoxResult& result, std::size_t s);
// "0-7 days", "8-14 days", "2 months", "> 28 days": the label of time band `t`, in the whole
// units a band (T_{k-1}, T_k] holds.
std::string time_band_label(const analysis::KnoxResult& result, std::size_t t);

} // namespace safermap::jobs
