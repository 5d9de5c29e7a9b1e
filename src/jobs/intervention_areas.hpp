// SPDX-License-Identifier: MIT
#pragma once
// The areas an intervention is evaluated in: the treatment area (the scheme's polygon, or its
// point or line buffered by a radius), the buffer ring around it where crime could be
// displaced to, and a control area (a file, a named boundary, or one suggested from the
// project's boundaries). All in the working CRS, metres.

#include "geo/geos_context.hpp"

#include <string>
#include <vector>

namespace safermap::jobs {

// An intervention as the project's `interventions` layer holds it, in the working CRS.
struct InterventionSite {
    std::string id, type, install_date, description;
    bool illustrative = false;
    geo::GeomPtr geometry; // point, line or polygon
};

// Every intervention with a geometry, in the layer's order. Throws IoError/SchemaError naming
// the project.
std::vector<InterventionSite> read_interventions(const std::string& project, const geo::GeosContext& geos);

// One of the three areas, with what it is in words.
struct EvaluationArea {
    std::string name;          // "AG-01", "Kirkby Cross", "control.geojson"
    std::string how;           // "the scheme's polygon", "200 m around the point", ...
    geo::GeomPtr geometry;     // polygonal, working CRS
    double area_km2 = 0;
};

// The treatment area of `geometry`: polygons as they are (radius_m ignored), points and lines
// (or a mix) buffered by radius_m (GEOS, 16 segments a quarter circle). `name` names the
// scheme in errors. Throws ConfigError for a point or line without radius_m > 0.
EvaluationArea treatment_area(const std::string& name, const GEOSGeometry* geometry, double radius_m, const geo::GeosContext& geos);

// The ring of width buffer_m around `treatment`, the treatment area itself excluded (GEOS
// buffer, then difference). Throws ConfigError for buffer_m <= 0.
EvaluationArea buffer_ring(const GEOSGeometry* treatment, double buffer_m, const geo::GeosContext& geos);

// The union of every feature of a GDAL vector file, reprojected to `working_crs` ("none":
// as given), polygons repaired as at import. Throws IoError/SchemaError/CrsError naming the
// file and feature, and SchemaError for a file without features.
geo::GeomPtr read_area_file(const std::string& path, const std::string& working_crs, const geo::GeosContext& geos);

// The project's boundary named or coded `name` (matched as --area is: case and spaces
// ignored), of `kind` when given. Throws ConfigError listing the names when none matches.
EvaluationArea named_boundary(const std::string& project, const std::string& name, const std::string& kind,
                              const geo::GeosContext& geos);

// True for a Polygon or MultiPolygon.
bool is_polygonal(const geo::GeosContext& geos, const GEOSGeometry* geometry);

// Area in km² of a polygonal geometry in metres.
double area_km2(const geo::GeosContext& geos, const GEOSGeometry* geometry);

} // namespace safermap::jobs
