// SPDX-License-Identifier: MIT
#include "io/project/import_job.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

// Expected counts come from SpatiaLite (ST_Within of the excerpt's lon/lat against the WGS84
// district polygon, run through ogr2ogr's SQLite dialect): 19 of the 22 located rows lie in
// Ashfield; the other 3 are the Amber Valley row and the two Nottingham rows sharing a Crime ID
// (one of which is rejected as a duplicate).

TEST_CASE("a clip file marks incidents outside the study area without dropping them", "[io][study_area]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::test_data("policeuk/2025-01-notts-excerpt.csv")};
    r.clip_file = test::source_file("shapefiles/ashfield_district_2020.geojson");
    auto s = io::run_import(r);
    CHECK(s.incidents_total.kept == 21);
    CHECK(s.incidents_total.outside_study_area == 2);
    auto info = io::summarise_project(r.project);
    CHECK(info.outside_study_area == 2);
    CHECK(info.incidents == 21);
}

TEST_CASE("a study area of a boundary kind uses the project's own boundaries of a kind", "[io][study_area]") {
    test::TempDir dir;
    io::ImportRequest boundaries = test::request_in(dir);
    boundaries.boundaries.push_back({.path = test::source_file("shapefiles/ashfield_district_2020.geojson"),
                                     .layer = "", .kind = AreaKind::district, .name_field = "", .code_field = "",
                                     .crs_override = "", .vintage = ""});
    boundaries.boundaries.push_back({.path = test::source_file("shapefiles/ashfield_lsoa_dec2021.gpkg"),
                                     .layer = "", .kind = AreaKind::lsoa, .name_field = "", .code_field = "",
                                     .crs_override = "", .vintage = ""});
    io::run_import(boundaries);

    io::ImportRequest r;
    r.project = dir.file("p.gpkg");
    r.rejects_path = dir.file("r2.csv");
    r.incident_files = {test::test_data("policeuk/2025-01-notts-excerpt.csv")};
    r.study_area_kind = "district";
    auto s = io::run_import(r);
    CHECK(s.study_area_lsoas == 77); // every Ashfield LSOA lies inside Ashfield
    CHECK(s.incidents_total.outside_study_area == 2);

    // A kind the project does not have is a clear error, and changes nothing.
    r.study_area_kind = "priority";
    REQUIRE_THROWS_WITH(io::run_import(r), Catch::Contains("no 'priority' boundaries"));
    CHECK(io::summarise_project(r.project).incidents == 21);
}
