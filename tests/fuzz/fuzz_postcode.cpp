// SPDX-License-Identifier: MIT
// Fuzz target: parse_postcode (geocode/postcode). Input: the text of one postcode field.
// Properties: an accepted postcode is consistent in its parts and reads back as itself,
// with nothing left to mend.
#include "fuzz_check.hpp"
#include "geocode/postcode.hpp"

#include <cctype>
#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using safermap::geocode::parse_postcode;
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const auto pc = parse_postcode(text);
    if (!pc) return 0;
    SAFERMAP_FUZZ_CHECK(pc->outward.size() >= 2 && pc->outward.size() <= 4);
    SAFERMAP_FUZZ_CHECK(pc->inward.size() == 3);
    SAFERMAP_FUZZ_CHECK(pc->formatted == pc->outward + " " + pc->inward);
    SAFERMAP_FUZZ_CHECK(pc->sector == pc->outward + " " + pc->inward.substr(0, 1));
    SAFERMAP_FUZZ_CHECK(!pc->area.empty() && pc->outward.starts_with(pc->area));
    SAFERMAP_FUZZ_CHECK(pc->area.size() <= 2 || pc->formatted == "GIR 0AA"); // Girobank's is the one exception
    for (char c : pc->formatted)
        SAFERMAP_FUZZ_CHECK(c == ' ' || std::isdigit(static_cast<unsigned char>(c)) || std::isupper(static_cast<unsigned char>(c)));
    const auto again = parse_postcode(pc->formatted);
    SAFERMAP_FUZZ_CHECK(again && again->formatted == pc->formatted && !again->corrected);
    return 0;
}
