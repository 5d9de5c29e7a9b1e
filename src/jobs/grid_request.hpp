// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "geo/bounds.hpp"
#include "io/incidents/point_loader.hpp"

#include <optional>
#include <string>

namespace safermap::jobs {

// The grid an analysis runs on: a cell size, and an extent or else the points' bounds.
struct GridRequest {
    double cell_m = 0;
    std::optional<geo::Bounds> extent; // cells tile it from its lower-left corner

    // Without an extent the grid covers the points' bounding box grown by `pad_m` on each
    // side, its origin snapped down to a multiple of the cell size. Throws ConfigError for a
    // cell size <= 0 or no points and no extent.
    analysis::GridSpec resolve(const io::PointSet& points, double pad_m) const;
};

// "XMIN,YMIN,XMAX,YMAX" -> an extent; ConfigError naming `flag` otherwise.
geo::Bounds parse_extent(const std::string& text, const char* flag);

} // namespace safermap::jobs
