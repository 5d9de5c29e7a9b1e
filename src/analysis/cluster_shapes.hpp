// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::analysis {

// The standard deviational ellipse of a point set (Lefever 1926; Yuill 1971): centred on the
// mean, its major axis along the direction of greatest spread, with semi-axes equal to the
// standard deviation of the points along each axis (sqrt(sum d^2 / n), no sqrt(2) factor,
// so one ellipse holds about 39% of a bivariate normal sample).
struct StandardEllipse {
    double centre_x = 0, centre_y = 0;
    double sigma_major = 0, sigma_minor = 0;
    double angle_rad = 0; // of the major axis, anticlockwise from the x axis (east)
};
StandardEllipse standard_ellipse(const std::vector<double>& x, const std::vector<double>& y);

// A cluster's outline and summary: convex hull, concave hull (GEOS ConcaveHull with
// `concave_ratio` in [0, 1]; 1 gives the convex hull; null unless asked for: it costs more
// than everything else for big clusters) and ellipse polygon (72 vertices).
struct ClusterShape {
    std::int32_t cluster = 0;
    std::size_t count = 0;
    double weight = 0;
    double mean_x = 0, mean_y = 0;
    double convex_area_m2 = 0;
    geo::GeomPtr convex_hull;
    geo::GeomPtr concave_hull;
    geo::GeomPtr ellipse;
    StandardEllipse sde;
};

// One ClusterShape per cluster label >= 0 (noise ignored), in label order. Hulls of clusters
// of one or two distinct positions are points or lines (area 0), as GEOS returns them.
std::vector<ClusterShape> cluster_shapes(const geo::GeosContext& ctx, const std::vector<double>& x, const std::vector<double>& y,
                                         const std::vector<double>& w, const std::vector<std::int32_t>& labels,
                                         std::optional<double> concave_ratio);

} // namespace safermap::analysis
