// SPDX-License-Identifier: MIT
#pragma once
// Reading back the project's places (NaPTAN localities: see io/features/naptan_places.hpp), for
// map labels, --area filters and the project summary.

#include "io/features/naptan_places.hpp"
#include "io/project/project_store.hpp"

#include <string>
#include <vector>

namespace safermap::io {

// True when the project has a places layer (projects made before places existed have none).
bool has_places(ProjectStore& store);

// Every stored place with all its fields (centre, extent, stops and radius in the working CRS),
// ordered by rank (towns first), then name, then code. Empty when the project has no places
// layer or an empty one. Throws IoError naming the project when the layer cannot be read.
std::vector<Place> read_places(ProjectStore& store);

// The same from a project file, opened read-only. Throws IoError/SchemaError as
// ProjectStore::open does.
std::vector<Place> read_places(const std::string& project);

} // namespace safermap::io
