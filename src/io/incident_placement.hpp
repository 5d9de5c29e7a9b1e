// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "geo/reprojector.hpp"

#include <optional>

namespace safermap::io {

// Turns an incident's source coordinate text (src_x/src_y in src_crs) into a position in the
// working CRS. With both coordinates blank, a row that has an address or postcode is kept as
// not_geocoded; one with neither is rejected as no_location. Other rejections:
// bad_coordinates (one blank, or not a number) and coordinates_out_of_range (outside the
// source CRS's range or the working CRS's area of use, e.g. 0,0).
std::optional<Rejection> place_incident(Incident& incident, const geo::Reprojector& to_working);

} // namespace safermap::io
