// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "scene/map_scene.hpp"
#include "scene/scene_analysis.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <set>
#include <tuple>
#include <geos_c.h>

using namespace safermap;
using namespace safermap::scene;

TEST_CASE("a project becomes a scene: areas triangulated, incidents with months, bookmarks", "[render][scene]") {
    test::TempDir dir;
    io::ImportRequest req = test::request_in(dir);
    io::BoundarySpec wards_spec, priority_spec;
    wards_spec.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards_spec.kind = AreaKind::ward;
    priority_spec.path = test::source_file("shapefiles/ashfield_priority_areas.geojson");
    priority_spec.kind = AreaKind::priority;
    req.boundaries = {wards_spec, priority_spec};
    req.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz"),
                          test::source_file("assets/demo/policeuk/2025-02-ashfield-street.csv.gz")};
    auto summary = io::run_import(req);
    geo::GeosContext geos;
    MapScene scene = load_scene(dir.file("p.gpkg"), geos);
    const AreaLayer* wards = scene.area("ward");
    REQUIRE(wards);
    CHECK(wards->names.size() == 23);
    // The triangles cover each ward exactly: their area equals the polygons' (GEOS) area.
    double area = 0;
    for (std::size_t i = 0; i < wards->polygons->size(); ++i) {
        double a = 0;
        GEOSArea_r(geos.handle(), wards->polygons->polygon(i), &a);
        area += a;
    }
    CHECK(mesh_area(wards->fill) == Approx(area).epsilon(1e-6));
    CHECK(scene.incidents.size() == static_cast<std::size_t>(summary.incidents_total.kept));
    CHECK(scene.incidents.first_month == 2025 * 12);
    // One sprite per distinct position, type and month, counted here independently.
    std::set<std::tuple<double, double, int, int>> distinct;
    for (std::size_t i = 0; i < scene.incidents.size(); ++i)
        distinct.emplace(scene.incidents.x[i], scene.incidents.y[i], scene.incidents.category[i], scene.incidents.month[i]);
    CHECK(scene.incidents.draw_category.size() == distinct.size());
    CHECK(scene.incidents.draw_xy.size() == 2 * distinct.size());
    CHECK(scene.incidents.last_month == 2025 * 12 + 1);
    REQUIRE(scene.bookmark("Whole area"));
    const AreaLayer* priority = scene.area("priority");
    REQUIRE(priority);
    CHECK(scene.bookmark(priority->names.front()));

    SECTION("saved views come back as bookmarks") {
        WorldBounds b;
        b.include(448800, 358400);
        b.include(449800, 359300);
        save_bookmark(dir.file("p.gpkg"), Bookmark{"Sutton town centre", b});
        MapScene again = load_scene(dir.file("p.gpkg"), geos);
        REQUIRE(again.bookmark("Sutton town centre"));
        CHECK(again.bookmark("Sutton town centre")->bounds.min_x == Approx(448800));
    }
    SECTION("counts per ward against the same months a year earlier, and Gi* on wards") {
        IncidentFilter f;
        f.from_month = 2025 * 12;
        f.to_month = 2025 * 12;
        auto counts = area_counts(*wards, scene.incidents, f);
        std::int64_t total = 0, earlier = 0;
        for (auto c : counts.current) total += c;
        for (auto c : counts.last_year) earlier += c;
        std::size_t january = 0;
        for (auto m : scene.incidents.month) january += m == 2025 * 12;
        CHECK(total <= static_cast<std::int64_t>(january));
        CHECK(total >= static_cast<std::int64_t>(january) - 40); // a few snap points lie outside every ward
        CHECK(earlier == 0); // the project has no 2024 data
        auto gi = area_hotspots(*wards, scene.incidents, IncidentFilter{});
        CHECK(gi.bin.size() == 23);
        // Two months are too few for a monthly trend.
        CHECK_THROWS_WITH(emerging_grid(scene.incidents, IncidentFilter{}, scene.bounds, 250), Catch::Contains("three months"));
    }
}
