// SPDX-License-Identifier: MIT
#pragma once
// Where a project lives (issue #14): a GeoPackage file, or a schema of a PostgreSQL + PostGIS
// database named by a GDAL connection string ("PG:service=notts", "PG:host=... dbname=...").
//
// The schema travels inside the connection string, in GDAL's own syntax (`schemas=NAME`), so
// that everything that takes a project path (requests, jobs, the viewer) takes a database
// project unchanged. `--schema NAME` on the command line appends it (with_schema()); a string
// that names none means the schema k_default_schema. Passwords belong in a service file,
// ~/.pgpass or PGPASSWORD; one given in the string is masked wherever the project is shown.

#include <string>
#include <string_view>

namespace safermap::io {

enum class ProjectBackend { geopackage, postgres };

inline constexpr std::string_view k_default_schema = "safermap";

struct ProjectLocation {
    ProjectBackend backend = ProjectBackend::geopackage;
    std::string connection; // what GDAL opens: the file's path, or the PG: string naming `schema`
    std::string schema;     // postgres: the schema that holds the project's tables
    std::string database;   // postgres: the dbname= or service= given ("" when neither is)
    std::string display;    // for messages and outputs: the argument with any password masked

    bool is_postgres() const { return backend == ProjectBackend::postgres; }
    // A stem for files made beside the project (the default rejects file): the file's path
    // without its extension; for PostgreSQL "<database>.<schema>" (or "pg.<schema>") in the
    // current folder.
    std::string file_stem() const;
};

// True when `project` is a PostgreSQL connection string: it starts with "PG:" (any case), as
// GDAL's PostgreSQL driver recognises.
bool is_postgres_project(std::string_view project);

// Parses a project argument; anything but a PG: string is a GeoPackage path, taken as given.
// Throws ConfigError, naming the argument with its password masked, when a PG: string is not
// in the keyword=value form (a postgresql:// URI cannot carry the schema: use host=, dbname=,
// service=), has an unclosed quote, names more than one schema, names different schemas in
// schemas= and active_schema=, or names a schema that is not a lower-case SQL identifier
// ([a-z_][a-z0-9_]*, at most 63 characters).
ProjectLocation parse_project_location(const std::string& project);

// `project` naming `schema` (the command line's --schema): " schemas=SCHEMA" appended to a PG:
// string, which comes back unchanged when it already names that schema. Throws ConfigError
// when `project` is not a PG: string, names another schema, or `schema` is not a valid name.
std::string with_schema(const std::string& project, const std::string& schema);

// What libpq's PQconnectdb takes for a PostgreSQL project: its PG: string without "PG:" and
// without the keywords only GDAL reads (schemas=, active_schema=, tables=). Credentials come
// as for GDAL: from the string, a service file, ~/.pgpass or the environment.
std::string libpq_connection_string(const ProjectLocation& location);

// The project as messages and outputs show it: the argument with any password masked.
std::string display_project(const std::string& project);

} // namespace safermap::io
