// SPDX-License-Identifier: MIT
#include "geocode/address_parser.hpp"
#include "geocode/gazetteer_fixture.hpp"
#include "geocode/matcher.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace safermap;
using namespace safermap::geocode;

namespace {

struct Loaded {
    geo::GeosContext geos;
    Gazetteer gazetteer;
    Loaded() : gazetteer(Gazetteer::load(test::ashfield_gazetteer(), geos)) {}
};

const Loaded& loaded() {
    static Loaded l;
    return l;
}

} // namespace

// Each row of messy_addresses.csv carries the level a careful analyst expects, written by
// hand from the gazetteer's sources (which streets exist where, which postcodes lie near them).
TEST_CASE("a messy council address file geocodes to the levels written by hand", "[geocode][matcher]") {
    const Matcher matcher(loaded().gazetteer);
    io::CsvReader reader(test::test_data("geocode/messy_addresses.csv"));
    io::CsvRecord r;
    REQUIRE(reader.next(r));
    const io::CsvHeader h(r.fields);
    const int address = h.find({"address"}), postcode = h.find({"postcode"}), town = h.find({"town"}),
              expected = h.find({"expected_level"}), ref = h.find({"ref"});
    int rows = 0;
    while (reader.next(r)) {
        ++rows;
        auto f = [&](int i) { return std::string_view(r.fields[static_cast<std::size_t>(i)]); };
        const MatchResult m = matcher.match(MatchInput{f(address), f(postcode), f(town)});
        INFO("row " << f(ref) << ": '" << f(address) << "' '" << f(postcode) << "' '" << f(town) << "' -> " << to_string(m.level)
                    << " score " << m.score << " candidates " << m.candidates << " " << m.matched << " [" << m.note << "]");
        CHECK(to_string(m.level) == f(expected));
        CHECK(m.placed() == (m.level != MatchLevel::ambiguous && m.level != MatchLevel::unmatched));
        if (m.placed()) {
            CHECK(m.score > 0.5);
            CHECK(m.score <= 1.0);
            CHECK_FALSE(m.ref.empty());
            CHECK_FALSE(m.quality.empty());
            // Every placement is in or beside Ashfield (its extent, with a 3 km margin).
            CHECK(m.xy->x > 441000);
            CHECK(m.xy->x < 461000);
            CHECK(m.xy->y > 343000);
            CHECK(m.xy->y < 366000);
        }
        if (m.level == MatchLevel::ambiguous) CHECK(m.candidates > 1);
    }
    CHECK(rows == 50);
}

TEST_CASE("match details: fuzzy scores, slips, terminated postcodes, conflicts", "[geocode][matcher]") {
    const Matcher matcher(loaded().gazetteer);
    SECTION("an exact street confirmed by its postcode scores 1, at the point nearest the postcode") {
        auto m = matcher.match({"Whyburn Street", "NG15 7SS", ""});
        REQUIRE(m.level == MatchLevel::street);
        CHECK(m.score == Approx(1.0));
        CHECK(m.candidates == 1);
        CHECK(m.quality.find("police.uk") != std::string::npos);
    }
    SECTION("a misspelling scores by its edits: 0.95 x (1 - 1/7)") {
        auto m = matcher.match({"Whybrun Street", "", "Hucknall"});
        REQUIRE(m.level == MatchLevel::street);
        CHECK(m.fuzzy);
        CHECK(m.score == Approx(0.95 * (1.0 - 1.0 / 7.0)));
    }
    SECTION("a unique street with nothing to confirm it is placed but scored 0.9") {
        auto m = matcher.match({"Church Street", "", ""});
        REQUIRE(m.level == MatchLevel::street);
        CHECK(m.score == Approx(0.9));
    }
    SECTION("an I typed for 1 in a postcode is mended and scored 0.95") {
        auto m = matcher.match({"", "NG17 IEX", ""});
        REQUIRE(m.level == MatchLevel::postcode);
        CHECK(m.ref == "postcode:NG17 1EX");
        CHECK(m.score == Approx(0.95));
        // Code-Point Open gives NG17 1EX at 449104, 358813 (positional quality 10).
        CHECK(m.xy->x == Approx(449104).margin(0.5));
        CHECK(m.xy->y == Approx(358813).margin(0.5));
    }
    SECTION("terminated postcodes still place, and say so") {
        auto m = matcher.match({"", "NG17 9ZX", ""});
        REQUIRE(m.level == MatchLevel::postcode);
        CHECK(m.quality.find("terminated 2018-06") != std::string::npos);
        CHECK(m.note.find("terminated") != std::string::npos);
    }
    SECTION("a sector is the mean of its units") {
        auto m = matcher.match({"", "NG17 1ZZ", ""});
        REQUIRE(m.level == MatchLevel::sector);
        CHECK(m.ref == "sector:NG17 1");
    }
    SECTION("a street far from the postcode given is doubted, and the postcode used") {
        auto m = matcher.match({"Milton Street", "NG15 7SS", ""});
        REQUIRE(m.level == MatchLevel::postcode);
        CHECK(m.note.find("not within") != std::string::npos);
    }
    SECTION("ambiguity is never a silent pick: both High Streets are listed") {
        auto m = matcher.match({"High Street", "", ""});
        REQUIRE(m.level == MatchLevel::ambiguous);
        CHECK_FALSE(m.placed());
        CHECK(m.candidates == 2);
        CHECK(m.note.find("2 streets fit") != std::string::npos);
    }
    SECTION("the postcode rules out the Portland Street that is too far from it") {
        // NG17 1EX (449104, 358813) is in Sutton: Sutton's Portland Street (449705, 358910) is
        // about 610 m away, Kirkby's (450540, 356249) about 2.9 km, beyond the 1.5 km a
        // postcode vouches for.
        auto m = matcher.match({"Portland Street", "NG17 1EX", ""});
        REQUIRE(m.level == MatchLevel::street);
        CHECK(m.candidates == 1);
        CHECK(m.xy->y > 358000);
    }
    SECTION("a junction is placed between the two streets' nearest points") {
        auto m = matcher.match({"junction of Gilcroft Street and Hall Street", "", ""});
        REQUIRE(m.level == MatchLevel::intersection);
        CHECK(m.quality.find("m apart") != std::string::npos);
    }
    SECTION("an address point beats the street") {
        auto m = matcher.match({"Flat 2, 14 Vine Terrace", "NG15 7BD", ""});
        REQUIRE(m.level == MatchLevel::address);
        CHECK(m.ref == "address:TEST000003");
        CHECK(m.xy->x == Approx(453640.0));
    }
    SECTION("an address field too long to read is refused with its reason; a postcode column still places it") {
        std::string notes;
        while (notes.size() <= k_max_address_bytes) notes += "Seen running from Whyburn Street towards the park. ";
        auto m = matcher.match({notes, "", ""});
        CHECK(m.level == MatchLevel::unmatched);
        CHECK(m.note.find("address_too_long") != std::string::npos);
        m = matcher.match({notes, "NG17 1EX", ""});
        CHECK(m.level == MatchLevel::postcode);
        CHECK(m.note.find("address_too_long") != std::string::npos);
    }
    SECTION("a long street text just under the limit is matched by its first words") {
        // No misspelling search for a name longer than any in the gazetteer: its deletions
        // alone would number its length squared.
        std::string text = "Whybrun Street";
        while (text.size() + 9 <= k_max_address_bytes) text += " Hucknall";
        auto m = matcher.match({text, "", ""});
        CHECK(m.level == MatchLevel::street);
        CHECK(m.fuzzy);
    }
}
