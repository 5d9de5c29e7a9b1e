// SPDX-License-Identifier: MIT
// PostgreSQL's binary COPY stream, built here byte by byte from the format's documentation
// (COPY, "Binary Format"), read whole and split at every byte; broken streams are refused
// with the byte offset.
#include "core/error.hpp"
#include "io/postgres/binary_copy_parser.hpp"

#include <catch2/catch.hpp>

#include <bit>
#include <cstdint>

using namespace safermap;
using io::BinaryCopyParser;
using io::CopyFields;

namespace {

void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s.push_back(static_cast<char>((v >> shift) & 0xff));
}
void put16(std::string& s, std::int16_t v) {
    s.push_back(static_cast<char>((static_cast<std::uint16_t>(v) >> 8) & 0xff));
    s.push_back(static_cast<char>(static_cast<std::uint16_t>(v) & 0xff));
}
std::string header(std::uint32_t flags = 0, const std::string& extension = "") {
    std::string s("PGCOPY\n\377\r\n\0", 11);
    put32(s, flags);
    put32(s, static_cast<std::uint32_t>(extension.size()));
    return s + extension;
}
void field(std::string& s, const std::string& bytes) {
    put32(s, static_cast<std::uint32_t>(bytes.size()));
    s += bytes;
}
void null_field(std::string& s) { put32(s, 0xffffffffu); }
std::string float8(double v) {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    std::string s;
    put32(s, static_cast<std::uint32_t>(bits >> 32));
    put32(s, static_cast<std::uint32_t>(bits & 0xffffffffu));
    return s;
}
std::string int4(std::int32_t v) {
    std::string s;
    put32(s, static_cast<std::uint32_t>(v));
    return s;
}

// Two tuples of (float8, text, int4): the second with a NULL text and an empty... nothing else.
std::string two_tuples() {
    std::string s = header(0, "ext");
    put16(s, 3);
    field(s, float8(449123.25));
    field(s, "2025-01");
    field(s, int4(-7));
    put16(s, 3);
    field(s, float8(-0.0));
    null_field(s);
    field(s, int4(1));
    put16(s, -1);
    return s;
}

struct Row {
    double x;
    std::optional<std::string> text;
    std::int32_t n;
};

std::vector<Row> read_in_pieces(const std::string& stream, std::size_t piece) {
    BinaryCopyParser parser("test stream", 3);
    std::vector<Row> rows;
    CopyFields f;
    for (std::size_t at = 0; at < stream.size(); at += piece) {
        parser.feed(std::string_view(stream).substr(at, piece));
        while (parser.next(f))
            rows.push_back({io::copy_float8(*f[0], "x"), f[1] ? std::optional<std::string>(std::string(*f[1])) : std::nullopt,
                            io::copy_int4(*f[2], "n")});
    }
    parser.finish();
    CHECK(parser.tuples() == static_cast<std::int64_t>(rows.size()));
    return rows;
}

} // namespace

TEST_CASE("binary COPY tuples are read whole however the stream is split", "[io][postgres]") {
    const std::string stream = two_tuples();
    for (std::size_t piece = 1; piece <= stream.size(); ++piece) {
        INFO("pieces of " << piece << " bytes");
        const auto rows = read_in_pieces(stream, piece);
        REQUIRE(rows.size() == 2);
        CHECK(rows[0].x == 449123.25);
        CHECK(rows[0].text == std::optional<std::string>("2025-01"));
        CHECK(rows[0].n == -7);
        CHECK(std::signbit(rows[1].x));
        CHECK_FALSE(rows[1].text);
        CHECK(rows[1].n == 1);
    }
}

TEST_CASE("an empty result is a header and the end marker", "[io][postgres]") {
    std::string s = header();
    put16(s, -1);
    CHECK(read_in_pieces(s, s.size()).empty());
}

TEST_CASE("broken binary COPY streams are refused with the reason and the byte", "[io][postgres]") {
    CopyFields f;
    auto refuse = [&](const std::string& stream, const std::string& why) {
        BinaryCopyParser parser("PG:dbname=x", 3);
        parser.feed(stream);
        REQUIRE_THROWS_WITH(
            [&] {
                while (parser.next(f)) {
                }
                parser.finish();
            }(),
            Catch::Contains("PG:dbname=x") && Catch::Contains(why) && Catch::Contains("at byte"));
    };
    const std::string good = two_tuples();
    std::string bad_signature = good;
    bad_signature[0] = 'Q';
    refuse(bad_signature, "not PostgreSQL's binary COPY signature");
    refuse(header(1u << 16), "OIDs");
    refuse(header(1u << 20), "unknown critical header flags 0x100000");
    CHECK(read_in_pieces(header(1u << 3) + std::string("\xff\xff", 2), 64).empty()); // bits 0-15 may be ignored
    refuse(good.substr(0, good.size() - 5), "ends inside a tuple");
    refuse(good.substr(0, 8), "ends inside its header");
    refuse(good + "x", "bytes after the end");
    std::string four_fields = header();
    put16(four_fields, 4);
    refuse(four_fields, "a tuple of 4 fields where 3 were asked for");
    std::string negative = header();
    put16(negative, 3);
    put32(negative, 0xfffffff0u);
    refuse(negative, "field 1 has length -16");
    CHECK_THROWS_WITH(io::copy_float8("abc", "PG:dbname=x"), Catch::Contains("float8 field of 3 bytes"));
    CHECK_THROWS_WITH(io::copy_int4("abcdefgh", "PG:dbname=x"), Catch::Contains("int4 field of 8 bytes"));
}
