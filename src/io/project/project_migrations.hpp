// SPDX-License-Identifier: MIT
#pragma once
// The versions of a project's schema (settings.schema_version) and the steps between them.
// Each step is a function in one table, applied in order: creating a project applies them all
// from an empty data source; opening one for writing applies those after its version. A
// project written by a newer SaferMap is refused, never guessed at.

#include <ogr_spatialref.h>

#include <span>
#include <string_view>

namespace safermap::io {

class ProjectStore;

// The schema version this SaferMap writes and reads.
inline constexpr int k_schema_version = 3;

struct Migration {
    int version;           // the schema_version it makes
    std::string_view what; // what it changes
    // Makes the change on `store` (inside the caller's transaction where there is one);
    // `srs` is the working CRS, for layers it creates. Throws IoError naming the project.
    void (*apply)(ProjectStore& store, const OGRSpatialReference& srs);
};

// Every migration, oldest first; the last one's version is k_schema_version.
std::span<const Migration> migrations();

// The project's schema version. Throws SchemaError naming the project when settings has no
// schema_version, it is not a whole number, or it is newer than k_schema_version.
int checked_schema_version(ProjectStore& store);

// Applies every migration after version `from` (0: an empty data source) and records the
// new schema_version. Throws what the migrations throw.
void upgrade_schema(ProjectStore& store, int from, const OGRSpatialReference& srs);

} // namespace safermap::io
