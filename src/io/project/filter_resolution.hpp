// SPDX-License-Identifier: MIT
#pragma once
// Checking a project's filters against what the project holds, before anything is analysed: a
// crime type, month range or area that matches nothing is an error that lists what exists.

#include "geo/geos_context.hpp"
#include "geo/study_area.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/project_store.hpp"

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace safermap::io {

// The area kind of a place used as an area (a NaPTAN locality: see place_reader.hpp). A place
// has no boundary: its area is the union of circles of io::k_stop_catchment_m (250 m) around
// its active bus stops.
inline constexpr std::string_view k_place_area_kind = "place";

// `filter` with each crime type and the area spelt as the project spells them (matched
// case-insensitively, surrounding spaces ignored). The area is a boundary's name, else its code
// (of `area_kind`, when given). When no boundary matches and `area_kind` is empty or "place",
// it may be a place's name, else its code: then `area_kind` becomes "place" and `area_note`
// states the area drawn, e.g. "within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no
// boundary)". Throws ConfigError naming the project when a crime type, the area, or the month
// range matches nothing: the message lists what the project has (boundaries, then places) and
// suggests the closest name. Resolving a resolved filter gives it back unchanged.
PointFilter resolve_project_filter(ProjectStore& store, const PointFilter& filter);

// The first and last month (YYYY-MM) of the project's incidents that have one; nullopt when
// none has.
std::optional<std::pair<std::string, std::string>> incident_month_range(ProjectStore& store);

// Whether rows without a position (not yet geocoded) pass an area's SQL test: kept where the
// caller counts them, dropped where nothing outside the area is wanted.
enum class Unplaced { keep, drop };

// The filter's months and crime types as an SQL WHERE clause on the incidents layer (" WHERE
// month >= '2025-01' AND category IN ('Burglary')"), or "" with neither. With `area`, also the
// rows whose position lies in its bounding box, found through the spatial index (PostGIS's
// GiST index, a GeoPackage's R-tree): so that a district's analysis reads that district's
// rows, not the county's. The box only narrows: points in it but outside the area are for
// StudyArea::contains to drop, as SQL cannot test points in polygons portably.
std::string filter_sql_where(ProjectStore& store, const PointFilter& filter, const geo::StudyArea* area = nullptr,
                             Unplaced unplaced = Unplaced::keep);

// The polygons of the boundary `area` names (by name or code as the project spells them, of
// `kind` when given: resolve it with resolve_project_filter first). For kind "place", or an
// empty kind and no such boundary, the stop catchment circles of the places of that name or
// code (see k_place_area_kind). Throws ConfigError when the project has no such boundary or place.
std::vector<geo::GeomPtr> read_named_boundary(ProjectStore& store, const std::string& area, const std::string& kind,
                                              const geo::GeosContext& geos);

// The boundary (or place, see read_named_boundary) the filter's area names (by name or code, of
// its kind when given), or null when it names none. Throws ConfigError when the project has
// no such boundary or place.
std::unique_ptr<geo::StudyArea> load_filter_area(ProjectStore& store, const PointFilter& filter, const geo::GeosContext& geos);

} // namespace safermap::io
