// SPDX-License-Identifier: MIT
// Disclosure control (issue #12): the rules that public maps, report packs and the viewer's
// public mode share, at their boundaries.
#include "core/error.hpp"
#include "jobs/disclosure.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

TEST_CASE("counts below 5 are shown as <5 in public, exactly inside", "[disclosure]") {
    CHECK(jobs::public_count(0) == "<5");
    CHECK(jobs::public_count(4) == "<5");
    CHECK(jobs::public_count(5) == "5");
    CHECK(jobs::public_count(6) == "6");
    CHECK(jobs::public_count(12345) == "12,345");
    CHECK(jobs::shown_count(4, false) == "4");
    CHECK(jobs::shown_count(4, true) == "<5");
    CHECK(jobs::exact_count(1000) == "1,000");
    CHECK(jobs::exact_count(-1234) == "-1,234");
}

TEST_CASE("public totals never give a suppressed count away by subtraction", "[disclosure]") {
    // No part suppressed: every part is shown, so the exact total discloses nothing more.
    CHECK(jobs::public_total({5, 6, 10}) == "21");
    // A part under 5: the total says only what the table shows (the shown sum, how many are
    // hidden), the same whichever of 0-4 the hidden part holds; at 5 it is shown and summed.
    for (std::int64_t hidden = 0; hidden <= 4; ++hidden) CHECK(jobs::public_total({5, 6, hidden}) == "11 + 1 under 5");
    CHECK(jobs::public_total({5, 6, 5}) == "16");
    CHECK(jobs::public_total({5, 6, 6}) == "17");
    for (std::int64_t a = 0; a <= 4; ++a)
        for (std::int64_t b = 0; b <= 4; ++b) CHECK(jobs::public_total({a, b, 1200}) == "1,200 + 2 under 5");
}

TEST_CASE("headline counts in public are rounded to 10", "[disclosure]") {
    CHECK(jobs::public_rounded(4) == "<5");
    CHECK(jobs::public_rounded(5) == "about 10");
    CHECK(jobs::public_rounded(14) == "about 10");
    CHECK(jobs::public_rounded(3101) == "about 3,100");
}

TEST_CASE("public mode refuses points and fine surfaces, naming itself", "[disclosure]") {
    CHECK_THROWS_WITH(jobs::refuse_public_points("--layers incidents"), Catch::Contains("public mode never shows incident points"));
    CHECK_THROWS_AS(jobs::check_public_bandwidth(249.9), ConfigError);
    CHECK_THROWS_WITH(jobs::check_public_bandwidth(100), Catch::Contains("public mode needs a KDE bandwidth of at least 250 m"));
    CHECK_NOTHROW(jobs::check_public_bandwidth(250));
}

TEST_CASE("public outputs carry no internal marking", "[disclosure]") {
    jobs::Audience internal;
    CHECK(internal.printed_marking() == "OFFICIAL-SENSITIVE");
    internal.marking = "OFFICIAL";
    CHECK(internal.printed_marking() == "OFFICIAL");
    jobs::Audience open;
    open.public_audience = true;
    CHECK(open.printed_marking().empty());
}
