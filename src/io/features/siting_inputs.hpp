// SPDX-License-Identifier: MIT
#pragma once
// What CCTV and lighting siting reads besides the incidents: candidate sites from a file, the
// project's existing cameras, and obstacles to sight. All in the working CRS.

#include "geo/geos_context.hpp"

#include <optional>
#include <string>
#include <vector>

namespace safermap::io {

// Candidate sites, in input order. Points (cameras, lamps), or lines (lighting along a street):
// for a line, x and y are a point on it (GEOSPointOnSurface), for tables and output.
struct CandidateSites {
    std::vector<std::string> id;
    std::vector<double> x, y;
    std::vector<std::optional<double>> heading_deg; // a fixed camera's own heading, when the input gives one
    std::vector<std::optional<double>> cost;        // when the input has a cost column and the row a value
    std::vector<geo::GeomPtr> lines;                // one per candidate for line input; empty for points
    std::vector<std::string> where;                 // "cands.csv line 4", "roads.gpkg feature 12": for messages

    std::size_t size() const { return id.size(); }
};

struct CandidateFileOptions {
    std::string id_field;    // "": `id` (CSV), or id/site_id/name (layers), else the line or feature number
    std::string cost_field;  // "": `cost` when there is one
    std::string working_crs; // a CSV's x and y are in it already; a layer is reprojected into it ("none": as given)
};

// Reads candidates from a CSV with columns `id`, `x`, `y` (names case-insensitive; x and y in
// the working CRS) and optional `heading_deg` (or `heading`, `bearing`; degrees clockwise from
// grid north, 0..360) and `cost`; or from any GDAL point or line layer (reprojected; the same
// optional fields). A blank heading or cost is none. Throws SchemaError naming the file for a
// missing column or field (listing those there are), an empty file, a row or feature whose
// coordinates, heading or cost are not numbers (with its line or feature), a duplicate id, a
// geometry that is neither a point nor a line, or points and lines mixed; IoError/CrsError
// from GDAL. A file with no candidates is a SchemaError too.
CandidateSites load_candidate_sites(const std::string& path, const CandidateFileOptions& options, const geo::GeosContext& geos);

// A camera of the project's `cctv_sites` layer, with what it records of its view.
struct ExistingCamera {
    std::string id, type;                // type: fixed, ptz, redeployable or unknown
    double x = 0, y = 0;
    std::optional<double> heading_deg, fov_deg, range_m; // none when not recorded
};

// Every camera with a point geometry in the project's `cctv_sites` layer. Throws
// IoError/SchemaError when the project cannot be opened or lacks the layer.
std::vector<ExistingCamera> load_project_cctv(const std::string& project);

// The polygons of any GDAL polygon layer (buildings), reprojected into `working_crs` ("none":
// as given) and repaired with MakeValid where invalid. Throws SchemaError naming the feature
// for a geometry that is not a polygon or cannot be repaired, CrsError when it cannot be
// reprojected; IoError/CrsError from GDAL. Features without geometry are skipped.
std::vector<geo::GeomPtr> load_obstacle_polygons(const std::string& path, const std::string& working_crs,
                                                 const geo::GeosContext& geos);

} // namespace safermap::io
