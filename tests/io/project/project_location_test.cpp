// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/project/project_location.hpp"

#include <catch2/catch.hpp>

using namespace safermap;
using io::parse_project_location;

TEST_CASE("a path is a GeoPackage project, taken as given", "[io][project][location]") {
    auto loc = parse_project_location("out/ashfield.gpkg");
    CHECK_FALSE(loc.is_postgres());
    CHECK(loc.connection == "out/ashfield.gpkg");
    CHECK(loc.display == "out/ashfield.gpkg");
    CHECK(loc.file_stem() == "out/ashfield");
    CHECK(parse_project_location("ashfield.gpkg").file_stem() == "ashfield");
}

TEST_CASE("a PG: string names a database and a schema, safermap by default", "[io][project][location]") {
    auto loc = parse_project_location("PG:host=/tmp/sock port=5499 dbname=x user=postgres");
    CHECK(loc.is_postgres());
    CHECK(loc.schema == "safermap");
    CHECK(loc.database == "x");
    CHECK(loc.connection == "PG:host=/tmp/sock port=5499 dbname=x user=postgres schemas=safermap");
    CHECK(loc.display == "PG:host=/tmp/sock port=5499 dbname=x user=postgres");
    CHECK(loc.file_stem() == "x.safermap");

    auto named = parse_project_location("pg:service=notts schemas=district");
    CHECK(named.is_postgres());
    CHECK(named.schema == "district");
    CHECK(named.connection == "pg:service=notts schemas=district");
    CHECK(named.file_stem() == "notts.district");
    CHECK(parse_project_location("PG:dbname='crime data' active_schema=force").schema == "force");
    CHECK(parse_project_location("PG:host=db").file_stem() == "pg.safermap");
}

TEST_CASE("a password in a PG: string is never shown", "[io][project][location]") {
    auto loc = parse_project_location("PG:dbname=x password=hunter2");
    CHECK(loc.display == "PG:dbname=x password=***");
    CHECK(loc.connection.find("hunter2") != std::string::npos); // GDAL still gets it
    try {
        parse_project_location("PG:dbname=x password=hunter2 schemas=Bad-Name");
        FAIL("a bad schema name was accepted");
    } catch (const ConfigError& e) {
        CHECK_THAT(std::string(e.what()), Catch::Contains("Bad-Name") && !Catch::Contains("hunter2"));
    }
}

TEST_CASE("PG: strings SaferMap cannot use are refused with the reason", "[io][project][location]") {
    REQUIRE_THROWS_WITH(parse_project_location("PG:postgresql://u@db/x"), Catch::Contains("keyword=value"));
    REQUIRE_THROWS_WITH(parse_project_location("PG:dbname='unclosed"), Catch::Contains("keyword=value"));
    REQUIRE_THROWS_WITH(parse_project_location("PG:dbname=x schemas=a,b"), Catch::Contains("several schemas"));
    REQUIRE_THROWS_WITH(parse_project_location("PG:dbname=x schemas=a active_schema=b"), Catch::Contains("disagree"));
    REQUIRE_THROWS_WITH(parse_project_location("PG:dbname=x schemas=1st"), Catch::Contains("'1st'"));
    REQUIRE_THROWS_AS(parse_project_location("PG:dbname=x schemas=a;drop"), ConfigError);
    REQUIRE_THROWS_WITH(parse_project_location("PG:dbname=x schemas=a schemas=b"), Catch::Contains("given twice ('a' and 'b')"));
    CHECK(parse_project_location("PG:dbname=x schemas=a schemas=a").schema == "a");
}

TEST_CASE("a schema appended after an empty last value stays a pair of its own (found by fuzzing)", "[io][project][location]") {
    // libpq skips blanks after '=': "user= schemas=x" would make user "schemas=x".
    const auto loc = parse_project_location("PG:dbname=x user=");
    CHECK(loc.connection == "PG:dbname=x user='' schemas=safermap");
    CHECK(libpq_connection_string(loc) == "dbname='x' user=''");
    CHECK(io::with_schema("PG:dbname=x user=  ", "district") == "PG:dbname=x user='' schemas=district");
    // An escaped '=' ending a value, and a quoted empty value, are left as they are.
    CHECK(parse_project_location("PG:dbname=x password=a\\=").connection == "PG:dbname=x password=a\\= schemas=safermap");
    CHECK(parse_project_location("PG:dbname=x user=''").connection == "PG:dbname=x user='' schemas=safermap");
    // A lone backslash at the very end escapes nothing (libpq drops it); it must not escape
    // the space before the schema. One escaped backslash is kept.
    CHECK(parse_project_location("PG:host=/tmp/s\\").connection == "PG:host=/tmp/s schemas=safermap");
    CHECK(parse_project_location("PG:host=/tmp/s\\\\").connection == "PG:host=/tmp/s\\\\ schemas=safermap");
}

TEST_CASE("a --schema is folded into a PG: string, and only there", "[io][project][location]") {
    CHECK(io::with_schema("PG:service=notts", "district") == "PG:service=notts schemas=district");
    CHECK(io::with_schema("PG:service=notts schemas=district", "district") == "PG:service=notts schemas=district");
    CHECK(parse_project_location(io::with_schema("PG:service=notts", "district")).schema == "district");
    REQUIRE_THROWS_WITH(io::with_schema("PG:service=notts schemas=force", "district"), Catch::Contains("already names schema 'force'"));
    REQUIRE_THROWS_WITH(io::with_schema("ashfield.gpkg", "district"), Catch::Contains("not a PostgreSQL project"));
    REQUIRE_THROWS_AS(io::with_schema("PG:service=notts", "Robert'); DROP"), ConfigError);
}

TEST_CASE("libpq gets a PG: string without the keywords only GDAL reads", "[io][project][location]") {
    using io::libpq_connection_string;
    CHECK(libpq_connection_string(parse_project_location("PG:host=/tmp/sock port=5499 dbname=x user=postgres")) ==
          "host='/tmp/sock' port='5499' dbname='x' user='postgres'");
    CHECK(libpq_connection_string(parse_project_location("pg:service=notts schemas=district tables=incidents")) == "service='notts'");
    CHECK(libpq_connection_string(parse_project_location("PG:dbname='crime data' active_schema=force password='it\\'s'")) ==
          "dbname='crime data' password='it\\'s'");
    CHECK(libpq_connection_string(parse_project_location("PG:dbname='a\\\\b'")) == "dbname='a\\\\b'");
    // Bare values escape as quoted ones do: libpq reads password=a\b as "ab", a\ b as "a b".
    CHECK(libpq_connection_string(parse_project_location("PG:password=a\\b host=x\\ y")) == "password='ab' host='x y'");
    CHECK_THROWS_AS(libpq_connection_string(parse_project_location("district.gpkg")), ConfigError);
}
