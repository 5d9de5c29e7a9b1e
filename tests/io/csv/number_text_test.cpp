// SPDX-License-Identifier: MIT
// parse_number reads the short decimals of coordinate columns by a fast path of its own; it
// must give the very double std::from_chars gives, on every text, and refuse what it refuses.
#include "io/csv/number_text.hpp"

#include "fuzz/number_reference.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include <charconv>
#include <cmath>
#include <random>
#include <string>

using namespace safermap;

namespace {

// The rule as written before the fast path.
constexpr auto reference = test::number_by_from_chars;

void check_same(const std::string& text) {
    INFO("'" << text << "'");
    const auto got = io::parse_number(text), want = reference(text);
    REQUIRE(got.has_value() == want.has_value());
    if (got) {
        CHECK(std::signbit(*got) == std::signbit(*want));
        CHECK(*got == *want); // bit for bit: no tolerance
    }
}

} // namespace

TEST_CASE("parse_number reads what from_chars reads, and refuses what it refuses", "[io][csv][number]") {
    for (const char* text : {"450027.53", "-1.259196", "53.141800", "0", "-0", "-0.0", "007", "1.", ".5", "-.5", "5.",
                             "123456789012345", "1234567890123456", "0.000000000000001", "999999999999999.9",
                             "1e5", "4.58954e5", "1E-3", " 12 ", "\t12\r", "+12", "+-12", "--12", "-", ".", "", " ",
                             "1.2.3", "12a", "0x10", "inf", "-inf", "nan", "1e400", "+", "1,5", "\xC2\xA0" "5"})
        check_same(text);
}

TEST_CASE("parse_number agrees with from_chars on a million random short decimals", "[io][csv][number]") {
    // Coordinates in metres and degrees at every precision an export uses, and the digits
    // counts either side of the fast path's limit (15 digits).
    std::mt19937_64 random(13);
    std::uniform_int_distribution<int> digits_before(0, 9), digits_after(0, 9), digit(0, 9), sign(0, 3);
    for (int n = 0; n < 1'000'000; ++n) {
        std::string text = sign(random) == 0 ? "-" : "";
        const int before = digits_before(random) + 1, after = digits_after(random);
        for (int i = 0; i < before; ++i) text += static_cast<char>('0' + digit(random));
        if (after > 0) text += '.';
        for (int i = 0; i < after; ++i) text += static_cast<char>('0' + digit(random));
        const auto got = io::parse_number(text), want = reference(text);
        if (!got || !want || *got != *want || std::signbit(*got) != std::signbit(*want)) {
            FAIL("'" << text << "': " << (got ? fmt::format("{}", *got) : "none") << " against from_chars "
                     << (want ? fmt::format("{}", *want) : "none"));
        }
    }
    SUCCEED();
}
