// SPDX-License-Identifier: MIT
#include "geocode/address_parser.hpp"

#include <catch2/catch.hpp>

using namespace safermap::geocode;

TEST_CASE("addresses: flat, number, street, locality and postcode", "[geocode][address]") {
    auto a = parse_address("Flat 2, 12-14 High St, Sutton in Ashfield NG17 1AA");
    CHECK(a.flat == "FLAT 2");
    CHECK(a.number == "12-14");
    REQUIRE_FALSE(a.street.empty());
    CHECK(a.street.front().key == "HIGH STREET");
    REQUIRE(a.postcode);
    CHECK(a.postcode->formatted == "NG17 1AA");
    REQUIRE(a.localities.size() == 1);
    CHECK(a.localities[0] == "SUTTON IN ASHFIELD");

    a = parse_address("12A Whyburn Street");
    CHECK(a.number == "12A");
    CHECK(a.street.front().key == "WHYBURN STREET");

    a = parse_address("12 - 14 Vine Terrace");
    CHECK(a.number == "12-14");
}

TEST_CASE("qualifiers are read and kept apart from the street", "[geocode][address]") {
    auto a = parse_address("rear of 3 St Mary's Rd");
    CHECK(a.qualifier == Qualifier::rear_of);
    CHECK(a.number == "3");
    CHECK(a.street.front().key == "SAINT MARYS ROAD");
    CHECK(parse_address("o/s Tesco, Station Road").qualifier == Qualifier::outside);
    CHECK(parse_address("OPP 4 Park Street").qualifier == Qualifier::opposite);
    a = parse_address("On or near Supermarket");
    CHECK(a.qualifier == Qualifier::on_or_near);
    CHECK(a.street.front().key == "SUPERMARKET");
}

TEST_CASE("a house name before its street is a building, not the street", "[geocode][address]") {
    auto a = parse_address("Rose Cottage, Church Lane, Selston");
    CHECK(a.building == "ROSE COTTAGE");
    CHECK(a.street.front().key == "CHURCH LANE");
    CHECK(a.localities == std::vector<std::string>{"SELSTON"});
}

TEST_CASE("junctions in the ways they are written", "[geocode][address]") {
    for (const char* text : {"junction of Forest Road and Milton St", "Forest Rd j/w Milton Street", "JCT FOREST RD / MILTON ST",
                             "corner of Forest Road & Milton Street", "Forest Road/Milton Street"}) {
        INFO(text);
        auto a = parse_address(text);
        REQUIRE(a.junction());
        CHECK(a.street.front().key == "FOREST ROAD");
        CHECK(a.second_street.front().key == "MILTON STREET");
    }
    // "and" without a junction word may be part of a name: no junction.
    CHECK_FALSE(parse_address("Kirkby Cross and Portland Road").junction());
    // Nor is a separator with no street on one side (the other side used to be left behind
    // as a junction's second street).
    auto a = parse_address("- / Milton Street");
    CHECK_FALSE(a.junction());
    CHECK(a.street.front().key == "MILTON STREET");
}

TEST_CASE("postcodes inside the text, and sectors", "[geocode][address]") {
    CHECK(parse_address("Carlingford Road Hucknall NG157DJ").postcode->formatted == "NG15 7DJ");
    CHECK(parse_address("Outram Street, Sutton-in-Ashfield ng17 4fs").postcode->formatted == "NG17 4FS");
    auto a = parse_address("Baker St, NG15 7");
    CHECK_FALSE(a.postcode);
    CHECK(a.sector == "NG15 7");
    // Street words are never read as postcodes: the outward code must hold a digit.
    CHECK_FALSE(parse_address("Hill Lowe Road").postcode);
}

TEST_CASE("street text with the town run on gets a second reading", "[geocode][address]") {
    auto r = street_readings("High St Sutton");
    REQUIRE(r.size() == 2);
    CHECK(r[0].key == "HIGH SAINT SUTTON"); // the literal reading: St before a word is Saint
    CHECK(r[1].key == "HIGH STREET");
    CHECK(r[1].locality == "SUTTON");
}

TEST_CASE("texts that are no address", "[geocode][address]") {
    for (const char* text : {"Unknown", "N/A", "online", "No Fixed Abode", "Various locations", "", "   "}) {
        INFO(text);
        CHECK_FALSE(parse_address(text).not_an_address.empty());
    }
    CHECK(parse_address("12 High Street").not_an_address.empty());
}

TEST_CASE("a long street text gets the same readings, read in one pass", "[geocode][address]") {
    // A free-text column mapped as the address: 200 KB of address-like words after a street.
    std::string text = "High St";
    std::string rest;
    while (rest.size() < 200'000) {
        text += " Sutton-in-Ashfield, NG17 1AA;";
        rest += rest.empty() ? "SUTTON IN ASHFIELD NG17 1AA" : " SUTTON IN ASHFIELD NG17 1AA";
    }
    auto r = street_readings(text);
    REQUIRE(r.size() == 2);
    CHECK(r[0].key == "HIGH SAINT " + rest); // St before a word is Saint
    CHECK(r[0].locality.empty());
    CHECK(r[1].key == "HIGH STREET");
    CHECK(r[1].locality == rest);

    // Splits are tried only within the first k_max_street_words words: a street type deep in
    // the text starts no reading.
    text += " Forest Road Hucknall";
    r = street_readings(text);
    REQUIRE(r.size() == 2);
    CHECK(r[1].key == "HIGH STREET");
    CHECK(r[1].locality == rest + " FOREST ROAD HUCKNALL");
}

TEST_CASE("stacked qualifiers and directions are taken however many there are", "[geocode][address]") {
    std::string text;
    for (int i = 0; i < 100; ++i) text += "near ";
    auto a = parse_address(text + "12 High St");
    CHECK(a.qualifier == Qualifier::near);
    CHECK(a.number == "12");
    CHECK(a.street.front().key == "HIGH STREET");

    std::string north;
    for (int i = 0; i < 5000; ++i) north += " North";
    auto r = street_readings("Mansfield Rd" + north);
    REQUIRE_FALSE(r.empty());
    CHECK(r[0].key.rfind("MANSFIELD ROAD NORTH NORTH ", 0) == 0); // Rd followed only by directions is Road
}

TEST_CASE("an address field over k_max_address_bytes is refused, not parsed", "[geocode][address]") {
    // At the limit it is still read: a street in the middle of a long run of parts is found.
    std::string text = "Unit 4, Rose Cottage, 12 High St";
    std::size_t towns = 0;
    for (; text.size() + 9 <= k_max_address_bytes; ++towns) text += ", Selston";
    REQUIRE(text.size() > k_max_address_bytes - 9);
    auto a = parse_address(text);
    CHECK(a.not_an_address.empty());
    CHECK(a.flat == "UNIT 4");
    CHECK(a.building == "ROSE COTTAGE");
    CHECK(a.number == "12");
    CHECK(a.street.front().key == "HIGH STREET");
    CHECK(a.localities == std::vector<std::string>(towns, "SELSTON"));

    std::string too_long = text;
    while (too_long.size() < 200'000) too_long += ", Selston";
    a = parse_address(too_long);
    CHECK(a.not_an_address == "address_too_long");
    CHECK(a.street.empty());
    CHECK(a.localities.empty());
}
