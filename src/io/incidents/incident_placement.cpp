// SPDX-License-Identifier: MIT
#include "io/incidents/incident_placement.hpp"

#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>

namespace safermap::io {

namespace {
bool blank(const std::string& s) {
    return std::all_of(s.begin(), s.end(), [](unsigned char c) { return std::isspace(c); });
}
} // namespace

std::optional<Rejection> place_incident(Incident& inc, const geo::Reprojector& to_working) {
    bool no_x = blank(inc.src_x), no_y = blank(inc.src_y);
    if (no_x && no_y) {
        if (!blank(inc.address) || !blank(inc.postcode)) {
            inc.status = GeocodeStatus::not_geocoded;
            inc.xy.reset();
            return std::nullopt;
        }
        std::string where = inc.location.empty() ? "" : fmt::format(" (Location '{}')", inc.location);
        return Rejection{"no_location", "blank coordinates and no address or postcode" + where};
    }
    if (no_x || no_y) return Rejection{"bad_coordinates", fmt::format("only one coordinate given ('{}', '{}')", inc.src_x, inc.src_y)};
    auto x = parse_number(inc.src_x);
    auto y = parse_number(inc.src_y);
    if (!x || !y) return Rejection{"bad_coordinates", fmt::format("coordinates '{}', '{}' are not numbers", inc.src_x, inc.src_y)};
    double px = *x, py = *y;
    if (!to_working.transform(px, py)) {
        return Rejection{"coordinates_out_of_range",
                         fmt::format("{}, {} ({}) lies outside the working CRS's area of use", inc.src_x, inc.src_y,
                                     inc.src_crs)};
    }
    inc.xy = XY{px, py};
    inc.status = GeocodeStatus::source;
    return std::nullopt;
}

const geo::Reprojector& WorkingReprojectors::from(const std::string& source_crs) {
    auto& slot = m_made[source_crs];
    if (!slot)
        slot = m_working_crs == "none" || source_crs.empty() ? geo::Reprojector::planar()
                                                             : std::make_unique<geo::Reprojector>(source_crs, m_working_crs);
    return *slot;
}

} // namespace safermap::io
