// SPDX-License-Identifier: MIT
#pragma once
// The geocoding cascade: address point > street in the given or inferred locality > street
// intersection > postcode unit > postcode sector > unmatched. Every result says its level,
// how well the text matched, how many entries matched about as well, and which entry was used;
// where several fit about equally and nothing tells them apart, the result is "ambiguous"
// (placed at the postcode when there is one), never a silent pick.

#include "geocode/gazetteer.hpp"

#include <optional>
#include <string>
#include <string_view>

namespace safermap::geocode {

enum class MatchLevel { address, street, intersection, postcode, sector, ambiguous, unmatched };
std::string_view to_string(MatchLevel level);
// The level a stored match_level text names; empty for any other text.
std::optional<MatchLevel> parse_match_level(std::string_view text);

struct MatchInput {
    std::string_view address;  // free text, may hold the postcode and town too
    std::string_view postcode; // a postcode column, when there is one
    std::string_view locality; // a town, ward or district column, when there is one
};

struct MatchResult {
    MatchLevel level = MatchLevel::unmatched;
    std::optional<XY> xy;   // British National Grid; empty for ambiguous and unmatched
    double score = 0;       // 0-1: 1 is an exact match of every part used
    int candidates = 0;     // entries that matched about equally well at the deciding level
    std::string ref;        // gazetteer entry: "postcode:NG17 1AA", "street:12", "address:<uprn>", ...
    std::string matched;    // what it matched, readably: "High Street, Ashfield"
    std::string quality;    // positional quality of the entry used
    std::string note;       // assumptions and doubts, '; '-separated
    bool fuzzy = false;     // a misspelt street name was mended

    bool placed() const { return xy.has_value(); }
};

class Matcher {
public:
    explicit Matcher(const Gazetteer& gazetteer) : m_gaz(gazetteer) {}
    MatchResult match(const MatchInput& input) const;

private:
    const Gazetteer& m_gaz;
};

} // namespace safermap::geocode
