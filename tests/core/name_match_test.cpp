// SPDX-License-Identifier: MIT
#include "core/name_match.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("names match ignoring case and surrounding or repeated spaces", "[core][names]") {
    CHECK(name_key("  Anti-social  Behaviour ") == "anti-social behaviour");
    const std::vector<std::string> types{"Anti-social behaviour", "Bicycle theft", "Burglary", "Robbery"};
    CHECK(find_name("burglary", types) == "Burglary");
    CHECK(find_name(" BURGLARY\t", types) == "Burglary");
    CHECK_FALSE(find_name("burglar", types));
}

TEST_CASE("the closest name is suggested only when it is close", "[core][names]") {
    const std::vector<std::string> types{"Anti-social behaviour", "Bicycle theft", "Burglary", "Robbery"};
    // burgalry -> burglary: two substitutions (a<->l swapped), Levenshtein 2, well under half of 8.
    CHECK(closest_name("burgalry", types) == "Burglary");
    CHECK(closest_name("robery", types) == "Robbery");
    CHECK_FALSE(closest_name("violence", types));
    CHECK_FALSE(closest_name("x", {}));
}

TEST_CASE("a filter that matches nothing says what exists", "[core][names]") {
    const std::vector<std::string> types{"Anti-social behaviour", "Bicycle theft", "Burglary"};
    CHECK(no_such_name_message("crime type", "burgalry", "p.gpkg", types) ==
          "no crime type 'burgalry'; p.gpkg has: Anti-social behaviour, Bicycle theft, Burglary (did you mean 'Burglary'?)");
    CHECK(no_such_name_message("crime type", "x", "p.gpkg", {}) == "no crime type 'x'; p.gpkg has none");
    std::vector<std::string> many;
    for (int i = 0; i < 45; ++i) many.push_back("area " + std::to_string(i));
    CHECK_THAT(no_such_name_message("area", "zzz", "p.gpkg", many, 40), Catch::Contains("... (5 more)"));
}

TEST_CASE("a name begun is completed when only one name begins so", "[core][names]") {
    const std::vector<std::string> wards{"Kirkby Cross & Portland", "Kirkby Woodhouse", "Abbey Hill"};
    CHECK(closest_name("kirkby cros", wards) == "Kirkby Cross & Portland");
    // "Kirkby" begins two names: no completion, and neither is within the edit limit.
    CHECK_FALSE(closest_name("kirkby", wards));
}
