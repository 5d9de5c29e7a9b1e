// SPDX-License-Identifier: MIT
// The viewer's Planning panel counts what the CLI counts (issue #11): the existing cameras'
// cover and each proposed site's added demand equal `safermap site`'s for the same project,
// recounted when a site moves; its Knox table equals `safermap knox`'s for the same filter.
#include "io/project/import_job.hpp"
#include "jobs/knox_job.hpp"
#include "jobs/point_request.hpp"
#include "jobs/siting_job.hpp"
#include "scene/planning.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

namespace {

std::string sutton_project(const test::TempDir& dir) {
    io::ImportRequest req = test::request_in(dir);
    io::BoundarySpec wards;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    req.boundaries = {wards};
    req.cctv_files = {test::source_file("assets/demo/cctv_illustrative.csv")};
    req.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz"),
                          test::source_file("assets/demo/policeuk/2025-02-ashfield-street.csv.gz")};
    io::run_import(req);
    return dir.file("p.gpkg");
}

} // namespace

TEST_CASE("the Planning panel's CCTV totals are site's, and follow a moved site", "[scene][planning]") {
    test::TempDir dir;
    const std::string project = sutton_project(dir);
    geo::GeosContext geos;
    jobs::PointRequest request;
    request.project = project;
    const io::PointSet points = jobs::load_points(request);
    jobs::SitingRequest siting;
    siting.coverage.kind = analysis::SiteKind::ptz;
    siting.coverage.range_m = 100;
    siting.candidates.spacing_m = 100;
    siting.candidates.area = "Central & New Cross";
    siting.max_sites = 5;
    siting.solver = analysis::MclpSolver::greedy;
    const jobs::SitingOutcome outcome = jobs::run_siting(request, points, siting, geos);
    REQUIRE(outcome.sites.size() == 5);
    jobs::write_proposed_sites(project, "proposed_sites", outcome, points.crs, outcome.parameters, geos);

    scene::MapScene scene = scene::load_scene(project, geos);
    REQUIRE(scene.proposed.size() == 5);
    const scene::SiteCoverTotals t = scene::proposed_cover(scene, scene::IncidentFilter{});
    CHECK(t.incidents == points.size());
    CHECK(static_cast<double>(t.by_existing) == outcome.result.covered_by_existing);
    REQUIRE(t.added.size() == 5);
    for (std::size_t i = 0; i < 5; ++i) CHECK(static_cast<double>(t.added[i]) == outcome.sites[i].marginal);
    CHECK(static_cast<double>(t.with_proposed) == outcome.covered_demand());

    // Moved 10 km away from every incident, the first site adds nothing; the others then add
    // at least what they did (what the first covered is free for them again).
    scene.proposed[0].xy.x += 10000;
    const scene::SiteCoverTotals moved = scene::proposed_cover(scene, scene::IncidentFilter{});
    CHECK(moved.added[0] == 0);
    CHECK(moved.by_existing == t.by_existing);
    for (std::size_t i = 1; i < 5; ++i) CHECK(moved.added[i] >= t.added[i]);
    CHECK(moved.with_proposed < t.with_proposed);
}

TEST_CASE("the Planning panel's Knox table is knox's", "[scene][planning]") {
    test::TempDir dir;
    const std::string project = sutton_project(dir);
    geo::GeosContext geos;
    const scene::MapScene scene = scene::load_scene(project, geos);
    scene::IncidentFilter f;
    f.categories.assign(scene.incidents.categories.size(), false);
    for (std::size_t i = 0; i < f.categories.size(); ++i) f.categories[i] = scene.incidents.categories[i] == "Burglary";
    jobs::KnoxRequest r;
    r.space_edges_m = {100, 200};
    r.time_edges = {1};
    r.time_unit = "month";
    r.permutations = 19;
    const jobs::KnoxOutcome viewer = scene::knox_of(scene, f, r);
    jobs::PointRequest cli;
    cli.project = project;
    cli.filter.categories = {"Burglary"};
    const jobs::KnoxOutcome command = jobs::run_knox(jobs::load_points(cli), r);
    CHECK(viewer.incidents == command.incidents);
    CHECK(viewer.result.observed == command.result.observed);
    CHECK(viewer.result.expected == command.result.expected);
}
