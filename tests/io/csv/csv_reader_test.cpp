// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fstream>

using namespace safermap;

namespace {
std::string write(const test::TempDir& dir, const std::string& name, const std::string& bytes) {
    std::string path = dir.file(name);
    std::ofstream(path, std::ios::binary) << bytes;
    return path;
}
} // namespace

TEST_CASE("quoted fields, escaped quotes, CRLF, BOM and multi-line records", "[io][csv]") {
    test::TempDir dir;
    auto path = write(dir, "a.csv", "\xEF\xBB\xBFh1,h2\r\n\"a,b\",\"say \"\"hi\"\"\"\r\n\"two\nlines\",x\r\nlast,\r\n");
    io::CsvReader reader(path);
    io::CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"h1", "h2"});
    REQUIRE(reader.next(r));
    CHECK(r.line == 2);
    CHECK(r.fields == std::vector<std::string>{"a,b", "say \"hi\""});
    REQUIRE(reader.next(r));
    CHECK(r.line == 3);
    CHECK(r.fields == std::vector<std::string>{"two\nlines", "x"});
    REQUIRE(reader.next(r));
    CHECK(r.line == 5);
    CHECK(r.fields == std::vector<std::string>{"last", ""});
    CHECK(r.raw == "last,");
    CHECK_FALSE(reader.next(r));
}

TEST_CASE("gzip and plain files read the same", "[io][csv]") {
    io::CsvReader plain(test::test_data("policeuk/2025-01-notts-excerpt.csv"));
    io::CsvReader gz(test::test_data("policeuk/2025-01-notts-excerpt.csv.gz"));
    io::CsvRecord a, b;
    int rows = 0;
    while (plain.next(a)) {
        REQUIRE(gz.next(b));
        CHECK(a.fields == b.fields);
        ++rows;
    }
    CHECK_FALSE(gz.next(b));
    CHECK(rows == 25);
}

TEST_CASE("a truncated gzip stream is an IoError naming the file and line", "[io][csv]") {
    io::CsvReader reader(test::test_data("policeuk/truncated.csv.gz"));
    io::CsvRecord r;
    auto read_all = [&] { while (reader.next(r)) {} };
    REQUIRE_THROWS_AS(read_all(), IoError);
}

TEST_CASE("a missing file is an IoError naming it", "[io][csv]") {
    REQUIRE_THROWS_AS(io::CsvReader("/no/such/file.csv"), IoError);
    REQUIRE_THROWS_WITH(io::CsvReader("/no/such/file.csv"), Catch::Contains("/no/such/file.csv"));
}
