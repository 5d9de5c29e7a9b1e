// SPDX-License-Identifier: MIT
#pragma once
// The units a spatial statistic runs on (grid cells or polygons), with their values, labels
// and neighbour weights, built the same way for every face.

#include "analysis/grid.hpp"
#include "analysis/spatial_weights.hpp"
#include "geo/geos_context.hpp"
#include "io/features/polygon_loader.hpp"
#include "jobs/grid_request.hpp"
#include "jobs/point_request.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::jobs {

// Values per unit, neighbour weights (i included; callers drop it where the statistic needs
// that), and what happened to the incidents counted into them.
struct Units {
    std::vector<double> values;  // weight sums (counts unless weighted), rates, or the polygon field
    std::vector<double> counts;
    analysis::SpatialWeights weights;
    std::optional<analysis::GridSpec> grid;
    std::optional<io::PolygonSet> polygons;
    std::string crs;             // of the cells or polygons (the working CRS, or "none")
    std::string weights_text;
    RunReport points_report;     // what happened to the incidents counted into the units

    // A unit's label: the polygon's code, or "x,y" of the cell centre (made when asked for:
    // a million-cell grid would otherwise format a million labels to print a few).
    std::string label(std::size_t i) const;
    // The polygon's name; empty for a cell.
    std::string name(std::size_t i) const;
};

// Which units and weights: the project's boundaries of `kind`, a polygon file with a value
// `field`, or a grid; a distance band, k nearest or contiguity.
struct UnitsRequest {
    std::string kind;            // boundary kind in the project (ward, lsoa, ...)
    std::string polygons_file, field, contiguity;
    std::string per_1000;        // population field: rates per 1,000 residents instead of counts
    double band_m = 0;
    int k = 0;
    GridRequest grid;

    bool polygons() const { return !kind.empty() || !polygons_file.empty(); }
    // Throws ConfigError for conflicting choices, and what load_points() throws.
    Units build(const PointRequest& points, const geo::GeosContext& geos) const;
};

} // namespace safermap::jobs
