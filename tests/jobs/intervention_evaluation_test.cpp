// SPDX-License-Identifier: MIT
// jobs::evaluate_interventions on a project built here: four square "wards", a point and a
// polygon intervention, and dated incidents placed so that every count is known by
// construction. The measures are worked by hand in the comments.
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "jobs/intervention_evaluation.hpp"
#include "jobs/knox_job.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <fstream>

using namespace safermap;

namespace {

constexpr const char* k_bng = R"("crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}})";

std::string square(double x0, double y0, double x1, double y1) {
    return fmt::format(R"({{"type":"Polygon","coordinates":[[[{0},{1}],[{2},{1}],[{2},{3}],[{0},{3}],[{0},{1}]]]}})", x0, y0, x1, y1);
}

void write(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

// Wards (1 km squares, EPSG:27700): N holds the point intervention IV-1 at (445500, 355500);
// W and E lie 4-5 km away; E holds the polygon intervention IV-2.
// IV-1 installed 2025-06-10: --before 3 --after 3 gives 2025-03..05 and 2025-07..09.
// Incidents (all Burglary, every one with a date):
//   treatment (within 19 m of IV-1)      20 before, 10 after, and 5 in 2025-06 (the start month)
//   buffer (100 m east of IV-1)          10 before,  6 after
//   ward N, 570 m from IV-1              1 before: in no area (N touches IV-1, so it is no control)
//   ward W                               15 before, 12 after
//   ward E (south-west corner, well     40 before, 40 after
//   away from IV-2 and its buffer)
std::string build_project(const test::TempDir& dir) {
    write(dir.file("wards.geojson"),
          fmt::format(R"({{"type":"FeatureCollection",{},"features":[)"
                      R"({{"type":"Feature","properties":{{"code":"N","name":"North"}},"geometry":{}}},)"
                      R"({{"type":"Feature","properties":{{"code":"W","name":"West"}},"geometry":{}}},)"
                      R"({{"type":"Feature","properties":{{"code":"E","name":"East"}},"geometry":{}}}]}})",
                      k_bng, square(445000, 355000, 446000, 356000), square(440000, 355000, 441000, 356000),
                      square(450000, 355000, 451000, 356000)));
    write(dir.file("interventions.geojson"),
          fmt::format(R"({{"type":"FeatureCollection",{},"features":[)"
                      R"({{"type":"Feature","properties":{{"intervention_id":"IV-1","type":"alley_gate","install_date":"2025-06-10"}},)"
                      R"("geometry":{{"type":"Point","coordinates":[445500,355500]}}}},)"
                      R"({{"type":"Feature","properties":{{"intervention_id":"IV-2","type":"target_hardening","install_date":"2025-06-01"}},)"
                      R"("geometry":{}}}]}})",
                      k_bng, square(450400, 355400, 450600, 355600)));
    std::string csv = "x,y,date,type\n";
    auto rows = [&](int n, double x0, double y, const char* date) {
        for (int k = 0; k < n; ++k) csv += fmt::format("{},{},{},Burglary\n", x0 + k, y, date);
    };
    rows(20, 445500, 355500, "2025-03-10");
    rows(10, 445500, 355505, "2025-08-01");
    rows(5, 445500, 355510, "2025-06-20");
    rows(10, 445600, 355500, "2025-05-31");
    rows(6, 445600, 355495, "2025-07-01");
    rows(1, 445900, 355900, "2025-04-01");
    rows(15, 440500, 355500, "2025-04-15");
    rows(12, 440500, 355510, "2025-09-15");
    rows(40, 450100, 355100, "2025-03-01");
    rows(40, 450100, 355110, "2025-07-01");
    write(dir.file("incidents.csv"), csv);

    io::ImportRequest req = test::request_in(dir);
    io::BoundarySpec wards;
    wards.path = dir.file("wards.geojson");
    wards.kind = AreaKind::ward;
    req.boundaries = {wards};
    req.intervention_files = {dir.file("interventions.geojson")};
    req.incident_files = {dir.file("incidents.csv")};
    req.columns.x = "x";
    req.columns.y = "y";
    req.columns.crs = "EPSG:27700";
    req.columns.date = "date";
    req.columns.category = "type";
    io::run_import(req);
    return dir.file("p.gpkg");
}

jobs::EvaluationRequest iv1_request() {
    jobs::EvaluationRequest r;
    r.interventions = {"iv-1"}; // as a user types it
    r.before_months = 3;
    r.after_months = 3;
    r.buffer_m = 100;
    r.radius_m = 50;
    r.control.automatic = true;
    return r;
}

bool has_warning(const jobs::Evaluation& e, const std::string& part) {
    return std::any_of(e.effect.warnings.begin(), e.effect.warnings.end(),
                       [&](const std::string& w) { return w.find(part) != std::string::npos; });
}

} // namespace

