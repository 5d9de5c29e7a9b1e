// SPDX-License-Identifier: MIT
#pragma once

#include "geo/geos_context.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/project_store.hpp"

#include <functional>
#include <string>

namespace safermap::io {

// One stored boundary: its code, name, other source fields (a JSON object, "" when none) and
// geometry in the working CRS.
struct StoredBoundary {
    std::string code;
    std::string name;
    std::string attributes_json;
    geo::GeomPtr geometry;
};

// Hands each stored boundary that matches `where` (an OGR attribute filter on the boundaries
// layer, e.g. "kind = 'ward'") to `sink`.
void read_boundaries(ProjectStore& store, const std::string& where, const geo::GeosContext& geos,
                     const std::function<void(StoredBoundary&&)>& sink);

} // namespace safermap::io
