// SPDX-License-Identifier: MIT
#include "core/text_encoding.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("UTF-8 validation", "[core][encoding]") {
    CHECK(is_valid_utf8("On or near St Mary's"));
    CHECK(is_valid_utf8("\xC2\xA3" "5")); // £5
    CHECK_FALSE(is_valid_utf8("\xA3" "5")); // £ in Windows-1252
    CHECK_FALSE(is_valid_utf8("\xC0\xAF")); // overlong '/'
    CHECK_FALSE(is_valid_utf8("\xED\xA0\x80")); // surrogate
    CHECK_FALSE(is_valid_utf8("\xE2\x82")); // truncated sequence
}

TEST_CASE("Windows-1252 is re-encoded as UTF-8", "[core][encoding]") {
    CHECK(cp1252_to_utf8("\xA3" "5") == "\xC2\xA3" "5");
    CHECK(cp1252_to_utf8("Mary\x92s") == "Mary\xE2\x80\x99s"); // right single quotation mark
    CHECK(cp1252_to_utf8("\x80") == "\xE2\x82\xAC");             // euro sign
    CHECK(cp1252_to_utf8("\x81") == "\xEF\xBF\xBD");             // undefined in 1252
    CHECK(is_valid_utf8(cp1252_to_utf8("\x81\x8D\x8F\x90\x9D\xFF")));
}
