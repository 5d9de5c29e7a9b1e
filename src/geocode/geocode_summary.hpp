// SPDX-License-Identifier: MIT
#pragma once

#include "geocode/matcher.hpp"

#include <cstdint>
#include <map>
#include <string>

namespace safermap::geocode {

// Hit rates of one geocoding run, by level (Ratcliffe 2004 puts the minimum reliable hit
// rate for crime mapping at 85%: `hit_rate` is the share placed at any level).
struct GeocodeSummary {
    std::int64_t rows = 0;
    std::map<MatchLevel, std::int64_t> by_level;
    std::int64_t fuzzy = 0;            // placed with a misspelt name mended
    std::int64_t street_ambiguity_at_postcode = 0; // several streets fitted; placed at the postcode
    std::int64_t terminated_postcodes = 0;
    std::int64_t changed = 0, unchanged = 0, manual = 0; // project runs only
    std::string unmatched_file;        // review list of ambiguous and unmatched rows
    double seconds = 0;

    void count(const MatchResult& m);
    std::int64_t placed() const;
    double hit_rate() const { return rows ? static_cast<double>(placed()) / static_cast<double>(rows) : 0.0; }
};

} // namespace safermap::geocode
