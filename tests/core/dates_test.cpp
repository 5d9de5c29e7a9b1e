// SPDX-License-Identifier: MIT
#include "core/dates.hpp"

#include <catch2/catch.hpp>

using safermap::parse_date;
using safermap::parse_month;

TEST_CASE("police.uk months parse only as YYYY-MM", "[core][dates]") {
    CHECK(parse_month("2025-01") == "2025-01");
    CHECK(parse_month("2025-12") == "2025-12");
    CHECK_FALSE(parse_month("2025-13"));
    CHECK_FALSE(parse_month("2025-00"));
    CHECK_FALSE(parse_month("Jan 2025"));
    CHECK_FALSE(parse_month("2025-1"));
    CHECK_FALSE(parse_month(""));
}

TEST_CASE("council dates are read day-first and normalised to ISO", "[core][dates]") {
    CHECK(parse_date("03/02/2025")->iso == "2025-02-03"); // 3 February, never 2 March
    CHECK(parse_date("3/2/2025")->iso == "2025-02-03");
    CHECK(parse_date("2025-02-04 14:30")->iso == "2025-02-04T14:30:00");
    CHECK(parse_date("2025-02-04T14:30:15")->iso == "2025-02-04T14:30:15");
    CHECK(parse_date("2023/02/15")->iso == "2023-02-15");
    CHECK(parse_date("2025-02")->iso == "2025-02");
    CHECK(parse_date("29/02/2024")->month == "2024-02"); // leap year
    // A one-digit month after a two-digit day (or the reverse) puts '/' fifth, as in 2025/01/31:
    // only four digits before it make the date year-first.
    CHECK(parse_date("01/1/2025")->iso == "2025-01-01");
    CHECK(parse_date("1/12/2025 09:15")->iso == "2025-12-01T09:15:00");
}

TEST_CASE("impossible dates are refused", "[core][dates]") {
    CHECK_FALSE(parse_date("31/02/2025"));
    CHECK_FALSE(parse_date("29/02/2025"));
    CHECK_FALSE(parse_date("29/02/1900")); // not a leap year (divisible by 100)
    CHECK_FALSE(parse_date("2025-02-04 25:00"));
    CHECK_FALSE(parse_date("yesterday"));
    CHECK_FALSE(parse_date(""));
}
