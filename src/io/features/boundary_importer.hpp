// SPDX-License-Identifier: MIT
#pragma once

#include "core/area_kind.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "geo/geos_context.hpp"
#include "io/project/project_store.hpp"

#include <string>
#include <vector>

namespace safermap::io {

struct BoundarySpec {
    std::string path;
    std::string layer;        // empty: the only layer
    AreaKind kind = AreaKind::custom;
    std::string name_field;   // empty: detect (ONS pairs, then name/code)
    std::string code_field;
    std::string crs_override; // for layers without a CRS
    std::string vintage;      // empty: from the ONS field names
};

// One polygon that was invalid and was repaired.
struct BoundaryRepair {
    long long source_fid = 0;
    std::string code;
    std::string name;
    std::string reason;
    double area_before_m2 = 0;
    double area_after_m2 = 0;
};

struct BoundaryImportResult {
    BoundarySpec spec;
    std::string name_field, code_field, vintage, source_crs;
    RunReport report;        // rows_read = features; kept = stored
    long long replaced = 0;  // features that replaced an existing kind+code
    std::vector<BoundaryRepair> repairs;
};

// Imports the polygons of one layer into the project's `boundaries` layer, reprojected to the
// working CRS. Invalid polygons are repaired with GEOS MakeValid and listed in `repairs`; a
// feature with no usable polygon (null, not polygonal, collapsed) goes to `rejects`. A feature
// whose kind and code are already in the project replaces the stored one.
// Throws IoError/SchemaError/CrsError when the layer cannot be used at all.
BoundaryImportResult import_boundaries(ProjectStore& store, const BoundarySpec& spec, Rejects& rejects,
                                       const geo::GeosContext& geos);

} // namespace safermap::io
