// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "analysis/spatial_weights.hpp"
#include "app/cli/analysis_input.hpp"
#include "io/features/polygon_loader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::cli {

// The units a spatial statistic runs on, grid cells or polygons, with their values, labels
// and neighbour weights (i included; callers drop it where the statistic needs that).
struct Units {
    std::vector<double> values;  // weight sums (counts unless weighted) or the polygon field
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

// How far outside every polygon an incident may lie and still count in the nearest one: ONS
// BGC boundaries are generalised by about 20 m, and police.uk snap points sit on boundary roads.
inline constexpr double k_boundary_tolerance_m = 150;

// The polygon an incident counts in: the one containing it, or the nearest within
// k_boundary_tolerance_m (noted in `report`), or none (noted too).
std::optional<std::size_t> locate_incident(const geo::PolygonIndex& polygons, double x, double y, RunReport& report);

// Flags that choose the units and their weights: --polygons-kind / --polygons --field, or a
// grid (--cell, --extent); --band, --k or --contiguity.
struct UnitsInput {
    std::string polygons_kind, polygons_file, field, contiguity;
    std::string per_1000; // population field: analyse rates per 1,000 residents instead of counts
    double band_m = 0;
    int k = 0;

    void add_options(CLI::App& app, bool allow_grid);
    bool polygons() const { return !polygons_kind.empty() || !polygons_file.empty(); }
    // Throws ConfigError for conflicting choices.
    Units build(const AnalysisInput& input, const GridInput& grid, const geo::GeosContext& geos) const;
};

} // namespace safermap::cli
