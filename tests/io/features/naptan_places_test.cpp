// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/features/naptan_places.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <cmath>
#include <map>
#include <set>

using namespace safermap;

namespace {

struct Read {
    std::vector<io::NaptanStop> stops;
    RunReport report;
    std::map<std::int64_t, std::string> reason_by_line;
};

Read read_hand_fixture() {
    Read r;
    Rejects rejects([&](const RejectedRow& row) { r.reason_by_line[row.line] = std::string(row.reason); });
    r.stops = io::read_naptan_stops(test::test_data("naptan/stops_hand.csv"), rejects, r.report);
    return r;
}

const io::Place& place(const std::vector<io::Place>& places, const std::string& name) {
    for (const auto& p : places)
        if (p.name == name) return p;
    FAIL("no place " << name);
    throw std::logic_error("unreachable");
}

} // namespace

// tests/data/naptan/stops_hand.csv, line by line (line 1 is the header):
//   2-4   Alphaton (T0000001): (450000, 358000) High Street, (450300, 358000) HIGH STREET,
//         (450000, 358300) Station Road
//   5-6   Beta Estate (N0000002, parent and Town Alphaton): (450600, 358000) Beta Road,
//         (450600, 358100) street "-"
//   7     Gamma Side (N0000003, parent Alphaton): (451000, 359000), blank street
//   8     Gamma Side, inactive                                   -> note inactive_stop
//   9-10  Deltaby (E0000004): (452000, 360000) Main Street, (452000, 360600) "Church Lane, East"
//   11    Zeta Green (N0000005, parent Deltaby): (452100, 360000) Green Lane
//   12    Easting 45x000                                         -> bad_coordinates
//   13    Northing blank                                         -> no_location
//   14    0, 0                                                   -> coordinates_out_of_range
//   15    no NptgLocalityCode or LocalityName                    -> no_locality
//   16    pending                                                -> note pending_stop
//   17    Status "deleted"                                       -> bad_status
//   18    7 fields                                               -> short_row
TEST_CASE("a NaPTAN stops file: active stops kept, others skipped or rejected with their line", "[io][naptan]") {
    Read r = read_hand_fixture();
    CHECK(r.report.rows_read == 17);
    CHECK(r.report.kept == 9);
    CHECK(r.stops.size() == 9);
    CHECK(r.report.rejected() == 6);
    CHECK(r.report.notes_by_reason == std::map<std::string, std::int64_t>{{"inactive_stop", 1}, {"pending_stop", 1}, {"no_street", 2}});
    // rows_read == kept + rejected + skipped (inactive, pending)
    CHECK(r.report.rows_read == r.report.kept + r.report.rejected() + 2);
    CHECK(r.reason_by_line == std::map<std::int64_t, std::string>{{12, "bad_coordinates"},
                                                                   {13, "no_location"},
                                                                   {14, "coordinates_out_of_range"},
                                                                   {15, "no_locality"},
                                                                   {17, "bad_status"},
                                                                   {18, "short_row"}});
    // The placeholder "-" and a blank street both read as no street.
    CHECK(r.stops[4].street.empty());
    CHECK(r.stops[4].line == 6);
    CHECK(r.stops[5].street.empty());
    CHECK(r.stops[7].street == "Church Lane, East");
    CHECK(r.stops[3].parent_name == "Alphaton");
    CHECK(r.stops[3].town == "Alphaton");
}

TEST_CASE("places: centre is the mean of the stops, extent their box, radius the farthest stop", "[io][naptan]") {
    Read r = read_hand_fixture();
    // Alphaton has 3 stops: a town needs 3 here (the default, 50, is checked on real data below).
    const auto places = io::group_places(r.stops, 3);
    REQUIRE(places.size() == 5);
    // Rank, then name.
    std::vector<std::string> order;
    for (const auto& p : places) order.push_back(p.name);
    CHECK(order == std::vector<std::string>{"Alphaton", "Deltaby", "Beta Estate", "Gamma Side", "Zeta Green"});

    // Alphaton: mean (450100, 358100), not the box's centre (450150, 358150); the farthest stops
    // are (200, -100) and (-100, 200) from it: sqrt(200² + 100²) = 223.607 m.
    const auto& a = place(places, "Alphaton");
    CHECK(a.code == "T0000001");
    CHECK(a.kind == "town");
    CHECK(a.rank == 1);
    CHECK(a.parent.empty());
    CHECK(a.stops.size() == 3);
    CHECK(a.centre.x == Approx(450100).margin(1e-6));
    CHECK(a.centre.y == Approx(358100).margin(1e-6));
    CHECK(a.min_x == 450000);
    CHECK(a.min_y == 358000);
    CHECK(a.max_x == 450300);
    CHECK(a.max_y == 358300);
    CHECK(a.radius_m == Approx(223.607).margin(0.001));
    // "High Street" and "HIGH STREET" are one street, spelt as first met.
    CHECK(a.streets == std::vector<std::string>{"High Street", "Station Road"});

    // Beta Estate: (450600, 358050), 50 m; its second stop has street "-".
    const auto& b = place(places, "Beta Estate");
    CHECK(b.kind == "estate");
    CHECK(b.rank == 3);
    CHECK(b.parent == "Alphaton");
    CHECK(b.centre.x == Approx(450600).margin(1e-6));
    CHECK(b.centre.y == Approx(358050).margin(1e-6));
    CHECK(b.radius_m == Approx(50).margin(1e-6));
    CHECK(b.streets == std::vector<std::string>{"Beta Road"});

    // Gamma Side: one active stop (the inactive one at 455000, 365000 does not count).
    const auto& g = place(places, "Gamma Side");
    CHECK(g.kind == "suburb");
    CHECK(g.stops.size() == 1);
    CHECK(g.centre.x == 451000);
    CHECK(g.max_y == 359000);
    CHECK(g.radius_m == 0);
    CHECK(g.streets.empty());

    // Deltaby is Zeta Green's parent but has 2 stops, fewer than 3: a village.
    const auto& d = place(places, "Deltaby");
    CHECK(d.kind == "village");
    CHECK(d.rank == 2);
    CHECK(d.centre.y == Approx(360300).margin(1e-6));
    CHECK(d.radius_m == Approx(300).margin(1e-6));
    CHECK(d.streets == std::vector<std::string>{"Church Lane, East", "Main Street"});
    CHECK(place(places, "Zeta Green").kind == "suburb");

    // With the default 50 stops, Alphaton is no town: it has no parent, so a village.
    const auto by_default = io::group_places(r.stops);
    CHECK(place(by_default, "Alphaton").kind == "village");
    CHECK(place(by_default, "Alphaton").rank == 2);
    CHECK(io::group_places({}).empty());
}

