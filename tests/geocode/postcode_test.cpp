// SPDX-License-Identifier: MIT
#include "geocode/postcode.hpp"

#include <catch2/catch.hpp>

using safermap::geocode::parse_postcode;

TEST_CASE("postcodes in every Royal Mail shape parse to their standard form", "[geocode][postcode]") {
    for (const char* pc : {"M1 1AE", "B33 8TH", "CR2 6XH", "DN55 1PT", "W1A 0AX", "EC1A 1BB", "NG17 1AA", "GIR 0AA"}) {
        INFO(pc);
        auto p = parse_postcode(pc);
        REQUIRE(p);
        CHECK(p->formatted == pc);
        CHECK_FALSE(p->corrected);
    }
    auto p = parse_postcode("NG17 7AA");
    REQUIRE(p);
    CHECK(p->outward == "NG17");
    CHECK(p->inward == "7AA");
    CHECK(p->sector == "NG17 7");
    CHECK(p->area == "NG");
}

TEST_CASE("what people type: case, spacing, punctuation and slips", "[geocode][postcode]") {
    CHECK(parse_postcode("ng171aa")->formatted == "NG17 1AA");
    CHECK(parse_postcode("  NG17   1AA ")->formatted == "NG17 1AA");
    CHECK(parse_postcode("NG1 7AA")->formatted == "NG1 7AA");
    CHECK(parse_postcode("NG17AA")->formatted == "NG1 7AA"); // the inward code is always the last three
    CHECK(parse_postcode("NG17-1AA")->formatted == "NG17 1AA");
    // Slips where the shape demands a digit or a letter.
    auto l_for_1 = parse_postcode("NGl7 1AA");
    REQUIRE(l_for_1);
    CHECK(l_for_1->formatted == "NG17 1AA");
    CHECK(l_for_1->corrected);
    CHECK(parse_postcode("NG1O 1AA")->formatted == "NG10 1AA");  // letter O for zero
    CHECK(parse_postcode("NG17 IAA")->formatted == "NG17 1AA");  // I for one in the inward digit
    CHECK(parse_postcode("N017 1AA")->formatted == "NO17 1AA");  // zero for O in the area letters
    CHECK(parse_postcode("W1I 0AX")->formatted == "W11 0AX");    // I is not a letter allowed there: read as 1
}

TEST_CASE("text that cannot be a postcode is refused", "[geocode][postcode]") {
    for (const char* bad : {"", "NG17", "NG17 1A", "1234 5AB", "QG17 1AA", "NG17 1AC", "NG17 1OA", "NGX17 1AA", "NG17 1AA 3",
                            "not a postcode", "NG17 #1AA", "W1Z 0AX"}) {
        INFO(bad);
        CHECK_FALSE(parse_postcode(bad));
    }
}
