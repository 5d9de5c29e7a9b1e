// SPDX-License-Identifier: MIT
#include "core/incident.hpp"

namespace safermap {

void Incident::clear() {
    for (std::string* s : {&key, &crime_id, &month, &occurred, &category, &reported_by,
                           &falls_within, &location, &lsoa_code, &lsoa_name, &outcome, &context,
                           &address, &postcode, &src_x, &src_y, &src_crs, &attributes_json}) {
        s->clear();
    }
    weight.reset();
    xy.reset();
    status = GeocodeStatus::source;
    in_study_area.reset();
    own_lsoa_distance_m.reset();
    source_line = 0;
}

std::string_view to_string(GeocodeStatus status) {
    switch (status) {
    case GeocodeStatus::source: return "source";
    case GeocodeStatus::geocoded: return "geocoded";
    case GeocodeStatus::manual: return "manual";
    case GeocodeStatus::not_geocoded: return "not_geocoded";
    }
    return "source";
}

std::optional<GeocodeStatus> parse_geocode_status(std::string_view text) {
    for (auto s : {GeocodeStatus::source, GeocodeStatus::geocoded, GeocodeStatus::manual, GeocodeStatus::not_geocoded})
        if (to_string(s) == text) return s;
    return std::nullopt;
}

} // namespace safermap