TEST_CASE("NaPTAN files are known by their header, and anything else is refused naming the file", "[io][naptan]") {
    CHECK(io::is_naptan_stops_file(test::test_data("naptan/stops_hand.csv")));
    CHECK(io::is_naptan_stops_file(test::source_file("assets/demo/naptan/ashfield-stops.csv")));
    CHECK_FALSE(io::is_naptan_stops_file(test::test_data("csv/council_asb.csv")));
    CHECK_FALSE(io::is_naptan_stops_file(test::test_data("boundaries/wards_3.shp")));
    CHECK(io::is_naptan_stops_header({"atcocode", " NptgLocalityCode", "LocalityName", "Easting", "Northing", "Status"}));
    CHECK_FALSE(io::is_naptan_stops_header({"ATCOCode", "NptgLocalityCode", "LocalityName", "Easting", "Northing"}));
    Rejects rejects;
    RunReport report;
    REQUIRE_THROWS_AS(io::read_naptan_stops(test::test_data("csv/council_asb.csv"), rejects, report), SchemaError);
    REQUIRE_THROWS_WITH(io::read_naptan_stops(test::test_data("csv/council_asb.csv"), rejects, report),
                        Catch::Contains("council_asb.csv") && Catch::Contains("line 1") && Catch::Contains("ATCOCode") &&
                            Catch::Contains("NptgLocalityCode"));
}

// The bundled Ashfield file (assets/demo/naptan, 968 rows). The counts and the Carsic Estate
// figures were worked independently with Python's csv module over the same file: 873 active
// rows, 95 inactive, 50 distinct NptgLocalityCode; Carsic Estate's 22 active stops average
// (448773.136, 359544.136), the farthest 987.88 m away, box 447807 359212 - 449123 359994.
TEST_CASE("Ashfield's real places: three towns, the estates by name", "[io][naptan]") {
    Rejects rejects;
    RunReport report;
    const auto stops = io::read_naptan_stops(test::source_file("assets/demo/naptan/ashfield-stops.csv"), rejects, report);
    CHECK(report.rows_read == 968);
    CHECK(report.kept == 873);
    CHECK(report.rejected() == 0);
    CHECK(report.notes_by_reason.at("inactive_stop") == 95);
    const auto places = io::group_places(stops);
    CHECK(places.size() == 50);
    std::set<std::string> towns, estates;
    for (const auto& p : places) {
        if (p.kind == "town") towns.insert(p.name);
        if (p.kind == "estate") estates.insert(p.name);
    }
    CHECK(towns == std::set<std::string>{"Hucknall", "Kirkby in Ashfield", "Sutton in Ashfield"});
    CHECK(estates == std::set<std::string>{"Carsic Estate", "Coxmoor Estate", "Ruffs Estate", "Vaughan Estate", "Welbeck Estate"});
    CHECK(places.front().rank == 1);
    CHECK(place(places, "Selston").kind == "village"); // a parent, but 38 stops
    CHECK(place(places, "Sutton Junction").kind == "suburb");
    const auto& carsic = place(places, "Carsic Estate");
    CHECK(carsic.rank == 3);
    CHECK(carsic.parent == "Sutton in Ashfield");
    CHECK(carsic.stops.size() == 22);
    CHECK(carsic.centre.x == Approx(448773.136).margin(0.001));
    CHECK(carsic.centre.y == Approx(359544.136).margin(0.001));
    CHECK(carsic.radius_m == Approx(987.88).margin(0.01));
    CHECK(carsic.min_x == 447807);
    CHECK(carsic.max_y == 359994);
    CHECK(carsic.streets.size() == 9);
    // Coxmoor Estate's stops spell one street GLENSIDE and Glenside: 5 streets, not 6.
    CHECK(place(places, "Coxmoor Estate").streets.size() == 5);
}
