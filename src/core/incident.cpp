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
    case GeocodeStatus::not_geocoded: return "not_geocoded";
    }
    return "source";
}

} // namespace safermap
