// SPDX-License-Identifier: MIT
#include "app/cli/project_argument.hpp"

#include "core/error.hpp"
#include "io/project/project_location.hpp"

#include <memory>

namespace safermap::cli {

CLI::Option* add_project_argument(CLI::App& app, std::string& project, const std::string& help) {
    auto schema = std::make_shared<std::string>();
    CLI::Option* option = app.add_option("project", project, help + " (.gpkg, or PG:... for a PostGIS database)");
    app.add_option("--schema", *schema, "With a PG:... project: the database schema that holds it (default safermap)");
    app.parse_complete_callback([&project, schema] {
        if (schema->empty()) return;
        try {
            project = io::with_schema(project, *schema);
        } catch (const ConfigError& e) {
            throw CLI::ValidationError("--schema", e.what());
        }
    });
    return option;
}

} // namespace safermap::cli
