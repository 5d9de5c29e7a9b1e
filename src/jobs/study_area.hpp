// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/point_loader.hpp"

#include <string>

namespace safermap::jobs {

// The study area's size for statistics that compare with complete spatial randomness (NNI,
// NNH): given in km², or the total area of the project's boundaries of `kind`, or else the
// points' minimum bounding rectangle (CrimeStat's default); `how` always says which.
struct StudyAreaRequest {
    double area_km2 = 0;
    std::string kind;

    // The area in m². Throws ConfigError for both or an unusable choice.
    double resolve(const std::string& project, const io::PointSet& points, std::string& how) const;
};

} // namespace safermap::jobs
