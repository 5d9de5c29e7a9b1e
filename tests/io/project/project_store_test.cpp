// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "io/project/project_migrations.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <ogrsf_frmts.h>

using namespace safermap;

TEST_CASE("a new project is a GeoPackage with every layer, in EPSG:27700", "[io][project]") {
    test::TempDir dir;
    {
        auto store = io::ProjectStore::create(dir.file("p.gpkg"), {});
        store.close();
    }
    // Read back through GDAL directly, as QGIS would.
    GDALDatasetUniquePtr ds(GDALDataset::Open(dir.file("p.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    CHECK(std::string(ds->GetDriver()->GetDescription()) == "GPKG");
    for (const auto& def : io::schema::layers()) {
        OGRLayer* layer = ds->GetLayerByName(std::string(def.name).c_str());
        INFO(def.name);
        REQUIRE(layer);
        CHECK(layer->GetLayerDefn()->GetFieldCount() == static_cast<int>(def.fields.size()));
        if (def.geometry != wkbNone) CHECK(std::string(layer->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    }
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    CHECK(store.setting("working_crs") == "EPSG:27700");
    CHECK(store.setting("name") == "p");
}

TEST_CASE("the working CRS is settable per project", "[io][project]") {
    test::TempDir dir;
    io::ImportRequest r;
    r.project = dir.file("wgs.gpkg");
    r.rejects_path = dir.file("r.csv");
    r.new_project.working_crs = "EPSG:3857";
    r.incident_files = {test::test_data("policeuk/2025-01-notts-excerpt.csv")};
    io::run_import(r);
    auto info = io::summarise_project(r.project);
    CHECK(info.crs == "EPSG:3857");
    REQUIRE_THROWS_AS(io::ProjectStore::create(dir.file("bad.gpkg"), {"x", "EPSG:999999"}), CrsError);
}

TEST_CASE("opening something that is not a project says so", "[io][project]") {
    REQUIRE_THROWS_AS(io::ProjectStore::open("/no/such.gpkg", false), IoError);
    REQUIRE_THROWS_AS(io::ProjectStore::open(test::test_data("boundaries/lsoa_5.gpkg"), false), SchemaError);
    test::TempDir dir;
    io::ProjectStore::create(dir.file("p.gpkg"), {}).close();
    REQUIRE_THROWS_WITH(io::ProjectStore::create(dir.file("p.gpkg"), {}), Catch::Contains("already exists"));
}

TEST_CASE("info --json carries the contract keys and the import invariant", "[io][project]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::test_data("policeuk/bad_rows.csv"), test::test_data("policeuk/2025-01-notts-excerpt.csv")};
    io::run_import(r);
    auto j = io::to_json(io::summarise_project(r.project));
    for (const char* key : {"rows_read", "incidents", "not_geocoded", "outside_study_area", "rejected",
                            "rejected_by_reason", "layers", "crs"}) {
        INFO(key);
        CHECK(j.contains(key));
    }
    CHECK(j["rows_read"] == 17 + 24);
    // bad_rows.csv line 2 is a real 2025-01 row, so the excerpt's copy of it (line 3) is a duplicate.
    CHECK(j["incidents"] == 6 + 20);
    CHECK(j["incidents"].get<long long>() + j["rejected"].get<long long>() == j["rows_read"].get<long long>());
    CHECK(j["crs"] == "EPSG:27700");
    CHECK(j["rejected_by_reason"]["no_location"] == 1 + 2);
    CHECK(j["layers"].size() == io::schema::layers().size());
}

TEST_CASE("a project records its schema version, and one from a newer SaferMap is refused", "[io][project]") {
    test::TempDir dir;
    const std::string path = dir.file("p.gpkg");
    io::ProjectStore::create(path, {}).close();
    CHECK(io::ProjectStore::open(path, false).setting("schema_version") == std::to_string(io::k_schema_version));
    auto set_version = [&](const std::string& v) {
        auto store = io::ProjectStore::open(path, true);
        store.set_setting("schema_version", v);
        store.close();
    };
    set_version(std::to_string(io::k_schema_version + 1));
    REQUIRE_THROWS_AS(io::ProjectStore::open(path, false), SchemaError);
    REQUIRE_THROWS_WITH(io::ProjectStore::open(path, true),
                        Catch::Contains(path) && Catch::Contains("newer SaferMap") &&
                            Catch::Contains(fmt::format("schema version {}", io::k_schema_version + 1)));
    // Not opened for writing, so it cannot be mended through the store: through GDAL instead.
    {
        GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE));
        REQUIRE(ds);
        ds->ExecuteSQL("UPDATE settings SET value = 'one' WHERE key = 'schema_version'", nullptr, nullptr);
    }
    REQUIRE_THROWS_WITH(io::ProjectStore::open(path, false), Catch::Contains("'one', not a version number"));
}

TEST_CASE("the migrations run in order up to the current version", "[io][project]") {
    const auto steps = io::migrations();
    REQUIRE_FALSE(steps.empty());
    for (std::size_t i = 0; i < steps.size(); ++i) CHECK(steps[i].version == static_cast<int>(i) + 1);
    CHECK(steps.back().version == io::k_schema_version);
}
