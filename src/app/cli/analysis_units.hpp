// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/analysis_input.hpp"
#include "jobs/analysis_units.hpp"

#include <CLI/CLI.hpp>

namespace safermap::cli {

using jobs::Units;

// Flags that choose the units and their weights: --kind / --polygons --field, or a grid
// (--cell, --extent); --band, --k or --contiguity; --per-1000.
struct UnitsInput {
    jobs::UnitsRequest request;

    void add_options(CLI::App& app, bool allow_grid);
    bool polygons() const { return request.polygons(); }
    Units build(AnalysisInput& input, const GridInput& grid, const geo::GeosContext& geos) const;
};

} // namespace safermap::cli
