// SPDX-License-Identifier: MIT
#pragma once
// How names are compared: addresses, gazetteer streets and localities all pass through the
// same normalisation, so that "St Mary's Rd" and "SAINT MARYS ROAD" meet as one key.

#include <string>
#include <string_view>
#include <vector>

namespace safermap::geocode {

// Upper-case ASCII; apostrophes dropped (MARY'S -> MARYS); '&' -> AND; every other
// punctuation mark a space; whitespace runs collapsed and trimmed. Bytes above 127 are kept.
std::string normalise_text(std::string_view text);

// Words of a normalised text.
std::vector<std::string> split_words(std::string_view normalised);

// A street name key: normalise_text, then abbreviations expanded by their position. A street
// type (ST, RD, AVE, CL, CRES, DR, GDNS, LN, PL, SQ, TERR, ...) is expanded when it ends the
// name or is followed only by a direction (NORTH, UPPER, ...); ST anywhere else is SAINT
// ("ST JOHNS ST" -> SAINT JOHNS STREET). Also ABBREVIATIONS such as "NTH" and "UPR".
std::string street_key(std::string_view name);

// The key split into the distinctive name and its street type: "WHYBURN STREET" ->
// {"WHYBURN", "STREET"}; "BROOKSIDE" -> {"BROOKSIDE", ""}. Directions after the type stay
// in the name part ("MANSFIELD ROAD NORTH" -> {"MANSFIELD NORTH", "ROAD"}).
struct StreetKeyParts {
    std::string name;
    std::string type;
};
StreetKeyParts split_street_key(std::string_view key);

// True when `word` (normalised, full form) is a street type such as STREET or CLOSE.
bool is_street_type(std::string_view word);

// A locality key: normalise_text with ST expanded to SAINT and IN/ON/UNDER kept
// ("Sutton-in-Ashfield" -> "SUTTON IN ASHFIELD", "St Mary's" -> "SAINT MARYS").
std::string locality_key(std::string_view name);

} // namespace safermap::geocode
