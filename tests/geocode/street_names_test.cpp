// SPDX-License-Identifier: MIT
#include "geocode/similarity.hpp"
#include "geocode/street_names.hpp"

#include <catch2/catch.hpp>

using namespace safermap::geocode;

TEST_CASE("normalisation: case, punctuation, apostrophes and ampersands", "[geocode][names]") {
    CHECK(normalise_text("  St. Mary's   Rd, ") == "ST MARYS RD");
    CHECK(normalise_text("Kirkby Cross & Portland") == "KIRKBY CROSS AND PORTLAND");
    CHECK(normalise_text("Sutton-in-Ashfield") == "SUTTON IN ASHFIELD");
    CHECK(normalise_text("") == "");
}

TEST_CASE("street keys expand abbreviations by position", "[geocode][names]") {
    CHECK(street_key("High St") == "HIGH STREET");
    CHECK(street_key("St Mary's Rd") == "SAINT MARYS ROAD");
    CHECK(street_key("ST JOHNS ST") == "SAINT JOHNS STREET");
    CHECK(street_key("High St North") == "HIGH STREET NORTH");
    CHECK(street_key("Mansfield Rd Nth") == "MANSFIELD ROAD NORTH");
    CHECK(street_key("Vine Tce") == "VINE TERRACE");
    CHECK(street_key("Oak Gdns") == "OAK GARDENS");
    CHECK(street_key("Elm Cres") == "ELM CRESCENT");
    CHECK(street_key("Park Ave") == "PARK AVENUE");
    CHECK(street_key("Ash Cl") == "ASH CLOSE");
    CHECK(street_key("Mill Ln") == "MILL LANE");
    CHECK(street_key("Market Pl") == "MARKET PLACE");
    CHECK(street_key("Forest Sq") == "FOREST SQUARE");
    CHECK(street_key("Cornerpin Dr") == "CORNERPIN DRIVE");
    // Abbreviations are expanded only where a street type stands: "Dr" first is not Drive.
    CHECK(street_key("Rd End") == "RD END");
    CHECK(street_key("St Thomas' Avenue") == street_key("ST THOMAS AVE"));
}

TEST_CASE("keys split into the distinctive name and the street type", "[geocode][names]") {
    auto p = split_street_key("WHYBURN STREET");
    CHECK(p.name == "WHYBURN");
    CHECK(p.type == "STREET");
    p = split_street_key("BROOKSIDE");
    CHECK(p.name == "BROOKSIDE");
    CHECK(p.type.empty());
    p = split_street_key("MANSFIELD ROAD NORTH");
    CHECK(p.name == "MANSFIELD NORTH");
    CHECK(p.type == "ROAD");
    p = split_street_key("THE GREEN"); // the type word is the whole name
    CHECK(p.name == "THE GREEN");
    CHECK(p.type.empty());
}

TEST_CASE("locality keys", "[geocode][names]") {
    CHECK(locality_key("St Mary's") == "SAINT MARYS");
    CHECK(locality_key("Sutton-in-Ashfield") == "SUTTON IN ASHFIELD");
}

TEST_CASE("edit distance counts transpositions as one edit (optimal string alignment)", "[geocode][names]") {
    CHECK(edit_distance("WHYBURN", "WHYBRUN", 3) == 1);
    CHECK(edit_distance("MANSFIELD", "MANSFEILD", 3) == 1);
    CHECK(edit_distance("KITTEN", "SITTING", 5) == 3); // the textbook Levenshtein example
    CHECK(edit_distance("LEAMINGTON", "LEMINGTON", 3) == 1);
    CHECK(edit_distance("ABC", "ABC", 0) == 0);
    CHECK(edit_distance("ABCDEFGH", "ZZZZZZZZ", 2) == 3); // stops past the limit
    CHECK(allowed_edits(4) == 0); // MILL and HILL stay different streets
    CHECK(allowed_edits(7) == 1);
    CHECK(allowed_edits(9) == 2);
}
