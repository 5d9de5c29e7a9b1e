// SPDX-License-Identifier: MIT
// Values of libpq connection strings, as libpq's conninfo_parse reads them (PostgreSQL 15,
// src/interfaces/libpq/fe-connect.c): worked out by hand from its rules.
#include "core/conninfo_value.hpp"

#include <catch2/catch.hpp>

using safermap::read_conninfo_value;

TEST_CASE("A bare value ends at white space, and a backslash escapes the next character", "[credentials]") {
    const std::string_view s = "dbname=x host=/tmp/my\\ sock port=5432";
    auto v = read_conninfo_value(s, 14);
    CHECK(v.text == "/tmp/my sock");
    CHECK(v.end == 27);
    CHECK(v.closed);
    v = read_conninfo_value(s, 33);
    CHECK(v.text == "5432");
    CHECK(v.end == s.size());
}

TEST_CASE("A quoted value runs to its closing quote, with escaped quotes inside", "[credentials]") {
    const std::string_view s = "password='it\\'s a secret' user=me";
    auto v = read_conninfo_value(s, 9);
    CHECK(v.text == "it's a secret");
    CHECK(v.end == 25);
    CHECK(v.closed);
    CHECK(s.substr(v.end) == " user=me");
}

TEST_CASE("A quoted value without its closing quote is not closed and runs to the end", "[credentials]") {
    const std::string_view s = "password='open ended";
    auto v = read_conninfo_value(s, 9);
    CHECK_FALSE(v.closed);
    CHECK(v.end == s.size());
    CHECK(v.text == "open ended");
}

TEST_CASE("An empty value, bare or quoted, and a backslash at the very end", "[credentials]") {
    auto v = read_conninfo_value("password=", 9); // libpq skips blanks after '=' before reading
    CHECK(v.text.empty());
    CHECK(v.end == 9);
    v = read_conninfo_value("password='' host=x", 9);
    CHECK(v.text.empty());
    CHECK(v.end == 11);
    CHECK(v.closed);
    v = read_conninfo_value("password=ab\\", 9);
    CHECK(v.text == "ab"); // nothing left to escape: libpq drops the backslash
    CHECK(v.end == 12);
}
