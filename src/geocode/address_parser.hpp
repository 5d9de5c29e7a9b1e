// SPDX-License-Identifier: MIT
#pragma once
// Reads the parts of a free-text UK address as council and partner systems write them:
// "Flat 2, 12-14 High St, Sutton in Ashfield NG17 1AA", "rear of 3 St Mary's Rd",
// "o/s Tesco, Station Road", "junction of Forest Road and Milton St", "On or near Supermarket".

#include "geocode/postcode.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::geocode {

// Where the incident was relative to the address: a record of what was written, kept with
// the match so that "rear of" and "outside" are not mistaken for the address itself.
enum class Qualifier { none, on_or_near, rear_of, outside, opposite, near };
std::string_view to_string(Qualifier q);

// One way to read a street part: its street key, and the words after it taken as a locality
// ("HIGH ST SUTTON" may be HIGH STREET in SUTTON, or a street called HIGH SAINT SUTTON).
struct StreetReading {
    std::string key;
    std::string locality; // locality key split off the end; empty when none
};

struct ParsedAddress {
    std::string not_an_address; // why the text is no address ("unknown", "online", ...); empty otherwise
    std::optional<Postcode> postcode; // found in the text
    std::string sector;               // "NG17 1" when only a postcode sector was written
    Qualifier qualifier = Qualifier::none;
    std::string flat;                 // "FLAT 2"
    std::string number;               // "12", "12A", "12-14"
    std::string building;             // a house or building name before the street
    std::vector<StreetReading> street;        // readings of the street part, most literal first
    std::vector<StreetReading> second_street; // the other street of a junction
    std::vector<std::string> localities;      // locality keys of the parts after the street
    bool junction() const { return !second_street.empty(); }
};

// Longest address text read, in bytes: real addresses are under 200, and a longer field (a
// notes column mapped as the address) is refused rather than parsed.
inline constexpr std::size_t k_max_address_bytes = 1024;

// Most words a street name is taken to have when a split reading is tried: no UK street name
// comes close, and the bound keeps street_readings linear in the length of its text.
inline constexpr std::size_t k_max_street_words = 16;

// Parses one address text; never throws. Empty, placeless or unreadable text comes back with
// `not_an_address` set: "empty", a placeless text such as "UNKNOWN", "no street or postcode",
// or "address_too_long" (over k_max_address_bytes, when nothing else is read).
ParsedAddress parse_address(std::string_view address);

// Readings of one street text (see StreetReading): the whole text first, then one split after
// each street type that has words before and after it and is among the first
// k_max_street_words words, longest street first. Linear in the text's length. Empty for
// empty text.
std::vector<StreetReading> street_readings(std::string_view text);

} // namespace safermap::geocode
