// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/project_argument.hpp"

#include "core/error.hpp"

namespace safermap::cli {

CLI::Option* add_hidden_alias(CLI::App& app, const std::string& name, std::string& target) {
    return app.add_option(name, target)->group("");
}

void AnalysisInput::add_options(CLI::App& app, Sources sources, Kind kind) {
    m_sources = sources;
    auto& r = request;
    add_project_argument(app, r.project, sources == Sources::project_only ? "Project" : "Project to analyse");
    if (sources == Sources::project_or_files) {
        app.add_option("--points", r.files, "Instead of a project: incident files (police.uk CSV, CSV with --x/--y or --lon/--lat, GDAL point layer)");
        app.add_option("--x", r.columns.x, "With --points: CSV column with x");
        app.add_option("--y", r.columns.y, "With --points: CSV column with y");
        app.add_option("--lon", r.columns.lon, "With --points: CSV column with WGS84 longitude");
        app.add_option("--lat", r.columns.lat, "With --points: CSV column with WGS84 latitude");
        app.add_option("--date", r.columns.date, "With --points: CSV column with the date or month");
        app.add_option("--category-column", r.columns.category, "With --points: CSV column with the category");
        app.add_option("--weight-column", r.columns.weight, "With --points: CSV column with a weight");
        app.add_option("--crs", r.crs, "With --points: CRS of --x/--y columns and of the analysis; 'none' for plain planar units")
            ->default_val("EPSG:27700");
        app.add_option("--rejects", r.rejects_path, "With --points: write rejected rows here");
    }
    app.add_option("--harm-table", r.harm_table, "Weigh incidents by harm: 'ons-css' (bundled ONS Crime Severity Score) or a CSV of category,weight");
    app.add_option("--harm-default", r.harm_default, "Harm weight for categories the table lacks (default: they are an error)");
    app.add_option("--category", r.filter.categories, "Only these crime types (repeatable; case and surrounding spaces ignored)");
    app.add_option("--from", r.filter.from_month, "First month, YYYY-MM");
    app.add_option("--to", r.filter.to_month, "Last month, YYYY-MM");
    app.add_option("--area", r.filter.area, "Only incidents inside this boundary (name or code, case ignored; project only)");
    if (kind == Kind::area_filter) app.add_option("--kind", r.filter.area_kind, "Kind of the --area boundary (ward, lsoa, priority, ...)");
    add_hidden_alias(app, "--area-kind", r.filter.area_kind);
    app.add_flag("--study-area-only", r.filter.study_area_only, "Leave out incidents marked outside the study area");
}

void GridInput::add_options(CLI::App& app, double default_cell_m) {
    app.add_option("--cell", request.cell_m, "Cell size in metres (CRS units)")->default_val(default_cell_m);
    app.add_option("--extent", extent, "XMIN,YMIN,XMAX,YMAX: cells tile it from its lower-left corner");
}

jobs::GridRequest GridInput::resolved() const {
    jobs::GridRequest r = request;
    if (!extent.empty()) r.extent = jobs::parse_extent(extent, "--extent");
    return r;
}

} // namespace safermap::cli
