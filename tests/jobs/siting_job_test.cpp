// SPDX-License-Identifier: MIT
// The siting job on hand-made layouts whose answers are worked by hand below: candidates from
// files and lattices, the project's cameras with their own views, lines for lighting, and the
// written results read back through GDAL.
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "jobs/siting_job.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <fstream>

using namespace safermap;
using Catch::Matchers::Contains;

namespace {

// tests/data/csv/siting_points.csv: incidents on the line y = 358000 at x = 449950 (e, 1),
// 450060 (a, b: 2), 450240 (c, d: 2), 450350 (f, 1) and 451000 (g, 2); 8 in all.
// tests/data/csv/siting_candidates.csv: C1 at x = 450150 (cost 5), C2 at 450000 (cost 3),
// C3 at 450300 (cost 3). With a 100 m range: C1 covers a-d (4), C2 covers e, a, b (3), C3
// covers c, d, f (3); nothing covers g.
jobs::PointRequest siting_points() {
    jobs::PointRequest r;
    r.files = {test::test_data("csv/siting_points.csv")};
    // std::string: GCC 12's -Wrestrict misfires on assigning a one-character literal.
    r.columns.x = std::string("x");
    r.columns.y = std::string("y");
    return r;
}

jobs::SitingRequest ptz(int sites, analysis::MclpSolver solver) {
    jobs::SitingRequest s;
    s.coverage.kind = analysis::SiteKind::ptz;
    s.coverage.range_m = 100;
    s.candidates.file = test::test_data("csv/siting_candidates.csv");
    s.max_sites = sites;
    s.solver = solver;
    return s;
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path) << text;
}

GDALDatasetUniquePtr open_read(const std::string& path) {
    return GDALDatasetUniquePtr(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
}

} // namespace

TEST_CASE("a lattice holds the multiples of its spacing inside the area, edges included", "[jobs][siting]") {
    const auto all = jobs::lattice_sites({0, 0, 200, 250}, 100, [](double, double) { return true; });
    REQUIRE(all.size() == 9); // x and y in {0, 100, 200}
    const auto some = jobs::lattice_sites({-50, -50, 250, 250}, 100, [](double x, double y) { return x + y <= 200; });
    REQUIRE(some.size() == 6); // (0,0) (100,0) (200,0) (0,100) (100,100) (0,200)
    CHECK(some.id.front() == "L1");
    CHECK(some.id.back() == "L6");
    CHECK(some.x == std::vector<double>{0, 100, 200, 0, 100, 0});
    CHECK(some.y == std::vector<double>{0, 0, 0, 100, 100, 200});
    CHECK_THROWS_AS(jobs::lattice_sites({0, 0, 1e6, 1e6}, 1, [](double, double) { return true; }), ConfigError);
    CHECK_THROWS_AS(jobs::lattice_sites({0, 0, 1, 1}, 0, [](double, double) { return true; }), ConfigError);
}

TEST_CASE("the greedy and the exact solver on a layout where greedy is not optimal", "[jobs][siting]") {
    geo::GeosContext geos;
    const jobs::PointRequest request = siting_points();
    const io::PointSet points = jobs::load_points(request);
    // Greedy, K = 2: C1 (4), then C2 adds e (1; a tie with C3's f, lowest index wins): 5 of 8.
    const auto greedy = jobs::run_siting(request, points, ptz(2, analysis::MclpSolver::greedy), geos);
    REQUIRE(greedy.sites.size() == 2);
    CHECK(greedy.sites[0].candidate_id == "C1");
    CHECK(greedy.sites[0].marginal == 4);
    CHECK(greedy.sites[1].candidate_id == "C2");
    CHECK(greedy.sites[1].cumulative_percent == Approx(62.5));
    CHECK_FALSE(greedy.result.optimal);
    // Exact: C2 + C3 cover e, a, b, c, d, f = 6 of 8 (75%); ranked by gain, ties to C2.
    const auto exact = jobs::run_siting(request, points, ptz(2, analysis::MclpSolver::exact), geos);
    REQUIRE(exact.sites.size() == 2);
    CHECK(exact.sites[0].candidate_id == "C2");
    CHECK(exact.sites[1].candidate_id == "C3");
    CHECK(exact.sites[1].cumulative == 6);
    CHECK(exact.sites[1].cumulative_percent == Approx(75));
    CHECK(exact.result.optimal);
    CHECK(exact.totals["upper_bound"].get<double>() == Approx(6));
    CHECK(exact.existing == "none (incident files, no project cameras)");
}