TEST_CASE("a point intervention with an automatic control, counted by construction", "[jobs][evaluate]") {
    test::TempDir dir;
    jobs::PointRequest points;
    points.project = build_project(dir);
    geo::GeosContext geos;
    const jobs::EvaluationOutcome out = jobs::evaluate_interventions(points, iv1_request(), geos);
    REQUIRE(out.evaluations.size() == 1);
    const jobs::Evaluation& e = out.evaluations[0];
    CHECK(e.id == "IV-1");
    CHECK(e.start_month == 2025 * 12 + 5);
    CHECK(e.before_from == 2025 * 12 + 2);
    CHECK(e.after_to == 2025 * 12 + 8);
    CHECK(e.treatment_how == "50 m around the point");
    // A 64-gon of radius 50 m: 32 r² sin(2 pi / 64) = 7,834 m² (pi r² = 7,854).
    CHECK(e.treatment_km2 == Approx(32 * 2500 * std::sin(2 * M_PI / 64) / 1e6).epsilon(1e-9));
    // Auto control: N touches IV-1, so W (before 15, 5 from the treatment's 20) beats E (40).
    CHECK(e.control_name == "West");
    CHECK(e.control_how.find("of the 2 ward boundaries touching neither") != std::string::npos);
    const auto& c = e.counts;
    CHECK(c.treatment_before == 20);
    CHECK(c.treatment_after == 10);
    CHECK(c.buffer_before == 10);
    CHECK(c.buffer_after == 6);
    CHECK(c.control_before == 15);
    CHECK(c.control_after == 12);
    // By hand: SM = 10/12 - 20/15 = -0.5; BDM = 6/12 - 10/15 = -1/6; WDQ = (-1/6) / (-0.5) = 1/3
    // (diffusion). TNE = 20 x 12/15 - 10 + 10 x 12/15 - 6 = 6 + 2 = 8. OR = (20 x 12) / (10 x 15)
    // = 1.6; Var = 1/20 + 1/10 + 1/15 + 1/12 = 0.3; CI = exp(ln 1.6 -/+ 1.96 sqrt 0.3) = 0.546876, 4.681131.
    const auto& x = e.effect;
    CHECK(*x.success_measure == Approx(-0.5).margin(1e-12));
    CHECK(*x.buffer_displacement_measure == Approx(-1.0 / 6).margin(1e-12));
    CHECK(*x.wdq == Approx(1.0 / 3).margin(1e-12));
    CHECK(x.wdq_reading == analysis::WdqReading::diffusion);
    CHECK(*x.total_net_effect == Approx(8).margin(1e-12));
    CHECK(*x.odds_ratio == Approx(1.6).margin(1e-12));
    CHECK(*x.odds_ratio_ci_low == Approx(0.546876).margin(1e-6));
    CHECK(*x.odds_ratio_ci_high == Approx(4.681131).margin(1e-6));
    CHECK(*x.treatment_change_pct == Approx(-50).margin(1e-9));
    CHECK(*x.control_change_pct == Approx(-20).margin(1e-9));
    CHECK(x.warnings.empty()); // every count >= 5, Rb not below 20, equal 3-month windows
    CHECK(out.first_month == 2025 * 12 + 2);
    CHECK(out.last_month == 2025 * 12 + 8);
}

TEST_CASE("every intervention at once: a polygon is its own treatment area, and zeros give nulls and warnings", "[jobs][evaluate]") {
    test::TempDir dir;
    jobs::PointRequest points;
    points.project = build_project(dir);
    geo::GeosContext geos;
    jobs::EvaluationRequest r = iv1_request();
    r.interventions.clear();
    r.all = true;
    const jobs::EvaluationOutcome out = jobs::evaluate_interventions(points, r, geos);
    REQUIRE(out.evaluations.size() == 2);
    const jobs::Evaluation& e = out.evaluations[1];
    CHECK(e.id == "IV-2");
    CHECK(e.treatment_how == "the scheme's polygon");
    CHECK(e.treatment_km2 == Approx(0.04).epsilon(1e-12));
    // No incident in IV-2 or its buffer; E holds it, so the control is W (15, nearer 0 than N's 31).
    CHECK(e.counts.treatment_before == 0);
    CHECK(e.counts.buffer_after == 0);
    CHECK(e.control_name == "West");
    CHECK(e.counts.control_before == 15);
    CHECK_FALSE(e.effect.treatment_change_pct);
    CHECK_FALSE(e.effect.odds_ratio);
    CHECK(has_warning(e, "treatment_before is 0"));
}

