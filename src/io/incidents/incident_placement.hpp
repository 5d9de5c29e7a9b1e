// SPDX-License-Identifier: MIT
#pragma once

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "geo/reprojector.hpp"

#include <map>
#include <memory>
#include <optional>
#include <string>

namespace safermap::io {

// Turns an incident's source coordinate text (src_x/src_y in src_crs) into a position in the
// working CRS. With both coordinates blank, a row that has an address or postcode is kept as
// not_geocoded; one with neither is rejected as no_location. Other rejections:
// bad_coordinates (one blank, or not a number) and coordinates_out_of_range (outside the
// source CRS's range or the working CRS's area of use, e.g. 0,0).
std::optional<Rejection> place_incident(Incident& incident, const geo::Reprojector& to_working);

// The Reprojector from each source CRS into the working CRS, made on first use. A working CRS
// of "none" (plain planar units), or a source with no CRS (an address-only export), gets one
// that transforms nothing. Not thread-safe, like Reprojector: one set per thread.
class WorkingReprojectors {
public:
    explicit WorkingReprojectors(std::string working_crs) : m_working_crs(std::move(working_crs)) {}
    // Throws CrsError naming the CRS when it is unknown or cannot reach the working CRS.
    const geo::Reprojector& from(const std::string& source_crs);

private:
    std::string m_working_crs;
    std::map<std::string, std::unique_ptr<geo::Reprojector>> m_made;
};

} // namespace safermap::io