TEST_CASE("the project's cameras cover with their own sector and range, else the run's range", "[jobs][siting]") {
    test::TempDir dir;
    io::ImportRequest imp = test::request_in(dir);
    imp.incident_files = {test::test_data("csv/siting_points.csv")};
    imp.columns.x = std::string("x");
    imp.columns.y = std::string("y");
    imp.columns.crs = "EPSG:27700";
    imp.columns.date = "month";
    // K1 at 450000 looks west (fov 90, 60 m): e only, not a, b 60 m east of it. K2, ptz with
    // no range, 80 m east of g: covered with the run's 100 m. K3, ptz at 450300 with its own
    // 20 m: nothing (c, d, f are 50-60 m away). Existing cover: e + g = 3 of 8.
    imp.cctv_files = {test::test_data("csv/siting_cctv.csv")};
    io::run_import(imp);
    geo::GeosContext geos;
    jobs::PointRequest request;
    request.project = imp.project;
    const io::PointSet points = jobs::load_points(request);
    auto outcome = jobs::run_siting(request, points, ptz(1, analysis::MclpSolver::exact), geos);
    CHECK(outcome.existing_cameras == 3);
    CHECK(outcome.result.covered_by_existing == 3);
    REQUIRE(outcome.sites.size() == 1);
    CHECK(outcome.sites[0].candidate_id == "C1"); // a-d: 4 new
    CHECK(outcome.covered_demand() == 7);
    CHECK(outcome.totals["upper_bound"].get<double>() == 7);

    jobs::SitingRequest without = ptz(1, analysis::MclpSolver::exact);
    without.use_existing = false;
    outcome = jobs::run_siting(request, points, without, geos);
    CHECK(outcome.result.covered_by_existing == 0);
    CHECK(outcome.existing == "not counted (--no-existing)");

    // A lattice with no boundaries in the project fills the incidents' extent: x = 450000 to
    // 451000 every 100 m on y = 358000, 11 points.
    jobs::SitingRequest lattice = ptz(1, analysis::MclpSolver::greedy);
    lattice.candidates.file.clear();
    lattice.candidates.spacing_m = 100;
    outcome = jobs::run_siting(request, points, lattice, geos);
    CHECK(outcome.candidates.size() == 11);
    CHECK(outcome.candidates_source == "100 m lattice inside the incidents' extent");
    lattice.budget = 5;
    lattice.max_sites = 0;
    CHECK_THROWS_WITH(jobs::run_siting(request, points, lattice, geos), Contains("--budget needs a cost"));
}

TEST_CASE("a budget keeps the chosen sites' costs within it", "[jobs][siting]") {
    geo::GeosContext geos;
    const jobs::PointRequest request = siting_points();
    const io::PointSet points = jobs::load_points(request);
    // Budget 5: C2 + C3 (6) is too dear; C1 alone (4) beats C2 or C3 alone (3).
    jobs::SitingRequest s = ptz(0, analysis::MclpSolver::exact);
    s.budget = 5;
    const auto out = jobs::run_siting(request, points, s, geos);
    REQUIRE(out.sites.size() == 1);
    CHECK(out.sites[0].candidate_id == "C1");
    CHECK(out.sites[0].cost == 5);
    CHECK(out.result.spent == 5);
    CHECK(out.result.optimal);
}

