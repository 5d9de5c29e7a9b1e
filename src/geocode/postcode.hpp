// SPDX-License-Identifier: MIT
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace safermap::geocode {

// A UK postcode, validated and in its standard form.
struct Postcode {
    std::string formatted; // "NG17 1AA"
    std::string outward;   // "NG17" (the district)
    std::string inward;    // "1AA"
    std::string sector;    // "NG17 1"
    std::string area;      // "NG"
    bool corrected = false; // a letter/digit slip (O for 0, I or L for 1, and back) was mended
};

// Parses what people type: any case, spaces or none, stray punctuation, and O/0, I/1 and L/1
// slips where the format (Royal Mail's: A9, A99, AA9, AA99, A9A or AA9A, then 9AA, or GIR 0AA)
// demands a digit or a letter. Also checks the letters each position allows (no Q, V or X first;
// no I, J or Z second; no C, I, K, M, O or V in the inward code). Returns nothing for text that
// cannot be a postcode. It says nothing about whether the postcode exists: that is the
// gazetteer's job.
std::optional<Postcode> parse_postcode(std::string_view text);

} // namespace safermap::geocode
