// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/project/project_schema.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

namespace {
io::ImportRequest council_request(const test::TempDir& dir) {
    io::ImportRequest r = test::request_in(dir);
    r.incident_files = {test::test_data("csv/council_asb.csv")};
    r.columns.x = "Easting";
    r.columns.y = "Northing";
    r.columns.crs = "EPSG:27700";
    r.columns.date = "Date Reported";
    r.columns.category = "Category";
    r.columns.address = "Address";
    r.columns.postcode = "Postcode";
    r.columns.id = "Case Ref";
    return r;
}
} // namespace

TEST_CASE("a council export with BNG coordinates, UK dates and addresses", "[io][csv]") {
    test::TempDir dir;
    auto s = io::run_import(council_request(dir));
    const RunReport& r = s.incidents_total;
    CHECK(s.incidents[0].format == "csv");
    CHECK(r.rows_read == 7);
    CHECK(r.kept == 3);
    CHECK(r.not_geocoded == 1); // ASB-002: an address, no coordinates: kept for geocoding
    CHECK(r.rejected_by_reason == std::map<std::string, std::int64_t>{
                                      {"bad_coordinates", 1}, {"bad_date", 1}, {"duplicate_crime_id", 1}, {"no_location", 1}});
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    OGRLayer& layer = store.layer(io::schema::k_incidents);
    layer.SetAttributeFilter("crime_id = 'ASB-002'");
    OGRFeatureUniquePtr f(layer.GetNextFeature());
    REQUIRE(f);
    Incident inc;
    io::read_incident(*f, inc);
    CHECK(inc.status == GeocodeStatus::not_geocoded);
    CHECK_FALSE(inc.xy);
    CHECK(inc.occurred == "2025-02-04T14:30:00");
    CHECK(inc.postcode == "NG17 1AP");
    CHECK(inc.attributes_json == R"({"Officer":"A Khan"})");
    layer.SetAttributeFilter("crime_id = 'ASB-001'");
    f.reset(layer.GetNextFeature());
    REQUIRE(f);
    io::read_incident(*f, inc);
    REQUIRE(inc.xy);
    CHECK(inc.xy->x == 449500); // already in the working CRS: unchanged
    CHECK(inc.month == "2025-02");
}

TEST_CASE("a mapping naming a missing column is a SchemaError naming file and column", "[io][csv]") {
    test::TempDir dir;
    auto r = council_request(dir);
    r.columns.date = "When";
    REQUIRE_THROWS_AS(io::run_import(r), SchemaError);
    REQUIRE_THROWS_WITH(io::run_import(r), Catch::Contains("council_asb.csv") && Catch::Contains("'When'"));
    auto no_crs = council_request(dir);
    no_crs.columns.crs.clear();
    REQUIRE_THROWS_AS(io::run_import(no_crs), ConfigError);
    auto nothing = council_request(dir);
    nothing.columns = {};
    REQUIRE_THROWS_WITH(io::run_import(nothing), Catch::Contains("not a police.uk file"));
}
