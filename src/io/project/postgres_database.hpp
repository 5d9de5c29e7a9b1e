// SPDX-License-Identifier: MIT
#pragma once
// Connecting to the PostgreSQL + PostGIS database that holds a project, and the catalogue
// questions ProjectStore asks of it before it knows there is a project (issue #14).

#include "io/project/project_location.hpp"

#include <gdal_priv.h>

#include <string>

namespace safermap::io {

// Opens `location` (a postgres one) through GDAL's PostgreSQL driver, every table of its
// schema listed as a layer (attribute tables included). Throws IoError naming the database
// (password masked) with the reason when it cannot be reached.
GDALDatasetUniquePtr open_postgres(const ProjectLocation& location, bool writable);

// Whether the database has the PostGIS extension.
bool has_postgis(GDALDataset& ds, const ProjectLocation& location);

// Whether `schema` exists, and whether it has a table `table`.
bool has_schema(GDALDataset& ds, const ProjectLocation& location);
bool has_table(GDALDataset& ds, const ProjectLocation& location, const std::string& table);

// Creates the location's schema unless it exists. Throws IoError naming the database and the
// schema with the server's reason (e.g. no CREATE privilege on the database).
void create_schema(GDALDataset& ds, const ProjectLocation& location);

} // namespace safermap::io
