// SPDX-License-Identifier: MIT
// Issue #14's offline slice, GeoPackage to GeoPackage (tests/cli/postgis_parity.sh takes one
// from PostGIS): what lies in a ward of the Ashfield demo's January, counted independently.
#include "core/error.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/import_job.hpp"
#include "io/project/project_slice.hpp"
#include "io/project/project_store.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <filesystem>

using namespace safermap;

namespace {

std::string january_with_wards(const test::TempDir& dir) {
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz")};
    for (auto [file, kind] : {std::pair{"shapefiles/ashfield_wards_dec2020.shp", AreaKind::ward},
                              std::pair{"shapefiles/ashfield_district_2020.geojson", AreaKind::district}}) {
        io::BoundarySpec b;
        b.path = test::source_file(file);
        b.kind = kind;
        r.boundaries.push_back(b);
    }
    io::run_import(r);
    return r.project;
}

} // namespace

TEST_CASE("an offline slice holds a ward's incidents and the boundaries over it, and adds up", "[io][project][slice]") {
    test::TempDir dir;
    const std::string project = january_with_wards(dir);
    io::PointFilter ward;
    ward.area = "central & new cross"; // spelt as a user might: resolved as the analyses resolve it
    const io::PointSet inside = io::load_project_points(project, ward);
    REQUIRE(inside.size() > 100);

    const std::string slice = dir.file("ward.gpkg");
    const auto result = io::copy_project_slice(project, ward, slice);
    CHECK(result.copied.at("incidents") == static_cast<long long>(inside.size()));
    // The ward itself and the district round it; not the wards that only share its edge.
    CHECK(result.copied.at("boundaries") == 2);
    const auto s = io::summarise_project(slice);
    CHECK(s.incidents == static_cast<long long>(inside.size()));
    CHECK(s.rows_read == s.incidents + s.rejected);
    CHECK(s.boundaries_by_kind == std::map<std::string, long long>{{"district", 1}, {"ward", 1}});
    CHECK(s.settings.at("slice_area") == "Central & New Cross");
    CHECK(s.settings.at("sliced_from") == project);
    CHECK(s.name == "p: Central & New Cross");

    // The slice analyses as the project does inside the ward: the same points, in the same order.
    const io::PointSet all_of_slice = io::load_project_points(slice, {});
    CHECK(all_of_slice.x == inside.x);
    CHECK(all_of_slice.y == inside.y);
    CHECK(all_of_slice.month == inside.month);

    // Importing the same month into the slice adds what lies outside the ward, and nothing twice.
    io::ImportRequest again = test::request_in(dir);
    again.project = slice;
    again.rejects_path = dir.file("again.csv");
    again.incident_files = {test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz")};
    const auto added = io::run_import(again);
    CHECK(added.incidents_total.rejected_by_reason.at("already_in_project") == static_cast<long long>(inside.size()));
}

TEST_CASE("a slice is a new GeoPackage, and an area that matches nothing is refused before anything is written", "[io][project][slice]") {
    test::TempDir dir;
    const std::string project = january_with_wards(dir);
    io::PointFilter ward;
    ward.area = "Summit";
    REQUIRE_THROWS_WITH(io::copy_project_slice(project, ward, dir.file("out.csv")), Catch::Contains("GeoPackage project"));
    REQUIRE_THROWS_WITH(io::copy_project_slice(project, ward, project), Catch::Contains("already exists"));
    io::PointFilter nowhere;
    nowhere.area = "Nowhere Ward";
    REQUIRE_THROWS_AS(io::copy_project_slice(project, nowhere, dir.file("nowhere.gpkg")), ConfigError);
    CHECK_FALSE(std::filesystem::exists(dir.file("nowhere.gpkg")));
}