TEST_CASE("windows outside the data are not counted, and a start month can be given", "[jobs][evaluate]") {
    test::TempDir dir;
    jobs::PointRequest points;
    points.project = build_project(dir);
    geo::GeosContext geos;
    jobs::EvaluationRequest r = iv1_request();
    r.start_month = "2024-01";
    jobs::EvaluationOutcome out = jobs::evaluate_interventions(points, r, geos);
    CHECK_FALSE(out.evaluations[0].counted);
    CHECK(out.evaluations[0].start_source == "given with --start; install_date 2025-06-10");
    CHECK(has_warning(out.evaluations[0], "no incident data for the before window (2023-10 to 2023-12)"));
    CHECK_FALSE(out.evaluations[0].effect.odds_ratio);
    // Start 2025-04: the before window 2025-01..03 has data for 2025-03 only (the first month).
    r.start_month = "2025-04";
    out = jobs::evaluate_interventions(points, r, geos);
    CHECK(out.evaluations[0].counted);
    CHECK(has_warning(out.evaluations[0], "the before window (2025-01 to 2025-03) is only partly covered"));
}

TEST_CASE("evaluate refuses what it cannot do, naming why", "[jobs][evaluate]") {
    test::TempDir dir;
    jobs::PointRequest points;
    points.project = build_project(dir);
    geo::GeosContext geos;
    jobs::EvaluationRequest r = iv1_request();
    r.radius_m = 0;
    REQUIRE_THROWS_WITH(jobs::evaluate_interventions(points, r, geos), Catch::Contains("intervention IV-1 is a point"));
    r = iv1_request();
    r.interventions = {"IV-9"};
    REQUIRE_THROWS_WITH(jobs::evaluate_interventions(points, r, geos), Catch::Contains("no intervention 'IV-9'"));
    r = iv1_request();
    r.control.file = "x.geojson";
    REQUIRE_THROWS_WITH(jobs::evaluate_interventions(points, r, geos), Catch::Contains("give one control"));
    r = iv1_request();
    r.control.automatic = false;
    r.control.area = "west";
    const jobs::EvaluationOutcome named = jobs::evaluate_interventions(points, r, geos);
    CHECK(named.evaluations[0].control_name == "West");
    CHECK(named.evaluations[0].counts.control_after == 12);
    r.control.area = "North"; // holds the treatment area and the buffer: they keep their incidents
    const jobs::EvaluationOutcome overlapping = jobs::evaluate_interventions(points, r, geos);
    CHECK(overlapping.evaluations[0].counts.control_before == 1);
    CHECK(has_warning(overlapping.evaluations[0], "overlaps the treatment area or buffer"));
}

TEST_CASE("a project's dated incidents load with their days, and knox pairs them in days", "[jobs][knox]") {
    test::TempDir dir;
    jobs::PointRequest request;
    request.project = build_project(dir);
    request.filter.from_month = "2025-03";
    request.filter.to_month = "2025-03";
    const io::PointSet points = jobs::load_points(request);
    // 2025-03: the 20 treatment incidents (2025-03-10) and the 40 in E (2025-03-01).
    REQUIRE(points.size() == 60);
    REQUIRE(points.day.size() == 60);
    CHECK(std::count(points.day.begin(), points.day.end(), io::day_number("2025-03-10")) == 20);
    CHECK(std::count(points.day.begin(), points.day.end(), io::day_number("2025-03-01")) == 40);
    jobs::KnoxRequest knox;
    knox.space_edges_m = {50};
    knox.time_edges = {7};
    knox.permutations = 0;
    const jobs::KnoxOutcome k = jobs::run_knox(points, knox);
    CHECK(k.result.time_unit == analysis::TimeUnit::day);
    // Pairs within 50 m: each group with itself (190 + 780), 9 days apart from each other only
    // across groups, which lie 4.6 km apart: [0,50] x [0,7] = 970, > 50 m x > 7 days = 800.
    CHECK(k.result.observed[k.result.cell(0, 0)] == 970);
    CHECK(k.result.observed[k.result.cell(1, 1)] == 800);
    CHECK(k.result.total_pairs == 1770);
}
