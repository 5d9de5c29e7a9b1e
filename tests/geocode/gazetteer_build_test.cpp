// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/gazetteer_fixture.hpp"
#include "geocode/matcher.hpp"

#include <catch2/catch.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace safermap;
using namespace safermap::geocode;

namespace {

const GazetteerFileResult& file_result(const GazetteerBuildResult& r, const std::string& suffix) {
    for (const auto& f : r.files)
        if (f.file.size() >= suffix.size() && f.file.compare(f.file.size() - suffix.size(), suffix.size(), suffix) == 0) return f;
    FAIL("no result for " << suffix);
    return r.files.front();
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

} // namespace

TEST_CASE("the Ashfield gazetteer from real Code-Point Open, police.uk and ONS files", "[geocode][gazetteer]") {
    test::TempDir dir;
    auto in = test::ashfield_gazetteer_inputs();
    in.rejects_path = dir.file("rejects.csv");
    const auto path = dir.file("g.gpkg");
    auto r = build_gazetteer(path, in);
    // ng.csv.gz: 29,759 rows, all with coordinates (PROVENANCE.md's PQI table has no 90s).
    CHECK(file_result(r, "ng.csv.gz").format == "codepoint_open");
    CHECK(file_result(r, "ng.csv.gz").added == 29759);
    // The ONSPD-style fixture: one terminated postcode kept, one without coordinates and one
    // impossible postcode rejected.
    const auto& onspd = file_result(r, "onspd_style.csv");
    CHECK(onspd.format == "onspd");
    CHECK(onspd.added == 1);
    CHECK(onspd.report.rejected_by_reason.at("no_coordinates") == 1);
    CHECK(onspd.report.rejected_by_reason.at("bad_postcode") == 1);
    CHECK(r.counts.postcodes == 29760);
    CHECK(r.counts.terminated_postcodes == 1);
    // The twelve police.uk files: 12,622 rows, every one with an "On or near" location.
    std::int64_t rows = 0;
    for (const auto& f : r.files)
        if (f.kind == "policeuk") rows += f.report.rows_read;
    CHECK(rows == 12622);
    CHECK(r.counts.policeuk_locations > 1000);
    CHECK(r.counts.places > 0);
    // 23 wards and the district.
    CHECK(r.counts.localities == 24);
    // Address points: 5 kept; one without a street, one without coordinates rejected.
    const auto& addresses = file_result(r, "address_points.csv");
    CHECK(addresses.added == 5);
    CHECK(addresses.report.rejected_by_reason.at("incomplete_address") == 1);
    CHECK(addresses.report.rejected_by_reason.at("no_coordinates") == 1);
    CHECK(r.rejects_file == dir.file("rejects.csv"));
    const std::string rejects = slurp(r.rejects_file);
    CHECK(rejects.find("XX1 1XX") != std::string::npos);
    CHECK(rejects.find("TEST000007") != std::string::npos);

    SECTION("adding the same files again changes nothing") {
        auto again = build_gazetteer(path, in);
        for (const auto& f : again.files) CHECK(f.skipped);
        CHECK(again.counts.postcodes == r.counts.postcodes);
        CHECK(again.counts.streets == r.counts.streets);
    }
    SECTION("the same street name in two towns stays two streets") {
        geo::GeosContext geos;
        auto g = Gazetteer::load(path, geos);
        std::vector<NameHit> hits;
        g.find_streets("HIGH STREET", hits);
        CHECK(hits.size() == 2);
        // police.uk places keep the street they stand on.
        g.find_streets("SUPERMARKET", hits);
        REQUIRE_FALSE(hits.empty());
        int with_street = 0;
        for (const auto& h : hits) with_street += !g.streets()[h.street].near_street.empty();
        CHECK(with_street > 0);
    }
}

TEST_CASE("road layers and Open Names CSVs make streets and localities", "[geocode][gazetteer]") {
    test::TempDir dir;
    GazetteerInputs in;
    in.streets = {test::test_data("geocode/roads_sample.geojson"), test::test_data("geocode/open_names_sample.csv")};
    in.rejects_path = dir.file("rejects.csv");
    auto r = build_gazetteer(dir.file("g.gpkg"), in);
    const auto& roads = file_result(r, "roads_sample.geojson");
    CHECK(roads.format == "roads");
    // Test Lane: two touching pieces in Alpha are one street, the piece in Beta another; Cross
    // Road a third; the unnamed road is rejected.
    CHECK(roads.added == 3);
    CHECK(roads.report.rejected_by_reason.at("no_name") == 1);
    const auto& names = file_result(r, "open_names_sample.csv");
    CHECK(names.format == "open_names");
    CHECK(names.added == 1); // two Sample Street sections 200 m apart: one street
    CHECK(names.report.rejected_by_reason.at("not_a_street_or_locality") == 1);
    CHECK(names.report.rejected_by_reason.at("no_name_or_point") == 1);
    CHECK(r.counts.streets == 4);
    CHECK(r.counts.localities == 1); // Gammaton, from its bounding box

    geo::GeosContext geos;
    auto g = Gazetteer::load(dir.file("g.gpkg"), geos);
    Matcher matcher(g);
    auto m = matcher.match({"Test Ln", "", "Beta"});
    REQUIRE(m.level == MatchLevel::street);
    CHECK(m.xy->x >= 460000);
    CHECK(matcher.match({"Test Lane", "", ""}).level == MatchLevel::ambiguous);
    m = matcher.match({"Sample St", "", "Gammaton"});
    REQUIRE(m.level == MatchLevel::street);
    CHECK(m.quality == "Open Names road point");
    m = matcher.match({"junction of Test Lane and Cross Road", "", "Alpha"});
    REQUIRE(m.level == MatchLevel::intersection);
    CHECK(m.xy->x == Approx(450200).margin(30)); // the lines cross at (450200, 355000)
    CHECK(m.xy->y == Approx(355000).margin(30));
}

TEST_CASE("files that are no gazetteer source are refused by name", "[geocode][gazetteer]") {
    test::TempDir dir;
    GazetteerInputs in;
    in.postcodes = {test::test_data("geocode/messy_addresses.csv")};
    CHECK_THROWS_WITH(build_gazetteer(dir.file("g.gpkg"), in), Catch::Contains("messy_addresses.csv") && Catch::Contains("not a postcode file"));
    CHECK_FALSE(std::filesystem::exists(dir.file("g.gpkg"))); // a gazetteer created by a failed build is removed
    GazetteerInputs pol;
    pol.policeuk = {test::test_data("geocode/onspd_style.csv")};
    CHECK_THROWS_AS(build_gazetteer(dir.file("g.gpkg"), pol), SchemaError);
    CHECK_THROWS_AS(Gazetteer::load(test::test_data("geocode/onspd_style.csv"), geo::GeosContext{}), Error);
}
