// SPDX-License-Identifier: MIT
#pragma once
// The project argument, declared once for every command that takes one: a GeoPackage file or
// a PostgreSQL + PostGIS database (a GDAL connection string, "PG:service=notts"), with
// --schema NAME naming the database schema that holds the project (default: safermap; see
// io/project/project_location.hpp).

#include <CLI/CLI.hpp>

#include <string>

namespace safermap::cli {

// Declares the positional `project` (into `project`) and --schema. Once the command line is
// parsed, a --schema is folded into `project` as GDAL spells it (" schemas=NAME"); a --schema
// with a GeoPackage, or one that differs from a schema the string names, is a parse error
// (exit 1) that says so. `help` describes the argument, e.g. "Project to analyse".
CLI::Option* add_project_argument(CLI::App& app, std::string& project, const std::string& help);

} // namespace safermap::cli
