// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/project/project_schema.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("incidents from a GDAL point layer", "[io][vector]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::test_data("vector/council_incidents.geojson")};
    r.columns.date = "reported";
    r.columns.category = "kind";
    r.columns.address = "address";
    r.columns.id = "ref";
    auto s = io::run_import(r);
    CHECK(s.incidents[0].format == "vector");
    const RunReport& rep = s.incidents_total;
    CHECK(rep.rows_read == 5);
    CHECK(rep.kept == 3);
    CHECK(rep.not_geocoded == 1);
    CHECK(rep.rejected_by_reason == std::map<std::string, std::int64_t>{{"bad_date", 1}, {"not_a_point", 1}});

    auto store = io::ProjectStore::open(r.project, false);
    OGRLayer& layer = store.layer(io::schema::k_incidents);
    layer.SetAttributeFilter("crime_id = 'FT-1'");
    OGRFeatureUniquePtr f(layer.GetNextFeature());
    REQUIRE(f);
    Incident inc;
    io::read_incident(*f, inc);
    REQUIRE(inc.xy);
    CHECK(inc.xy->x == Approx(449522.0).margin(1e-6)); // EPSG:27700 in, EPSG:27700 out
    CHECK(inc.occurred == "2025-03-01");
    CHECK(inc.category == "Fly-tipping");
    CHECK(inc.attributes_json == R"({"officer":"A Khan"})");
}

TEST_CASE("x/y column options are refused for a vector layer", "[io][vector]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::test_data("vector/council_incidents.geojson")};
    r.columns.x = "easting";
    r.columns.y = "northing";
    REQUIRE_THROWS_AS(io::run_import(r), ConfigError);
}
