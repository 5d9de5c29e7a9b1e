// SPDX-License-Identifier: MIT
#pragma once
// The incidents an analysis runs on, as every face asks for them: a project or plain files,
// filters, and optional harm weights. The CLI fills one from flags, the viewer and the report
// from their own state; all load through load_points().

#include "io/incidents/incident_columns.hpp"
#include "io/incidents/point_loader.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::jobs {

struct PointRequest {
    std::string project;               // a project (.gpkg), or
    std::vector<std::string> files;    // incident files read as `safermap import` reads them
    io::IncidentColumns columns;       // for files: which columns hold what
    std::string crs = "EPSG:27700";    // for files: the working CRS, or "none" for planar units
    std::string rejects_path;          // for files: where rejected rows go ("" = nowhere)
    std::string harm_table;            // "" counts; "ons-css" or a CSV path weighs by harm
    std::optional<double> harm_default; // weight for categories the table lacks
    io::PointFilter filter;

    // "project.gpkg" or "a.csv, b.csv".
    std::string describe_input() const;
};

// `request` with its filter spelt as the project spells it ("burglary" -> "Burglary"), for
// results to say what they hold. Throws ConfigError, as load_points() does, for a filter that
// matches nothing in the project. Files are matched while reading: their filter is kept as given.
PointRequest resolved(const PointRequest& request);

// Loads the incidents of `request`. Throws ConfigError unless exactly one of project and files
// is given, when a filter matches nothing (naming what exists), and when valid filters leave no
// incident at all (saying how many each filter removed). IoError/SchemaError from the inputs.
io::PointSet load_points(const PointRequest& request);

} // namespace safermap::jobs
