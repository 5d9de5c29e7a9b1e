// SPDX-License-Identifier: MIT
// The CLI and the viewer ask the same jobs for the same request and must get the same answer:
// the CLI loads a project's points through jobs::load_points, the viewer filters its scene in
// memory; both then run jobs::run_kde (and count with analysis::cell_of).
#include "analysis/gi_star.hpp"
#include "analysis/grid_counts.hpp"
#include "io/project/import_job.hpp"
#include "jobs/analysis_units.hpp"
#include "jobs/kde_job.hpp"
#include "jobs/point_request.hpp"
#include "scene/map_scene.hpp"
#include "scene/scene_analysis.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <algorithm>

using namespace safermap;

namespace {

std::string demo_project(const test::TempDir& dir) {
    io::ImportRequest req = test::request_in(dir);
    io::BoundarySpec wards;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    req.boundaries = {wards};
    req.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz"),
                          test::source_file("assets/demo/policeuk/2025-02-ashfield-street.csv.gz"),
                          test::source_file("assets/demo/policeuk/2025-03-ashfield-street.csv.gz")};
    io::run_import(req);
    return dir.file("p.gpkg");
}

// The viewer's filter for "Burglary, February to March 2025".
scene::IncidentFilter viewer_filter(const scene::IncidentLayer& layer) {
    scene::IncidentFilter f;
    f.from_month = 2025 * 12 + 1;
    f.to_month = 2025 * 12 + 2;
    f.categories.assign(layer.categories.size(), false);
    const auto it = std::find(layer.categories.begin(), layer.categories.end(), "Burglary");
    REQUIRE(it != layer.categories.end());
    f.categories[static_cast<std::size_t>(it - layer.categories.begin())] = true;
    return f;
}

} // namespace

TEST_CASE("the CLI's and the viewer's KDE of one request are identical", "[jobs][faces]") {
    test::TempDir dir;
    const std::string project = demo_project(dir);
    geo::GeosContext geos;
    const scene::MapScene scene = scene::load_scene(project, geos);

    jobs::PointRequest cli;
    cli.project = project;
    cli.filter.categories = {"burglary"}; // as a user types it
    cli.filter.from_month = "2025-02";
    cli.filter.to_month = "2025-03";
    const io::PointSet cli_points = jobs::load_points(cli);
    const io::PointSet viewer_points = scene::filtered_points(scene.incidents, viewer_filter(scene.incidents), scene.crs);
    REQUIRE(cli_points.size() > 20);
    REQUIRE(cli_points.size() == viewer_points.size());

    const render::WorldBounds extent = scene.bounds;
    jobs::KdeRequest request;
    request.bandwidth = "400";
    request.grid.cell_m = 100;
    request.grid.extent = geo::Bounds{extent.min_x, extent.min_y, extent.max_x, extent.max_y};
    const jobs::KdeOutcome from_cli = jobs::run_kde(cli_points, request);
    const scene::DensityResult from_viewer = scene::density(scene.incidents, viewer_filter(scene.incidents), extent, 100, 400);
    REQUIRE(from_cli.surface.values.size() == from_viewer.surface.values.size());
    CHECK(from_cli.surface.grid.min_x == from_viewer.surface.grid.min_x);
    CHECK(from_cli.surface.grid.min_y == from_viewer.surface.grid.min_y);
    // The same points in the same order through the same code: equal to the last bit.
    CHECK(from_cli.surface.values == from_viewer.surface.values);
}

TEST_CASE("the CLI's and the viewer's grid Gi* bins are identical", "[jobs][faces]") {
    test::TempDir dir;
    const std::string project = demo_project(dir);
    geo::GeosContext geos;
    const scene::MapScene scene = scene::load_scene(project, geos);
    const render::WorldBounds extent = scene.bounds;

    jobs::PointRequest cli;
    cli.project = project;
    cli.filter.categories = {"Burglary"};
    cli.filter.from_month = "2025-02";
    cli.filter.to_month = "2025-03";
    jobs::UnitsRequest units;
    units.grid.cell_m = 250;
    units.grid.extent = geo::Bounds{extent.min_x, extent.min_y, extent.max_x, extent.max_y};
    const jobs::Units u = units.build(cli, geos);
    const analysis::GiStarResult cli_gi = analysis::gi_star(u.values, u.weights, analysis::GiStarOptions{});

    const scene::GridHotspots viewer = scene::grid_hotspots(scene.incidents, viewer_filter(scene.incidents), extent, 250);
    REQUIRE(viewer.bins.values.size() == cli_gi.bin.size());
    for (std::size_t c = 0; c < cli_gi.bin.size(); ++c) REQUIRE(viewer.bins.values[c] == cli_gi.bin[c]);
    CHECK(std::count_if(cli_gi.bin.begin(), cli_gi.bin.end(), [](int b) { return b == 3; }) > 0);
}
