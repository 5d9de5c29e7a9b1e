// SPDX-License-Identifier: MIT
#pragma once
// `safermap geocode --input FILE.csv --out OUT.csv`: every input row, in input order, with
// x, y (British National Grid), match_level, score, candidates and the match's details added.

#include "core/progress.hpp"
#include "geocode/geocode_summary.hpp"
#include "geocode/matcher.hpp"

#include <string>

namespace safermap::geocode {

struct CsvGeocodeRequest {
    std::string input;
    std::string output;
    std::string address_column;  // empty: detected (address, full_address, location, ...)
    std::string postcode_column; // empty: detected (postcode, post code, ...)
    std::string locality_column; // empty: detected (locality, town, ...); may be absent
    std::string unmatched_path;  // empty: <output stem>.unmatched.csv beside the output
    ProgressFn progress = nullptr;       // rows geocoded so far (total unknown: 0)
};

// The columns added after the input's own, in this order.
inline constexpr const char* k_added_columns[] = {"x", "y", "match_level", "score", "candidates",
                                                  "gazetteer_ref", "matched", "positional_quality", "match_note"};

// Throws ConfigError when no address or postcode column can be found or the input already has
// a column the output adds; IoError when a file cannot be read or written.
GeocodeSummary geocode_csv(const Matcher& matcher, const CsvGeocodeRequest& request);

} // namespace safermap::geocode
