// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

namespace {

io::ImportSummary import_boundary(const test::TempDir& dir, const std::string& file, AreaKind kind,
                                  const std::string& layer = "", const std::string& crs = "") {
    io::ImportRequest r;
    r.project = dir.file("p.gpkg");
    r.rejects_path = dir.file("rejects.csv");
    io::BoundarySpec spec;
    spec.path = file;
    spec.kind = kind;
    spec.layer = layer;
    spec.crs_override = crs;
    r.boundaries.push_back(spec);
    return io::run_import(r);
}

std::map<std::string, double> areas_km2(const std::string& project) {
    auto store = io::ProjectStore::open(project, false);
    std::map<std::string, double> out;
    for (auto& f : store.layer(io::schema::k_boundaries)) out[f->GetFieldAsString("name")] = f->GetFieldAsDouble("area_km2");
    return out;
}

} // namespace

TEST_CASE("a shapefile with .prj imports with ONS fields detected", "[io][boundaries]") {
    test::TempDir dir;
    auto s = import_boundary(dir, test::test_data("boundaries/wards_3.shp"), AreaKind::ward);
    REQUIRE(s.boundaries.size() == 1);
    const auto& b = s.boundaries[0];
    CHECK(b.report.kept == 3);
    CHECK(b.name_field == "WD20NM");
    CHECK(b.code_field == "WD20CD"); // not LAD20CD, which ONS ward files also carry
    CHECK(b.vintage == "WD20");
    CHECK(b.repairs.empty());
    auto areas = areas_km2(dir.file("p.gpkg"));
    CHECK(areas.size() == 3);
    CHECK(areas.count("Leamington") == 1);
}

TEST_CASE("the same wards from GeoJSON (WGS84) and shapefile (BNG) agree", "[io][boundaries]") {
    test::TempDir a, b;
    import_boundary(a, test::test_data("boundaries/wards_3.shp"), AreaKind::ward);
    import_boundary(b, test::test_data("boundaries/wards_3.geojson"), AreaKind::ward);
    auto shp = areas_km2(a.file("p.gpkg"));
    auto json = areas_km2(b.file("p.gpkg"));
    for (const auto& [name, area] : shp) {
        INFO(name);
        CHECK(json.at(name) == Approx(area).epsilon(0.001)); // 6-decimal WGS84 rounding costs < 0.1%
    }
}

TEST_CASE("a GeoPackage layer is chosen by name, and several layers need a choice", "[io][boundaries]") {
    test::TempDir dir;
    REQUIRE_THROWS_AS(import_boundary(dir, test::test_data("boundaries/lsoa_5.gpkg"), AreaKind::lsoa), SchemaError);
    REQUIRE_THROWS_WITH(import_boundary(dir, test::test_data("boundaries/lsoa_5.gpkg"), AreaKind::lsoa),
                        Catch::Contains("--layer") && Catch::Contains("lsoa21"));
    auto s = import_boundary(dir, test::test_data("boundaries/lsoa_5.gpkg"), AreaKind::lsoa, "lsoa21");
    CHECK(s.boundaries[0].report.kept == 5);
    CHECK(s.boundaries[0].code_field == "LSOA21CD");
    // Importing again replaces, never duplicates.
    auto again = import_boundary(dir, test::test_data("boundaries/lsoa_5.gpkg"), AreaKind::lsoa, "lsoa21");
    CHECK(again.boundaries[0].replaced == 5);
    CHECK(io::summarise_project(dir.file("p.gpkg")).boundaries_by_kind.at("lsoa") == 5);
}

TEST_CASE("TopoJSON boundaries import once their CRS is named", "[io][boundaries]") {
    test::TempDir dir;
    // TopoJSON carries no CRS and GDAL assigns none, so the user must say (WGS84 here).
    auto file = test::test_data("boundaries/two_estates.topojson");
    REQUIRE_THROWS_AS(import_boundary(dir, file, AreaKind::estate), CrsError);
    auto s = import_boundary(dir, file, AreaKind::estate, "", "EPSG:4326");
    CHECK(s.boundaries[0].report.kept == 2);
    CHECK(s.boundaries[0].name_field == "name");
    auto areas = areas_km2(dir.file("p.gpkg"));
    // 0.01° x 0.01° at 53.13° N: about 0.668 km x 1.112 km.
    CHECK(areas.at("West Estate") == Approx(0.743).epsilon(0.01));
}

TEST_CASE("a shapefile without .prj is refused unless a CRS is named", "[io][boundaries]") {
    test::TempDir dir;
    auto file = test::test_data("boundaries/no_prj/wards_3.shp");
    REQUIRE_THROWS_AS(import_boundary(dir, file, AreaKind::ward), CrsError);
    REQUIRE_THROWS_WITH(import_boundary(dir, file, AreaKind::ward), Catch::Contains("wards_3.shp") && Catch::Contains("--crs"));
    auto s = import_boundary(dir, file, AreaKind::ward, "", "EPSG:27700");
    CHECK(s.boundaries[0].report.kept == 3);
}

TEST_CASE("a truncated shapefile is an IoError and changes nothing", "[io][boundaries]") {
    test::TempDir dir;
    import_boundary(dir, test::test_data("boundaries/wards_3.shp"), AreaKind::ward);
    REQUIRE_THROWS_AS(import_boundary(dir, test::test_data("boundaries/truncated/wards_3.shp"), AreaKind::district), IoError);
    CHECK(io::summarise_project(dir.file("p.gpkg")).boundaries_by_kind == std::map<std::string, long long>{{"ward", 3}});
}

TEST_CASE("a self-intersecting polygon is repaired, reported and valid", "[io][boundaries]") {
    test::TempDir dir;
    auto s = import_boundary(dir, test::test_data("boundaries/bowtie.shp"), AreaKind::estate);
    const auto& b = s.boundaries[0];
    CHECK(b.report.kept == 2);
    REQUIRE(b.repairs.size() == 1);
    CHECK(b.repairs[0].name == "Bowtie Estate");
    CHECK_THAT(b.repairs[0].reason, Catch::Contains("Self-intersection"));
    CHECK(b.repairs[0].area_after_m2 == Approx(20000.0)); // two 200 x 100 / 2 triangles
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    for (auto& f : store.layer(io::schema::k_boundaries)) {
        INFO(f->GetFieldAsString("name"));
        CHECK(f->GetGeometryRef()->IsValid());
        CHECK(f->GetFieldAsInteger("repaired") == (std::string(f->GetFieldAsString("name")) == "Bowtie Estate" ? 1 : 0));
    }
}
