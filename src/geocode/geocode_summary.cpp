// SPDX-License-Identifier: MIT
#include "geocode/geocode_summary.hpp"

namespace safermap::geocode {

void GeocodeSummary::count(const MatchResult& m) {
    ++rows;
    ++by_level[m.level];
    if (m.placed() && m.fuzzy) ++fuzzy;
    if ((m.level == MatchLevel::postcode || m.level == MatchLevel::sector) && m.candidates > 1) ++street_ambiguity_at_postcode;
    if (m.quality.find("terminated") != std::string::npos) ++terminated_postcodes;
}

std::int64_t GeocodeSummary::placed() const {
    std::int64_t n = 0;
    for (const auto& [level, count] : by_level)
        if (level != MatchLevel::ambiguous && level != MatchLevel::unmatched) n += count;
    return n;
}

} // namespace safermap::geocode
