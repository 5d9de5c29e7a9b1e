// SPDX-License-Identifier: MIT
#pragma once

#include "geo/polygon_index.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace safermap::io {

// Polygons to analyse (wards, LSOAs, any polygon layer), in the working CRS, in input order.
struct PolygonSet {
    std::string crs;
    std::vector<std::string> code;
    std::vector<std::string> name;
    std::vector<double> value;              // the --field value; empty when none was asked for
    std::vector<double> population;         // the population field; empty when none was asked for
    std::unique_ptr<geo::PolygonIndex> index;
};

// The project's boundaries of `kind` (e.g. "ward"), ordered by code. With `population_field`,
// each boundary's population is read from that field of its source attributes.
// Throws ConfigError when the project has none of that kind, or a boundary lacks a numeric
// population (naming it).
PolygonSet load_project_polygons(const std::string& project, const std::string& kind, const geo::GeosContext& geos,
                                 const std::string& population_field = "");

// The polygons of a GDAL vector file with the numeric `field` as their value (empty: none),
// reprojected to `working_crs` ("none": as given). Features with a null or non-numeric value
// are an error naming the feature (SchemaError), since dropping one would bias the analysis;
// the same holds for `population_field` when given.
PolygonSet load_file_polygons(const std::string& path, const std::string& field, const std::string& working_crs,
                              const std::string& crs_override, const geo::GeosContext& geos,
                              const std::string& population_field = "");

} // namespace safermap::io
