// SPDX-License-Identifier: MIT
#pragma once

#include "analysis/grid.hpp"
#include "io/incidents/point_loader.hpp"

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace safermap::cli {

// The input and filter flags every analysis command shares: a project, or --points files
// read as `safermap import` reads them; --category/--from/--to/--area filters.
struct AnalysisInput {
    std::string project;
    std::vector<std::string> points;
    io::IncidentColumns columns;
    std::string crs = "EPSG:27700"; // for --points: the working CRS, or "none" for planar units
    std::string rejects;
    std::string harm_table;     // CSV category,weight: weigh incidents by harm instead of counting them
    double harm_default = -1;   // weight for categories the table lacks (< 0: they are an error)
    io::PointFilter filter;

    void add_options(CLI::App& app);
    // Throws ConfigError unless exactly one of project and --points is given.
    io::PointSet load() const;
    // "project.gpkg" or "a.csv, b.csv", for reports.
    std::string describe() const;
};

// --cell and --extent. Without --extent the grid covers the points' bounding box grown by
// `pad_m` on each side, its origin snapped down to a multiple of the cell size.
struct GridInput {
    double cell_m = 0;
    std::string extent; // "XMIN,YMIN,XMAX,YMAX"

    void add_options(CLI::App& app, double default_cell_m);
    analysis::GridSpec resolve(const io::PointSet& points, double pad_m) const;
};

} // namespace safermap::cli
