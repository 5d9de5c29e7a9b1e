// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace safermap::io {

// Which input columns (or vector-layer fields) hold what, for incident files that are not in
// police.uk format. Names are matched exactly; empty means "not in this input".
struct IncidentColumns {
    std::string x, y;     // coordinates in `crs`
    std::string lon, lat; // WGS84 longitude/latitude (crs defaults to EPSG:4326)
    std::string crs;      // e.g. EPSG:27700; required with x/y
    std::string date;     // a date, date-time or YYYY-MM (see parse_date)
    std::string category;
    std::string address;
    std::string postcode;
    std::string weight;
    std::string id;       // a unique incident reference; rows without one are keyed by content

    bool has_xy() const { return !x.empty() || !y.empty(); }
    bool has_lonlat() const { return !lon.empty() || !lat.empty(); }
    bool any() const;
};

} // namespace safermap::io
