// SPDX-License-Identifier: MIT
#pragma once
// Spelling distance for fuzzy name matching.

#include <string_view>

namespace safermap::geocode {

// Damerau-Levenshtein distance in its optimal-string-alignment form: insertions, deletions,
// substitutions and transpositions of neighbours ("WHYBRUN" -> "WHYBURN" is 1) each cost 1.
// Stops early and returns limit + 1 once the distance must exceed `limit`.
int edit_distance(std::string_view a, std::string_view b, int limit);

// Edits a misspelt name of this many characters may have and still match: none below 5
// characters (MILL and HILL are different streets), 1 up to 8, 2 from 9.
int allowed_edits(std::size_t length);

} // namespace safermap::geocode
