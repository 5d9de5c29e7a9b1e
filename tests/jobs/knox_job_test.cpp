// SPDX-License-Identifier: MIT
// The knox job's choices: the time unit from what the dates allow, band labels, and the day
// numbers incidents carry.
#include "core/error.hpp"
#include "jobs/knox_job.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

namespace {

// Three points 10 m apart in a row, with months and (optionally) days.
io::PointSet three_points(std::vector<std::int32_t> day) {
    io::PointSet p;
    p.x = {0, 10, 20};
    p.y = {0, 0, 0};
    p.weight = {1, 1, 1};
    p.month = {2025 * 12, 2025 * 12, 2025 * 12 + 1};
    p.day = std::move(day);
    return p;
}

jobs::KnoxRequest request(std::string unit) {
    jobs::KnoxRequest r;
    r.space_edges_m = {10};
    r.time_edges = {7};
    r.time_unit = std::move(unit);
    r.permutations = 0;
    return r;
}

} // namespace

TEST_CASE("day numbers count from 1970-01-01 and refuse what is not a whole date", "[jobs][knox]") {
    CHECK(io::day_number("1970-01-01") == 0);
    // 55 years of 365 days and the 14 leap days 1972..2024: 20,075 + 14.
    CHECK(io::day_number("2025-01-01") == 20089);
    CHECK(io::day_number("2025-01-01T23:59:00") == 20089);
    CHECK(io::day_number("2024-02-29") == 19782);
    CHECK(io::day_number("2025-02-29") == -1);
    CHECK(io::day_number("2025-01") == -1);
    CHECK(io::day_number("") == -1);
    CHECK(io::day_number("2025-1-01x") == -1);
}

TEST_CASE("knox uses days when every incident has one, months otherwise, and says why", "[jobs][knox]") {
    const io::PointSet dated = three_points({20089, 20092, 20120});
    jobs::KnoxOutcome k = jobs::run_knox(dated, request(""));
    CHECK(k.result.time_unit == analysis::TimeUnit::day);
    CHECK(k.time_unit_source == "every incident has a date");
    // Pairs: (0,1) 10 m, 3 days; (0,2) 20 m, 31 days; (1,2) 10 m, 28 days.
    CHECK(k.result.observed == std::vector<std::uint64_t>{1, 1, 0, 1});

    const io::PointSet mixed = three_points({20089, -1, 20120});
    k = jobs::run_knox(mixed, request(""));
    CHECK(k.result.time_unit == analysis::TimeUnit::month);
    CHECK(k.time_unit_source == "1 of 3 incidents have only a month");
    REQUIRE_THROWS_WITH(jobs::run_knox(mixed, request("day")), Catch::Contains("1 of 3 incidents have only a month"));

    const io::PointSet months_only = three_points({}); // a point set made without days
    k = jobs::run_knox(months_only, request(""));
    CHECK(k.result.time_unit == analysis::TimeUnit::month);
    REQUIRE_THROWS_WITH(jobs::run_knox(months_only, request("day")), Catch::Contains("police.uk publishes months only"));
    REQUIRE_THROWS_AS(jobs::run_knox(dated, request("week")), ConfigError);
}

TEST_CASE("knox band labels say which whole units each band holds", "[jobs][knox]") {
    analysis::KnoxResult r;
    r.space_edges_m = {100, 200, 400};
    r.time_edges = {7, 14, 15};
    CHECK(jobs::space_band_label(r, 0) == "0-100 m");
    CHECK(jobs::space_band_label(r, 2) == "200-400 m");
    CHECK(jobs::space_band_label(r, 3) == "> 400 m");
    CHECK(jobs::time_band_label(r, 0) == "0-7 days");
    CHECK(jobs::time_band_label(r, 1) == "8-14 days");
    CHECK(jobs::time_band_label(r, 2) == "15 days");
    CHECK(jobs::time_band_label(r, 3) == "> 15 days");
    r.time_unit = analysis::TimeUnit::month;
    CHECK(jobs::time_band_label(r, 0) == "0-7 months");
}
