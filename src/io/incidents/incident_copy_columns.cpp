// SPDX-License-Identifier: MIT
#include "io/incidents/incident_copy_columns.hpp"

#include "core/error.hpp"
#include "io/postgres/postgres_connection.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <limits>
#include <map>
#include <optional>

namespace safermap::io {

namespace {

using Encoding = IncidentCopyColumns::Encoding;

// What a column carries, and where in the Incident it comes from.
enum class Value { text, month, status, number, flag, count, point };
struct FieldSpec {
    std::string_view name;
    Value value;
    std::string Incident::*text = nullptr;            // Value::text
    std::optional<double> Incident::*number = nullptr; // Value::number
};
// The columns IncidentWriter fills through GDAL; the rest (the geocoder's) stay NULL.
const FieldSpec k_fields[] = {
    {"key", Value::text, &Incident::key},
    {"crime_id", Value::text, &Incident::crime_id},
    {"month", Value::month},
    {"occurred", Value::text, &Incident::occurred},
    {"category", Value::text, &Incident::category},
    {"reported_by", Value::text, &Incident::reported_by},
    {"falls_within", Value::text, &Incident::falls_within},
    {"location", Value::text, &Incident::location},
    {"lsoa_code", Value::text, &Incident::lsoa_code},
    {"lsoa_name", Value::text, &Incident::lsoa_name},
    {"outcome", Value::text, &Incident::outcome},
    {"context", Value::text, &Incident::context},
    {"address", Value::text, &Incident::address},
    {"postcode", Value::text, &Incident::postcode},
    {"weight", Value::number, nullptr, &Incident::weight},
    {"src_x", Value::text, &Incident::src_x},
    {"src_y", Value::text, &Incident::src_y},
    {"src_crs", Value::text, &Incident::src_crs},
    {"geocode_status", Value::status},
    {"in_study_area", Value::flag},
    {"own_lsoa_distance_m", Value::number, nullptr, &Incident::own_lsoa_distance_m},
    {"source_file", Value::text, &Incident::source_file},
    {"source_line", Value::count},
    {"source_format", Value::text, &Incident::source_format},
    {"attributes", Value::text, &Incident::attributes_json},
    {"geom", Value::point},
};

// PostgreSQL's limit on one field's size.
constexpr std::size_t k_max_field_bytes = (std::size_t{1} << 30) - 1;

std::optional<Encoding> encoding_of_type(std::string_view type) {
    static const std::map<std::string_view, Encoding> types = {
        {"varchar", Encoding::text}, {"text", Encoding::text},   {"bpchar", Encoding::text},   {"int2", Encoding::int2},
        {"int4", Encoding::int4},    {"int8", Encoding::int8},   {"float8", Encoding::float8}, {"bool", Encoding::boolean},
        {"geometry", Encoding::geometry}};
    auto it = types.find(type);
    if (it == types.end()) return std::nullopt;
    return it->second;
}

bool fits(Value value, Encoding e) {
    switch (value) {
    case Value::text:
    case Value::month:
    case Value::status: return e == Encoding::text;
    case Value::number: return e == Encoding::float8;
    case Value::flag: return e == Encoding::boolean || e == Encoding::int2 || e == Encoding::int4 || e == Encoding::int8;
    case Value::count: return e == Encoding::int2 || e == Encoding::int4 || e == Encoding::int8;
    case Value::point: return e == Encoding::geometry;
    }
    return false;
}

// Text as GDAL stores it from a C string: up to a NUL byte (PostgreSQL text holds none).
std::string_view as_c_string(std::string_view s) { return s.substr(0, s.find('\0')); }

} // namespace

IncidentCopyColumns::IncidentCopyColumns(PostgresConnection& conn, const std::string& schema, const std::string& what) {
    const std::string table = fmt::format("{}.{}", schema, schema::k_incidents);
    std::map<std::string, std::string, std::less<>> types;
    // One row per column, "name type".
    for (const auto& row : conn.column("SELECT a.attname || ' ' || t.typname FROM pg_catalog.pg_attribute a "
                                       "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                                       "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
                                       {table})) {
        if (!row) continue;
        const auto space = row->find(' ');
        types[row->substr(0, space)] = row->substr(space + 1);
    }
    if (types.empty()) throw SchemaError(fmt::format("{}: the project has no incidents table", what));
    for (const auto& field : k_fields) {
        auto it = types.find(field.name);
        if (it == types.end()) throw SchemaError(fmt::format("{}: the incidents table has no column '{}'", what, field.name));
        const auto encoding = encoding_of_type(it->second);
        if (!encoding || !fits(field.value, *encoding))
            throw SchemaError(fmt::format("{}: the incidents table's column '{}' is of type {}, which SaferMap does not write", what,
                                          field.name, it->second));
        m_encodings.push_back(*encoding);
    }
    // geometry_columns wherever PostGIS is installed (the connection's search path ends in public).
    const auto srid = conn.column("SELECT srid FROM geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 "
                                  "AND f_geometry_column = 'geom'",
                                  {schema, std::string(schema::k_incidents)});
    if (srid.size() != 1 || !srid[0] || *srid[0] == "0")
        throw SchemaError(fmt::format("{}: the incidents table's geometry column has no SRID", what));
    m_srid = std::stoi(*srid[0]);
}

std::string IncidentCopyColumns::column_list() const {
    std::string columns;
    for (const auto& field : k_fields) columns += fmt::format("{}{}", columns.empty() ? "" : ", ", field.name);
    return columns;
}

void IncidentCopyColumns::encode(const Incident& inc, BinaryCopyWriter& out) const {
    auto fail = [&](std::string_view field, const std::string& why) -> void {
        throw IoError(fmt::format("{}: line {}: {} {}", inc.source_file, inc.source_line, field, why));
    };
    auto text = [&](std::string_view field, std::string_view s) {
        if (s.size() > k_max_field_bytes) fail(field, fmt::format("has {} bytes, over PostgreSQL's 1 GB a field", s.size()));
        out.text(as_c_string(s));
    };
    auto integer = [&](std::string_view field, Encoding e, std::int64_t v) {
        switch (e) {
        case Encoding::boolean: out.boolean(v != 0); return;
        case Encoding::int2:
            if (v < std::numeric_limits<std::int16_t>::min() || v > std::numeric_limits<std::int16_t>::max()) break;
            out.int2(static_cast<std::int16_t>(v));
            return;
        case Encoding::int4:
            if (v < std::numeric_limits<std::int32_t>::min() || v > std::numeric_limits<std::int32_t>::max()) break;
            out.int4(static_cast<std::int32_t>(v));
            return;
        default: out.int8(v); return;
        }
        fail(field, fmt::format("{} does not fit the incidents table's column", v));
    };
    out.begin_tuple(static_cast<std::int16_t>(std::size(k_fields)));
    for (std::size_t i = 0; i < std::size(k_fields); ++i) {
        const FieldSpec& field = k_fields[i];
        switch (field.value) {
        case Value::text:
            if ((inc.*field.text).empty()) out.null();
            else text(field.name, inc.*field.text);
            break;
        case Value::month: text(field.name, inc.month); break; // '' when undated: a partition key is never NULL
        case Value::status: out.text(to_string(inc.status)); break;
        case Value::number:
            if (const auto& v = inc.*field.number) out.float8(*v);
            else out.null();
            break;
        case Value::flag:
            if (inc.in_study_area) integer(field.name, m_encodings[i], *inc.in_study_area ? 1 : 0);
            else out.null();
            break;
        case Value::count: integer(field.name, m_encodings[i], inc.source_line); break;
        case Value::point:
            if (inc.xy) out.ewkb_point(inc.xy->x, inc.xy->y, m_srid);
            else out.null();
            break;
        }
    }
}

} // namespace safermap::io
