// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/incidents/harm_table.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

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

namespace {

io::PointSet points_of(std::vector<std::string> categories, std::vector<std::uint16_t> category) {
    io::PointSet p;
    p.categories = std::move(categories);
    p.category = std::move(category);
    p.x.assign(p.category.size(), 0);
    p.y.assign(p.category.size(), 0);
    p.weight.assign(p.category.size(), 1);
    p.month.assign(p.category.size(), 0);
    return p;
}

// police.uk's fourteen crime types, spelt as in its street CSVs.
const std::vector<std::string> k_policeuk_crime_types = {
    "Bicycle theft", "Burglary", "Criminal damage and arson", "Drugs", "Other crime", "Other theft",
    "Possession of weapons", "Public order", "Robbery", "Shoplifting", "Theft from the person", "Vehicle crime",
    "Violence and sexual offences"};

} // namespace

TEST_CASE("categories match ignoring case and surrounding spaces, and duplicates that way are refused", "[io][harm]") {
    io::HarmTable table = io::load_harm_table(test::test_data("csv/harm_test_weights.csv"));
    CHECK(table.bundled.empty());
    CHECK(table.at("  violence AND sexual offences ") == 5);
    CHECK_FALSE(table.find("Violence"));
    io::PointSet p = points_of({" burglary", "DRUGS"}, {0, 1, 1});
    io::apply_harm(p, table, std::nullopt);
    CHECK(p.weight == std::vector<double>{10, 2, 2});
    CHECK(p.report.notes_by_reason.empty());
    REQUIRE_THROWS_AS(io::load_harm_table(test::test_data("csv/harm_duplicate_category.csv")), SchemaError);
    REQUIRE_THROWS_WITH(io::load_harm_table(test::test_data("csv/harm_duplicate_category.csv")),
                        Catch::Contains("line 3") && Catch::Contains("listed twice"));
}

TEST_CASE("the bundled ons-css table weighs every police.uk crime type but anti-social behaviour", "[io][harm]") {
    io::HarmTable css = io::load_harm_table("ons-css");
    CHECK(css.bundled == "ons-css");
    CHECK(css.source.find("harm/ons-css/policeuk_categories.csv") != std::string::npos);
    CHECK(css.size() == k_policeuk_crime_types.size());
    for (const auto& type : k_policeuk_crime_types) {
        INFO(type);
        REQUIRE(css.find(type));
        CHECK(*css.find(type) > 0);
    }
    CHECK_FALSE(css.find("Anti-social behaviour"));

    // Per offence code, for partner data that carries Home Office codes. A police.uk type made
    // of one offence weighs what that offence weighs (to the category table's 2 decimals).
    io::HarmTable offences = io::load_harm_table("ons-css-offences");
    CHECK(offences.size() == 133);
    CHECK(offences.at("8n") == offences.at(" 8N"));
    CHECK(css.at("Shoplifting") == Approx(offences.at("46")).margin(0.005));
    CHECK(css.at("Bicycle theft") == Approx(offences.at("44")).margin(0.005));
    CHECK(css.at("Theft from the person") == Approx(offences.at("39")).margin(0.005));
    CHECK(css.at("Robbery") == Approx(offences.at("34B")).margin(0.005));
    CHECK(io::resolve_harm_table("some/table.csv") == "some/table.csv");
}

TEST_CASE("anti-social behaviour is neither weighted nor dropped silently", "[io][harm]") {
    const io::HarmTable css = io::load_harm_table("ons-css");
    io::PointSet p = points_of({"Anti-social behaviour", "Burglary", "Shoplifting"}, {0, 1, 0, 2, 0});
    REQUIRE_THROWS_AS(io::apply_harm(p, css, std::nullopt), ConfigError);
    REQUIRE_THROWS_WITH(io::apply_harm(p, css, std::nullopt),
                        Catch::Contains("'Anti-social behaviour'") && Catch::Contains("not a crime") &&
                            Catch::Contains("Crime Severity Score") && Catch::Contains("--harm-default") &&
                            Catch::Contains("--category"));
    CHECK(p.weight == std::vector<double>{1, 1, 1, 1, 1}); // untouched by the failed call

    io::apply_harm(p, css, 0.0);
    CHECK(p.weight[0] == 0);
    CHECK(p.weight[1] == css.at("Burglary"));
    CHECK(p.report.notes_by_reason == std::map<std::string, std::int64_t>{{"harm_default_applied:Anti-social behaviour", 3}});

    // A user's own table gets the same advice, without claiming it is the ONS's.
    io::PointSet q = points_of({"ASB", "Burglary"}, {0, 1});
    REQUIRE_THROWS_WITH(io::apply_harm(q, io::load_harm_table(test::test_data("csv/harm_test_weights.csv")), std::nullopt),
                        Catch::Contains("'ASB'") && Catch::Contains("not a crime") && !Catch::Contains("ONS"));
}

TEST_CASE("SAFERMAP_ASSET_DIR points bundled names at another assets folder", "[io][harm]") {
    test::TempDir dir;
    std::filesystem::create_directories(dir.file("harm/ons-css"));
    {
        std::ofstream out(dir.file("harm/ons-css/policeuk_categories.csv"));
        out << "category,weight\nBurglary,7\n";
    }
    ::setenv("SAFERMAP_ASSET_DIR", dir.file("").c_str(), 1);
    io::HarmTable t = io::load_harm_table("ons-css");
    ::unsetenv("SAFERMAP_ASSET_DIR");
    CHECK(t.size() == 1);
    CHECK(t.at("burglary") == 7);
    // An assets folder without the table is passed over for the next place to look.
    ::setenv("SAFERMAP_ASSET_DIR", test::test_data("csv").c_str(), 1);
    io::HarmTable fallback = io::load_harm_table("ons-css");
    ::unsetenv("SAFERMAP_ASSET_DIR");
    CHECK(fallback.size() == k_policeuk_crime_types.size());
}
