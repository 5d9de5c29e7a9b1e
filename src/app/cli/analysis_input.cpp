// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"

#include "core/error.hpp"
#include "io/incidents/harm_table.hpp"
#include "io/incidents/mapped_csv_format.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <sstream>

namespace safermap::cli {

void AnalysisInput::add_options(CLI::App& app) {
    app.add_option("project", project, "Project file (.gpkg) to analyse");
    app.add_option("--points", points, "Instead of a project: incident files (police.uk CSV, CSV with --x/--y or --lon/--lat, GDAL point layer)");
    app.add_option("--x", columns.x, "CSV column with x (with --points)");
    app.add_option("--y", columns.y, "CSV column with y");
    app.add_option("--lon", columns.lon, "CSV column with WGS84 longitude");
    app.add_option("--lat", columns.lat, "CSV column with WGS84 latitude");
    app.add_option("--date", columns.date, "CSV column with the date or month");
    app.add_option("--category-column", columns.category, "CSV column with the category");
    app.add_option("--weight-column", columns.weight, "CSV column with a weight");
    app.add_option("--crs", crs, "With --points: CRS of --x/--y columns and of the analysis; 'none' for plain planar units")
        ->default_val("EPSG:27700");
    app.add_option("--rejects", rejects, "With --points: write rejected rows here");
    app.add_option("--harm-table", harm_table, "Weigh incidents by harm: a CSV with category and weight columns (e.g. CCHI days)");
    app.add_option("--harm-default", harm_default, "Harm weight for categories the table lacks (default: they are an error)");
    app.add_option("--category", filter.categories, "Only these crime types (repeatable)");
    app.add_option("--from", filter.from_month, "First month, YYYY-MM");
    app.add_option("--to", filter.to_month, "Last month, YYYY-MM");
    app.add_option("--area", filter.area, "Only incidents inside this boundary (name or code; project only)");
    app.add_option("--area-kind", filter.area_kind, "Kind of the --area boundary (ward, lsoa, priority, ...)");
    app.add_flag("--study-area-only", filter.study_area_only, "Leave out incidents marked outside the study area");
}

io::PointSet AnalysisInput::load() const {
    if (project.empty() == points.empty())
        throw ConfigError("give either a project or --points FILE..., not both or neither");
    io::PointSet out;
    if (!project.empty()) {
        if (columns.any()) throw ConfigError("column options (--x, --lon, ...) apply to --points only");
        out = io::load_project_points(project, filter);
    } else {
        io::IncidentColumns c = columns;
        // With planar input the analysis CRS and the coordinates' CRS are the same thing.
        if (c.has_xy()) c.crs = crs == "none" ? "EPSG:27700" : crs;
        out = io::load_file_points(points, c, crs, filter, rejects);
    }
    if (!harm_table.empty())
        io::apply_harm(out, io::load_harm_table(harm_table), harm_default >= 0 ? std::optional<double>(harm_default) : std::nullopt);
    return out;
}

std::string AnalysisInput::describe() const {
    if (!project.empty()) return project;
    std::string out;
    for (const auto& p : points) out += (out.empty() ? "" : ", ") + p;
    return out;
}

void GridInput::add_options(CLI::App& app, double default_cell_m) {
    app.add_option("--cell", cell_m, "Cell size in metres (CRS units)")->default_val(default_cell_m);
    app.add_option("--extent", extent, "XMIN,YMIN,XMAX,YMAX: cells tile it from its lower-left corner");
}

analysis::GridSpec GridInput::resolve(const io::PointSet& points, double pad_m) const {
    if (!extent.empty()) {
        std::vector<double> v;
        std::stringstream ss(extent);
        std::string part;
        while (std::getline(ss, part, ',')) {
            auto n = io::parse_number(part);
            if (!n) throw ConfigError(fmt::format("--extent '{}': '{}' is not a number", extent, part));
            v.push_back(*n);
        }
        if (v.size() != 4) throw ConfigError(fmt::format("--extent '{}' needs XMIN,YMIN,XMAX,YMAX", extent));
        return analysis::GridSpec::covering(v[0], v[1], v[2], v[3], cell_m);
    }
    if (points.size() == 0) throw ConfigError("no points to analyse, so no extent to grid; give --extent or widen the filters");
    auto [xmin, xmax] = std::minmax_element(points.x.begin(), points.x.end());
    auto [ymin, ymax] = std::minmax_element(points.y.begin(), points.y.end());
    const double x0 = std::floor((*xmin - pad_m) / cell_m) * cell_m;
    const double y0 = std::floor((*ymin - pad_m) / cell_m) * cell_m;
    return analysis::GridSpec::covering(x0, y0, std::max(*xmax + pad_m, x0 + cell_m), std::max(*ymax + pad_m, y0 + cell_m), cell_m);
}

} // namespace safermap::cli
