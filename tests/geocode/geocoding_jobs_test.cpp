// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "geocode/csv_geocoding.hpp"
#include "geocode/gazetteer_fixture.hpp"
#include "geocode/project_geocoding.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/project/import_job.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <map>

using namespace safermap;
using namespace safermap::geocode;

namespace {

const Gazetteer& gazetteer() {
    static geo::GeosContext geos;
    static Gazetteer g = Gazetteer::load(test::ashfield_gazetteer(), geos);
    return g;
}

std::vector<io::CsvRecord> read_all(const std::string& path) {
    io::CsvReader reader(path);
    std::vector<io::CsvRecord> out;
    io::CsvRecord r;
    while (reader.next(r)) out.push_back(r);
    return out;
}

struct StoredMatch {
    std::string status, level, ref;
    bool has_point = false;
};

std::map<std::string, StoredMatch> stored_matches(const std::string& project) {
    auto store = io::ProjectStore::open(project, false);
    std::map<std::string, StoredMatch> out;
    for (auto& f : store.layer(io::schema::k_incidents)) {
        const OGRGeometry* g = f->GetGeometryRef();
        out[f->GetFieldAsString("crime_id")] = StoredMatch{f->GetFieldAsString("geocode_status"), f->GetFieldAsString("match_level"),
                                                           f->GetFieldAsString("gazetteer_ref"), g && !g->IsEmpty()};
    }
    return out;
}

} // namespace

TEST_CASE("geocoding a CSV keeps every row in input order and adds the contract's columns", "[geocode][csv]") {
    test::TempDir dir;
    const Matcher matcher(gazetteer());
    CsvGeocodeRequest req{test::test_data("geocode/messy_addresses.csv"), dir.file("out.csv"), "", "", "town", ""};
    auto s = geocode_csv(matcher, req);
    CHECK(s.rows == 50);
    const auto in = read_all(req.input);
    const auto out = read_all(req.output);
    REQUIRE(out.size() == in.size());
    const std::vector<std::string> added{"x", "y", "match_level", "score", "candidates"};
    for (std::size_t i = 0; i < added.size(); ++i) CHECK(out[0].fields[in[0].fields.size() + i] == added[i]);
    std::int64_t review_rows = 0;
    for (std::size_t i = 1; i < in.size(); ++i) {
        INFO("row " << i);
        // The input columns come back unchanged, in the same order.
        for (std::size_t c = 0; c < in[i].fields.size(); ++c) CHECK(out[i].fields[c] == in[i].fields[c]);
        const auto& level = out[i].fields[in[0].fields.size() + 2];
        CHECK(level == in[i].fields[4]); // expected_level
        const bool placed = !out[i].fields[in[0].fields.size()].empty();
        review_rows += !placed;
    }
    CHECK(s.placed() == 50 - review_rows);
    CHECK(read_all(s.unmatched_file).size() == static_cast<std::size_t>(review_rows) + 1);
    CHECK(s.hit_rate() == Approx(static_cast<double>(s.placed()) / 50.0));
}

TEST_CASE("a CSV without an address or postcode column, or with a clashing column, is refused", "[geocode][csv]") {
    test::TempDir dir;
    const Matcher matcher(gazetteer());
    std::ofstream(dir.file("none.csv")) << "id,easting,northing\n1,450000,355000\n";
    CsvGeocodeRequest no_columns{dir.file("none.csv"), dir.file("o.csv"), "", "", "", ""};
    CHECK_THROWS_AS(geocode_csv(matcher, no_columns), ConfigError);
    std::ofstream(dir.file("clash.csv")) << "address,x\n12 High Street,1\n";
    CsvGeocodeRequest clash{dir.file("clash.csv"), dir.file("o.csv"), "", "", "", ""};
    CHECK_THROWS_WITH(geocode_csv(matcher, clash), Catch::Contains("already has a column 'x'"));
    CsvGeocodeRequest missing{test::test_data("geocode/messy_addresses.csv"), dir.file("o.csv"), "Street", "", "", ""};
    CHECK_THROWS_WITH(geocode_csv(matcher, missing), Catch::Contains("no column 'Street'"));
}

TEST_CASE("geocoding a project records each match, round-trips, and re-runs touch only what changed", "[geocode][project]") {
    test::TempDir dir;
    io::ImportRequest imp = test::request_in(dir);
    imp.incident_files = {test::test_data("geocode/asb_export.csv")};
    imp.columns.date = "Date";
    imp.columns.category = "Category";
    imp.columns.address = "Address";
    imp.columns.postcode = "Postcode";
    imp.columns.id = "Case ID";
    auto summary = io::run_import(imp);
    REQUIRE(summary.incidents_total.not_geocoded == 5);

    const Matcher matcher(gazetteer());
    ProjectGeocodeRequest req{dir.file("p.gpkg"), "Town", "", ""};
    auto s = geocode_project(matcher, req);
    CHECK(s.rows == 5);
    CHECK(s.changed == 5);
    auto stored = stored_matches(req.project);
    CHECK(stored["ASB-1001"].level == "address");
    CHECK(stored["ASB-1001"].status == "geocoded");
    CHECK(stored["ASB-1001"].ref == "address:TEST000001");
    CHECK(stored["ASB-1002"].level == "street");
    CHECK(stored["ASB-1003"].level == "ambiguous");
    CHECK(stored["ASB-1003"].status == "not_geocoded");
    CHECK_FALSE(stored["ASB-1003"].has_point);
    CHECK(stored["ASB-1004"].level == "unmatched");
    CHECK(stored["ASB-1005"].level == "postcode");
    CHECK(stored["ASB-1005"].has_point);
    // The incident reads back through the project's own reader with its new status.
    {
        auto store = io::ProjectStore::open(req.project, false);
        OGRLayer& l = store.layer(io::schema::k_incidents);
        l.SetAttributeFilter("crime_id = 'ASB-1005'");
        auto f = OGRFeatureUniquePtr(l.GetNextFeature());
        Incident inc;
        io::read_incident(*f, inc);
        CHECK(inc.status == GeocodeStatus::geocoded);
        REQUIRE(inc.xy);
        CHECK(inc.xy->x == Approx(449104));
    }

    SECTION("the same run again writes nothing") {
        auto again = geocode_project(matcher, req);
        CHECK(again.changed == 0);
        CHECK(again.unchanged == 5);
    }
    SECTION("reviewed coordinates place the rest by hand, and geocoding never overwrites them") {
        std::ofstream(dir.file("manual.csv")) << "key,x,y,address\nASB-1003,453580,349250,High Street\nASB-1004,,,Zzyzx Road\n";
        ProjectGeocodeRequest manual = req;
        manual.manual_file = dir.file("manual.csv");
        auto m = geocode_project(matcher, manual);
        CHECK(m.changed == 1);
        CHECK(m.manual == 1);
        auto after = stored_matches(req.project);
        CHECK(after["ASB-1003"].status == "manual");
        CHECK(after["ASB-1003"].has_point);
        CHECK(after["ASB-1004"].level == "unmatched"); // a blank row is still under review
        auto again = geocode_project(matcher, req);
        CHECK(again.changed == 0);
        CHECK(stored_matches(req.project)["ASB-1003"].status == "manual");
    }
    SECTION("a manual file with positions off the National Grid is refused by line") {
        std::ofstream(dir.file("bad.csv")) << "key,x,y\nASB-1003,-1.26,53.08\n";
        ProjectGeocodeRequest bad = req;
        bad.manual_file = dir.file("bad.csv");
        CHECK_THROWS_WITH(geocode_project(matcher, bad), Catch::Contains("line 2"));
    }
}
