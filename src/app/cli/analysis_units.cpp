// SPDX-License-Identifier: MIT
#include "app/cli/analysis_units.hpp"

namespace safermap::cli {

void UnitsInput::add_options(CLI::App& app, bool allow_grid) {
    auto& r = request;
    app.add_option("--kind", r.kind,
                   allow_grid ? "Run on the project's boundaries of this kind (ward, lsoa, ...) instead of a grid"
                              : "Run on the project's boundaries of this kind (ward, lsoa, ...)");
    add_hidden_alias(app, "--polygons-kind", r.kind);
    app.add_option("--polygons", r.polygons_file, "Run on the polygons of this file, with --field as the value");
    app.add_option("--field", r.field, "Numeric field of --polygons to analyse");
    app.add_option("--band", r.band_m, allow_grid ? "Distance band in metres (grids default to 1.5 cells: the 8 surrounding cells)"
                                                  : "Distance band in metres between polygons' interior points");
    app.add_option("--k", r.k, "k nearest neighbours (ties at the k-th distance kept)");
    app.add_option("--contiguity", r.contiguity, "queen or rook (polygons; their default is queen)");
    app.add_option("--per-1000", r.per_1000, "Polygons: analyse rates per 1,000 residents, with this population field");
}

Units UnitsInput::build(AnalysisInput& input, const GridInput& grid, const geo::GeosContext& geos) const {
    input.resolve();
    jobs::UnitsRequest r = request;
    r.grid = grid.resolved();
    return r.build(input.request, geos);
}

} // namespace safermap::cli
