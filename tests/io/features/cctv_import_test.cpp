// SPDX-License-Identifier: MIT
#include "io/features/cctv_importer.hpp"
#include "io/project/import_job.hpp"
#include "io/features/intervention_importer.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("the real Trafford CCTV register imports from CSV and GeoJSON alike", "[io][cctv]") {
    for (const char* file : {"cctv/trafford_cctv_cameras.csv", "cctv/trafford_cctv_cameras.geojson"}) {
        INFO(file);
        test::TempDir dir;
        io::ImportRequest r = test::request_in(dir);
        r.cctv_files = {test::test_data(file)};
        auto s = io::run_import(r);
        REQUIRE(s.cctv.size() == 1);
        CHECK(s.cctv[0].report.rows_read == 163);
        CHECK(s.cctv[0].report.kept == 163);
        CHECK(s.cctv[0].report.notes_by_reason.at("type_not_given") == 163); // the register has no camera types
        auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
        OGRLayer& layer = store.layer(io::schema::k_cctv);
        layer.SetAttributeFilter("site_id = '1303'");
        OGRFeatureUniquePtr f(layer.GetNextFeature());
        REQUIRE(f);
        CHECK(std::string(f->GetFieldAsString("type")) == "unknown");
        CHECK(std::string(f->GetFieldAsString("attributes")).find("area_name") != std::string::npos);
        // Trafford lies around 370-380 km E, 390-400 km N of the National Grid origin.
        OGREnvelope env;
        layer.SetAttributeFilter(nullptr);
        REQUIRE(layer.GetExtent(&env) == OGRERR_NONE);
        CHECK(env.MinX > 370000);
        CHECK(env.MaxX < 385000);
        CHECK(env.MinY > 385000);
        CHECK(env.MaxY < 400000);
    }
}

TEST_CASE("camera and intervention types are normalised or refused", "[io][cctv]") {
    CHECK(io::normalise_camera_type("PTZ") == "ptz");
    CHECK(io::normalise_camera_type("Pan Tilt Zoom") == "ptz");
    CHECK(io::normalise_camera_type("Re-deployable") == "redeployable");
    CHECK(io::normalise_camera_type("") == "unknown");
    CHECK(io::normalise_camera_type("thermal") == "");
    CHECK(io::normalise_intervention_type("Alley Gates") == "alley_gate");
    CHECK(io::normalise_intervention_type("street lighting") == "street_lighting");
    CHECK(io::normalise_intervention_type("Target hardening") == "target_hardening");
    CHECK(io::normalise_intervention_type("bollards") == "");
}

TEST_CASE("the illustrative Ashfield CCTV and interventions are flagged as illustrative", "[io][cctv]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.cctv_files = {test::source_file("assets/demo/cctv_illustrative.csv")};
    r.intervention_files = {test::source_file("assets/demo/interventions_illustrative.geojson")};
    auto s = io::run_import(r);
    CHECK(s.cctv[0].report.kept == 59);
    CHECK(s.interventions[0].report.rejected() == 0);
    auto info = io::summarise_project(dir.file("p.gpkg"));
    CHECK(info.cctv_illustrative == 59);
    CHECK(info.interventions_illustrative == s.interventions[0].report.kept);
    CHECK(info.interventions_by_type.at("alley_gate") == 8);
}
