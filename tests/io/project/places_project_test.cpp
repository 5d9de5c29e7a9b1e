// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/attribution.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/import_job.hpp"
#include "io/project/import_log.hpp"
#include "io/project/place_reader.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_summary.hpp"
#include "jobs/result_description.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace safermap;

namespace {

// The hand-made stops (tests/io/features/naptan_places_test.cpp lists them line by line).
io::ImportSummary import_hand_places(const test::TempDir& dir) {
    io::ImportRequest r = test::request_in(dir);
    r.places_files = {test::test_data("naptan/stops_hand.csv")};
    return io::run_import(r);
}

std::string read_text(const std::string& path) {
    std::ifstream in(path);
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

const io::Place& place(const std::vector<io::Place>& places, const std::string& name) {
    for (const auto& p : places)
        if (p.name == name) return p;
    FAIL("no place " << name);
    throw std::logic_error("unreachable");
}

} // namespace

TEST_CASE("places import into the project and read back with every field", "[io][places]") {
    test::TempDir dir;
    const auto s = import_hand_places(dir);
    REQUIRE(s.places.size() == 1);
    const auto& r = s.places[0];
    CHECK(r.format == "naptan");
    CHECK(r.report.rows_read == 17);
    CHECK(r.report.kept == 9);
    CHECK(r.report.rejected() == 6);
    // With the default town rule Alphaton (3 stops) is a village: no towns here.
    CHECK(r.places == 5);
    CHECK(r.replaced == 0);
    CHECK(r.places_by_kind == std::map<std::string, long long>{{"estate", 1}, {"suburb", 2}, {"village", 2}});
    // The rejects file names the file and line of each rejected row.
    const std::string rejects = read_text(dir.file("r.csv"));
    CHECK(rejects.find("stops_hand.csv,12,bad_coordinates") != std::string::npos);
    CHECK(rejects.find("stops_hand.csv,15,no_locality") != std::string::npos);
    CHECK(rejects.find("stops_hand.csv,18,short_row") != std::string::npos);
    CHECK(rejects.find("stops_hand.csv,8,") == std::string::npos);  // inactive: skipped, not rejected
    CHECK(rejects.find("stops_hand.csv,16,") == std::string::npos); // pending: the same

    const auto places = io::read_places(dir.file("p.gpkg"));
    REQUIRE(places.size() == 5);
    std::vector<std::string> order;
    for (const auto& p : places) order.push_back(p.name);
    CHECK(order == std::vector<std::string>{"Alphaton", "Deltaby", "Beta Estate", "Gamma Side", "Zeta Green"});
    const auto& a = place(places, "Alphaton");
    CHECK(a.code == "T0000001");
    CHECK(a.kind == "village");
    CHECK(a.rank == 2);
    CHECK(a.centre.x == Approx(450100).margin(1e-6));
    CHECK(a.centre.y == Approx(358100).margin(1e-6));
    CHECK(a.min_x == 450000);
    CHECK(a.max_y == 358300);
    CHECK(a.radius_m == Approx(223.607).margin(0.001));
    CHECK(a.stops.size() == 3);
    CHECK(a.stops[1].x == 450300);
    CHECK(a.streets == std::vector<std::string>{"High Street", "Station Road"});
    CHECK(place(places, "Beta Estate").parent == "Alphaton");
    CHECK(place(places, "Deltaby").streets == std::vector<std::string>{"Church Lane, East", "Main Street"});
    CHECK(place(places, "Gamma Side").streets.empty());

    // info: the count, by kind, and the import log row.
    const auto info = io::summarise_project(dir.file("p.gpkg"));
    CHECK(info.places == 5);
    CHECK(info.places_by_kind.at("estate") == 1);
    CHECK(io::to_json(info)["places"] == 5);
    REQUIRE(info.import_log.size() == 1);
    CHECK(info.import_log[0].target_layer == "places");
    CHECK(info.import_log[0].format == "naptan");
    CHECK(info.import_log[0].report.rows_read == 17);
}

TEST_CASE("a second import of the same places replaces them, as boundaries are replaced", "[io][places]") {
    test::TempDir dir;
    import_hand_places(dir);
    const auto again = import_hand_places(dir);
    CHECK(again.places[0].places == 5);
    CHECK(again.places[0].replaced == 5);
    CHECK(io::read_places(dir.file("p.gpkg")).size() == 5);
}

TEST_CASE("a project made before places existed opens, has none, and gets the layer on import", "[io][places]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    r.cctv_files = {test::source_file("assets/demo/cctv_illustrative.csv")};
    io::run_import(r);
    {
        auto store = io::ProjectStore::open(dir.file("p.gpkg"), true);
        GDALDataset& ds = store.dataset();
        for (int i = 0; i < ds.GetLayerCount(); ++i)
            if (std::string(ds.GetLayer(i)->GetName()) == io::schema::k_places) REQUIRE(ds.DeleteLayer(i) == OGRERR_NONE);
        store.close();
    }
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    CHECK_FALSE(io::has_places(store));
    CHECK(io::read_places(store).empty());
    for (const auto& line : io::project_attribution(store)) CHECK(line.text.find("NaPTAN") == std::string::npos);
    store.close();
    const auto info = io::summarise_project(dir.file("p.gpkg"));
    CHECK(info.places == 0);
    for (const auto& l : info.layers) CHECK(l.name != "places");

    import_hand_places(dir);
    CHECK(io::read_places(dir.file("p.gpkg")).size() == 5);
}

TEST_CASE("places are credited to NaPTAN where they are shown", "[io][places][attribution]") {
    test::TempDir dir;
    import_hand_places(dir);
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    const auto lines = io::project_attribution(store);
    const auto shown = io::attribution_for(lines, [](const std::string& l) { return l == "places"; });
    CHECK(shown == std::vector<std::string>{"Place names: contains public sector information licensed under the Open Government "
                                            "Licence v3.0 (NaPTAN, Department for Transport)"});
    CHECK(io::attribution_for(lines, [](const std::string& l) { return l == "cctv"; }).empty());
}

TEST_CASE("an area filter naming a place without a boundary: the catchment of its stops, stated as such", "[io][places][filter]") {
    test::TempDir dir;
    import_hand_places(dir);
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    io::PointFilter wanted;
    wanted.area = "  beta estate ";
    const io::PointFilter f = io::resolve_project_filter(store, wanted);
    CHECK(f.area == "Beta Estate");
    CHECK(f.area_kind == "place");
    CHECK(f.area_note == "within 250 m of the 2 bus stops of Beta Estate (NaPTAN; no boundary)");
    CHECK(jobs::describe_filter(f) == "all crime types; all months; area within 250 m of the 2 bus stops of Beta Estate (NaPTAN; no boundary)");
    // Resolving again changes nothing; the code names it too; one stop is said in the singular.
    CHECK(io::resolve_project_filter(store, f).area_note == f.area_note);
    wanted.area = "n0000002";
    CHECK(io::resolve_project_filter(store, wanted).area == "N0000002");
    wanted.area = "Gamma Side";
    CHECK(io::resolve_project_filter(store, wanted).area_note == "within 250 m of the bus stop of Gamma Side (NaPTAN; no boundary)");

    // Circles of 250 m round (450600, 358000) and (450600, 358100).
    geo::GeosContext geos;
    auto area = io::load_filter_area(store, f, geos);
    REQUIRE(area);
    CHECK(area->contains(450600 + 249, 358000));
    CHECK_FALSE(area->contains(450600 + 251, 358000));
    CHECK(area->contains(450600, 358100 + 249));
    CHECK_FALSE(area->contains(450600, 358100 + 251));
    CHECK_FALSE(area->contains(450600, 358000 - 251));
    // The pending stop at (450650, 358050) is not a stop of the place: nothing beyond the two.
    CHECK_FALSE(area->contains(450650 + 240, 358050));

    // No such area: the message lists the places (sorted) and suggests the closest.
    wanted.area = "Beta Estat";
    REQUIRE_THROWS_AS(io::resolve_project_filter(store, wanted), ConfigError);
    REQUIRE_THROWS_WITH(io::resolve_project_filter(store, wanted),
                        Catch::Contains("has boundaries: none; and places (NaPTAN localities, no boundary): Alphaton, Beta Estate, "
                                        "Deltaby, Gamma Side, Zeta Green") &&
                            Catch::Contains("did you mean 'Beta Estate'?"));
    wanted.area = "Nowhere";
    wanted.area_kind = "place";
    REQUIRE_THROWS_WITH(io::resolve_project_filter(store, wanted), Catch::Contains("no place 'Nowhere'"));
}

TEST_CASE("a boundary of the same name wins over a place", "[io][places][filter]") {
    test::TempDir dir;
    io::ImportRequest r = test::request_in(dir);
    io::BoundarySpec wards;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    r.boundaries = {wards};
    r.places_files = {test::source_file("assets/demo/naptan/ashfield-stops.csv")};
    io::run_import(r);
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    io::PointFilter wanted;
    wanted.area = "selston"; // a ward and a village
    io::PointFilter f = io::resolve_project_filter(store, wanted);
    CHECK(f.area == "Selston");
    CHECK(f.area_kind.empty());
    CHECK(f.area_note.empty());
    wanted.area = "carsic estate"; // a place only (the ward is "Carsic")
    f = io::resolve_project_filter(store, wanted);
    CHECK(f.area_kind == "place");
    CHECK(f.area_note == "within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)");
    wanted.area_kind = "ward"; // a boundary kind: places are not looked at
    REQUIRE_THROWS_WITH(io::resolve_project_filter(store, wanted), Catch::Contains("no area 'carsic estate'"));
    wanted.area = "Selston";
    wanted.area_kind = "place";
    CHECK(io::resolve_project_filter(store, wanted).area_note == "within 250 m of the 38 bus stops of Selston (NaPTAN; no boundary)");
}
