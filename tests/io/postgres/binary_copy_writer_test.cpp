// SPDX-License-Identifier: MIT
// The binary COPY stream SaferMap sends, against bytes written out by hand from the format's
// documentation (COPY, "Binary Format") and PostGIS's EWKB (a point with an SRID, as
// ST_AsEWKB prints it), and read back by the parser.
#include "io/postgres/binary_copy_parser.hpp"
#include "io/postgres/binary_copy_writer.hpp"

#include <catch2/catch.hpp>

#include <string>

using namespace safermap;

namespace {

std::string hex(std::string_view bytes) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    for (unsigned char c : bytes) {
        out.push_back(digits[c >> 4]);
        out.push_back(digits[c & 15]);
    }
    return out;
}

} // namespace

TEST_CASE("binary COPY tuples are written as the format's documentation lays them out", "[io][postgres]") {
    io::BinaryCopyWriter w;
    // Signature "PGCOPY\n\377\r\n\0", flags 0, header extension length 0.
    CHECK(hex(w.pending()) == "5047434f50590aff0d0a00" "00000000" "00000000");
    w.clear_pending();
    w.begin_tuple(9);
    w.null();
    w.text("ab");
    w.int2(258);
    w.int4(-2);
    w.int8(1);
    w.float8(1.0);
    w.boolean(true);
    w.text("");
    w.ewkb_point(1.0, 2.0, 27700);
    CHECK(hex(w.pending()) == "0009"                                  // nine fields
                              "ffffffff"                              // NULL
                              "00000002" "6162"                       // 'ab'
                              "00000002" "0102"                       // 258
                              "00000004" "fffffffe"                   // -2
                              "00000008" "0000000000000001"           // 1
                              "00000008" "3ff0000000000000"           // 1.0
                              "00000001" "01"                         // true
                              "00000000"                              // '', not NULL
                              "00000019"                              // 25 bytes of EWKB:
                              "01" "01000020" "346c0000"              //   little-endian, Point with SRID, 27700
                              "000000000000f03f" "0000000000000040"); //   x 1.0, y 2.0
    w.clear_pending();
    w.trailer();
    CHECK(hex(w.pending()) == "ffff");
}

TEST_CASE("what the writer sends, the parser reads back", "[io][postgres]") {
    io::BinaryCopyWriter w;
    for (int i = 0; i < 3; ++i) {
        w.begin_tuple(3);
        w.float8(i * 0.1);
        if (i == 1) w.null();
        else w.text(std::string(static_cast<std::size_t>(i), 'x'));
        w.int4(-i);
    }
    w.trailer();
    io::BinaryCopyParser p("test", 3);
    p.feed(w.pending());
    io::CopyFields f;
    for (int i = 0; i < 3; ++i) {
        REQUIRE(p.next(f));
        CHECK(io::copy_float8(*f[0], "test") == i * 0.1);
        CHECK(f[1].has_value() == (i != 1));
        if (f[1]) CHECK(*f[1] == std::string(static_cast<std::size_t>(i), 'x'));
        CHECK(io::copy_int4(*f[2], "test") == -i);
    }
    CHECK_FALSE(p.next(f));
    CHECK_NOTHROW(p.finish());
}
