// SPDX-License-Identifier: MIT
#include "io/project/project_location.hpp"

#include "core/conninfo_value.hpp"
#include "core/credentials.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <cctype>
#include <filesystem>
#include <optional>
#include <vector>

namespace safermap::io {

namespace {

struct Keyword {
    std::string key;   // lower case
    std::string value; // unquoted
};

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }

std::string lower(std::string_view s) {
    std::string out(s);
    for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

// The keyword=value pairs of a libpq connection string, read as libpq reads them (spaces
// around '=', values bare or single-quoted, a backslash escaping the next character in
// either); nullopt when it is not of that form.
std::optional<std::vector<Keyword>> keywords(std::string_view text) {
    std::vector<Keyword> out;
    std::size_t i = 0;
    auto skip_spaces = [&] {
        while (i < text.size() && is_space(text[i])) ++i;
    };
    while (true) {
        skip_spaces();
        if (i >= text.size()) return out;
        const std::size_t key_start = i;
        while (i < text.size() && text[i] != '=' && !is_space(text[i])) ++i;
        Keyword k{lower(text.substr(key_start, i - key_start)), ""};
        skip_spaces();
        if (k.key.empty() || i >= text.size() || text[i] != '=') return std::nullopt;
        ++i;
        skip_spaces();
        ConninfoValue value = read_conninfo_value(text, i);
        if (!value.closed) return std::nullopt;
        k.value = std::move(value.text);
        i = value.end;
        out.push_back(std::move(k));
    }
}

// `project` (whose keyword=value `pairs` are given) with " schemas=SCHEMA" appended as a pair
// of its own: a lone backslash at the very end (which libpq drops) would escape the space, and a
// last pair with an empty bare value ("... user=") would take the appended pair as its value,
// libpq skipping blanks after '='. The first is dropped, the second written out as ''. (Both
// found by fuzzing.)
std::string append_schema(std::string project, const std::vector<Keyword>& pairs, const std::string& schema) {
    std::size_t slashes = 0;
    while (slashes < project.size() && project[project.size() - 1 - slashes] == '\\') ++slashes;
    if (slashes % 2 == 1) project.pop_back();
    std::string_view trimmed(project);
    while (!trimmed.empty() && is_space(trimmed.back())) trimmed.remove_suffix(1);
    if (!pairs.empty() && pairs.back().value.empty() && trimmed.ends_with('=')) project = std::string(trimmed) + "''";
    return project + " schemas=" + schema;
}

bool valid_schema_name(std::string_view s) {
    if (s.empty() || s.size() > 63) return false;
    if (!(std::islower(static_cast<unsigned char>(s[0])) || s[0] == '_')) return false;
    for (char c : s)
        if (!(std::islower(static_cast<unsigned char>(c)) || std::isdigit(static_cast<unsigned char>(c)) || c == '_')) return false;
    return true;
}

void check_schema_name(const std::string& schema, const std::string& shown) {
    if (!valid_schema_name(schema))
        throw ConfigError(fmt::format("{}: schema '{}' is not a plain lower-case SQL name (letters a-z, digits and _, "
                                      "not starting with a digit, at most 63 characters)",
                                      shown, schema));
}

} // namespace

std::string ProjectLocation::file_stem() const {
    if (is_postgres()) return fmt::format("{}.{}", database.empty() ? "pg" : database, schema);
    const std::filesystem::path p(connection);
    return (p.parent_path() / p.stem()).string();
}

bool is_postgres_project(std::string_view project) { return is_postgres_connection(project); }

std::string display_project(const std::string& project) { return mask_credentials(project); }

ProjectLocation parse_project_location(const std::string& project) {
    ProjectLocation loc;
    loc.display = display_project(project);
    loc.connection = project;
    if (!is_postgres_project(project)) return loc;
    loc.backend = ProjectBackend::postgres;
    const std::string_view body = std::string_view(project).substr(3);
    const auto pairs = keywords(body);
    if (!pairs)
        throw ConfigError(fmt::format("{}: not a connection string SaferMap can read: give keyword=value pairs, e.g. "
                                      "PG:service=notts or \"PG:host=db.example dbname=crime\" (a postgresql:// URI cannot "
                                      "name the schema)",
                                      loc.display));
    std::optional<std::string> schemas, active;
    for (const auto& k : *pairs) {
        // GDAL reads the first of a repeated keyword, --schema checks them all: two that
        // disagree are refused rather than one chosen.
        auto take = [&](std::optional<std::string>& into) {
            if (into && *into != k.value)
                throw ConfigError(fmt::format("{}: {}= is given twice ('{}' and '{}'); a project is one schema", loc.display, k.key,
                                              *into, k.value));
            into = k.value;
        };
        if (k.key == "schemas") take(schemas);
        else if (k.key == "active_schema") take(active);
        else if (k.key == "dbname" || (k.key == "service" && loc.database.empty())) loc.database = k.value;
    }
    if (schemas && schemas->find(',') != std::string::npos)
        throw ConfigError(fmt::format("{}: schemas= names several schemas; a project is one schema", loc.display));
    if (schemas && active && *schemas != *active)
        throw ConfigError(fmt::format("{}: schemas={} and active_schema={} disagree; a project is one schema", loc.display, *schemas,
                                      *active));
    loc.schema = schemas ? *schemas : active ? *active : std::string(k_default_schema);
    check_schema_name(loc.schema, loc.display);
    if (!schemas) loc.connection = append_schema(loc.connection, *pairs, loc.schema);
    return loc;
}

std::string libpq_connection_string(const ProjectLocation& location) {
    if (!location.is_postgres()) throw ConfigError(fmt::format("{} is not a PostgreSQL project", location.display));
    const auto pairs = keywords(std::string_view(location.connection).substr(3));
    if (!pairs) throw ConfigError(fmt::format("{}: not a connection string SaferMap can read", location.display));
    std::string out;
    for (const auto& k : *pairs) {
        if (k.key == "schemas" || k.key == "active_schema" || k.key == "tables") continue;
        std::string value;
        for (char c : k.value) {
            if (c == '\\' || c == '\'') value.push_back('\\');
            value.push_back(c);
        }
        out += fmt::format("{}{}='{}'", out.empty() ? "" : " ", k.key, value);
    }
    return out;
}

std::string with_schema(const std::string& project, const std::string& schema) {
    if (!is_postgres_project(project))
        throw ConfigError(fmt::format("--schema {}: {} is not a PostgreSQL project (PG:...); a GeoPackage has no schemas", schema,
                                      display_project(project)));
    check_schema_name(schema, "--schema");
    const std::string_view body = std::string_view(project).substr(3);
    const auto pairs = keywords(body);
    if (pairs) {
        for (const auto& k : *pairs) {
            if ((k.key == "schemas" || k.key == "active_schema") && k.value != schema)
                throw ConfigError(fmt::format("--schema {}: {} already names schema '{}'", schema, display_project(project), k.value));
            if (k.key == "schemas") return project;
        }
    }
    // A string that is not keyword=value is refused, with the reason, by parse_project_location.
    return pairs ? append_schema(project, *pairs, schema) : project + " schemas=" + schema;
}

} // namespace safermap::io
