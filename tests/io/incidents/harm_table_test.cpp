// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/incidents/harm_table.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("harm weights replace counts, and a missing category is an error unless defaulted", "[io][harm]") {
    io::HarmTable table = io::load_harm_table(test::test_data("csv/harm_test_weights.csv"));
    CHECK(table.size() == 3);
    CHECK(table.at("Violence and sexual offences") == 5);
    io::PointSet p;
    p.categories = {"Burglary", "Drugs", "Shoplifting"};
    p.x = {0, 1, 2, 3};
    p.y = {0, 1, 2, 3};
    p.weight = {1, 1, 1, 1};
    p.month = {0, 0, 0, 0};
    p.category = {0, 1, 0, 2};
    REQUIRE_THROWS_AS(io::apply_harm(p, table, std::nullopt), ConfigError);
    REQUIRE_THROWS_WITH(io::apply_harm(p, table, std::nullopt), Catch::Contains("'Shoplifting'"));
    io::apply_harm(p, table, 0.5);
    CHECK(p.weight == std::vector<double>{10, 2, 10, 0.5});
    REQUIRE_THROWS_AS(io::load_harm_table(test::test_data("csv/harm_bad_weight.csv")), SchemaError);
    REQUIRE_THROWS_WITH(io::load_harm_table(test::test_data("csv/harm_bad_weight.csv")), Catch::Contains("line 2"));
}