TEST_CASE("candidate files: bad input names the file and the line", "[jobs][siting]") {
    test::TempDir dir;
    geo::GeosContext geos;
    io::CandidateFileOptions options;
    options.working_crs = "EPSG:27700";
    const std::string no_y = test::test_data("csv/siting_no_y.csv");
    CHECK_THROWS_AS(io::load_candidate_sites(no_y, options, geos), SchemaError);
    CHECK_THROWS_WITH(io::load_candidate_sites(no_y, options, geos), Contains("siting_no_y.csv") && Contains("'y'"));

    write_text(dir.file("dup.csv"), "id,x,y\nA,1,2\nA,3,4\n");
    CHECK_THROWS_WITH(io::load_candidate_sites(dir.file("dup.csv"), options, geos), Contains("dup.csv line 3") && Contains("'A'"));
    write_text(dir.file("heading.csv"), "id,x,y,heading_deg\nA,1,2,400\n");
    CHECK_THROWS_WITH(io::load_candidate_sites(dir.file("heading.csv"), options, geos), Contains("heading.csv line 2"));
    write_text(dir.file("x.csv"), "id,x,y\nA,east,2\n");
    CHECK_THROWS_WITH(io::load_candidate_sites(dir.file("x.csv"), options, geos), Contains("x.csv line 2") && Contains("'east'"));
    options.cost_field = "price";
    CHECK_THROWS_WITH(io::load_candidate_sites(test::test_data("csv/siting_candidates.csv"), options, geos), Contains("'price'"));
}

TEST_CASE("streets to light: line candidates, written back as a line layer and a CSV", "[jobs][siting]") {
    test::TempDir dir;
    geo::GeosContext geos;
    // S1 runs 450000-450100 (30 m reaches a, b: 2); S2 runs 450200-450400 (c, d, f: 3).
    write_text(dir.file("streets.geojson"),
               R"({"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[
{"type":"Feature","properties":{"id":"S1","cost":2},"geometry":{"type":"LineString","coordinates":[[450000,358000],[450100,358000]]}},
{"type":"Feature","properties":{"id":"S2","cost":4},"geometry":{"type":"LineString","coordinates":[[450200,358000],[450400,358000]]}}]})");
    const jobs::PointRequest request = siting_points();
    const io::PointSet points = jobs::load_points(request);
    jobs::SitingRequest s = ptz(1, analysis::MclpSolver::exact);
    s.candidates.file = dir.file("streets.geojson");
    CHECK_THROWS_WITH(jobs::run_siting(request, points, s, geos), Contains("--coverage lighting"));
    s.coverage.kind = analysis::SiteKind::lighting;
    s.coverage.range_m = 30;
    const auto out = jobs::run_siting(request, points, s, geos);
    REQUIRE(out.sites.size() == 1);
    CHECK(out.sites[0].candidate_id == "S2");
    CHECK(out.sites[0].marginal == 3);
    CHECK(out.existing == "none (incident files, no project cameras)");

    ResultMetadata meta = out.parameters;
    jobs::write_proposed_sites(dir.file("out.gpkg"), "proposed_sites", out, points.crs, meta, geos);
    auto ds = open_read(dir.file("out.gpkg"));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("proposed_sites");
    REQUIRE(layer);
    CHECK(wkbFlatten(layer->GetGeomType()) == wkbMultiLineString);
    REQUIRE(layer->GetFeatureCount() == 1);
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    CHECK(std::string(f->GetFieldAsString("candidate_id")) == "S2");
    CHECK(f->GetFieldAsDouble("marginal_demand") == 3);
    CHECK(f->GetFieldAsDouble("cost") == 4);
    CHECK_FALSE(f->IsFieldSetAndNotNull(f->GetFieldIndex("heading_deg")));
    CHECK(std::string(layer->GetMetadataItem("coverage")) == "lighting");

    const auto written = jobs::write_proposed_sites(dir.file("out.csv"), "", out, points.crs, meta, geos);
    CHECK(written == std::vector<std::string>{dir.file("out.csv"), dir.file("out.csv") + ".json"});
    std::ifstream csv(dir.file("out.csv"));
    std::string header, row;
    std::getline(csv, header);
    std::getline(csv, row);
    CHECK(header == "rank,candidate_id,x,y,heading_deg,marginal_demand,cumulative_demand,cumulative_percent,cost");
    CHECK_THAT(row, Catch::StartsWith("1,S2,") && Catch::EndsWith(",,3,3,37.5,4"));
}
