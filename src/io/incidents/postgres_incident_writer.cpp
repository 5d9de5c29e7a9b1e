// SPDX-License-Identifier: MIT
#include "io/incidents/postgres_incident_writer.hpp"

#include "core/error.hpp"
#include "io/postgres/postgres_connection.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>

#include <limits>
#include <map>

namespace safermap::io {

namespace {

// Send the stream on in pieces of about this size: large enough that libpq's calls cost
// nothing per row, small enough to keep the server busy while the client encodes.
constexpr std::size_t k_send_bytes = 1 << 20;

constexpr std::string_view k_undated_part = "undated";

// What each filled column carries; the columns IncidentWriter fills through GDAL, so that both
// paths store the same row.
enum class Value { text, number, flag, count, point };
struct FieldSpec {
    std::string_view name;
    Value value;
};
constexpr FieldSpec k_fields[] = {
    {"key", Value::text},           {"crime_id", Value::text},       {"month", Value::text},
    {"occurred", Value::text},      {"category", Value::text},       {"reported_by", Value::text},
    {"falls_within", Value::text},  {"location", Value::text},        {"lsoa_code", Value::text},
    {"lsoa_name", Value::text},     {"outcome", Value::text},        {"context", Value::text},
    {"address", Value::text},       {"postcode", Value::text},       {"weight", Value::number},
    {"src_x", Value::text},         {"src_y", Value::text},          {"src_crs", Value::text},
    {"geocode_status", Value::text}, {"in_study_area", Value::flag}, {"own_lsoa_distance_m", Value::number},
    {"source_file", Value::text},   {"source_line", Value::count},   {"source_format", Value::text},
    {"attributes", Value::text},    {"geom", Value::point},
};
// encode() sends the fields by their place in this list.
static_assert(std::size(k_fields) == 26);

using Encoding = PostgresIncidentWriter::Encoding;

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
    case Value::text: return e == Encoding::text;
    case Value::number: return e == Encoding::float8;
    case Value::flag: return e == Encoding::boolean || e == Encoding::int2 || e == Encoding::int4 || e == Encoding::int8;
    case Value::count: return e == Encoding::int2 || e == Encoding::int4 || e == Encoding::int8;
    case Value::point: return e == Encoding::geometry;
    }
    return false;
}

} // namespace

PostgresIncidentWriter::PostgresIncidentWriter(PostgresConnection& conn, const ProjectLocation& location)
    : m_conn(conn), m_schema(location.schema), m_display(location.display) {
    const std::string table = fmt::format("{}.{}", m_schema, schema::k_incidents);
    std::map<std::string, std::string, std::less<>> types;
    // One row per column, "name type".
    for (const auto& row : m_conn.column("SELECT a.attname || ' ' || t.typname FROM pg_catalog.pg_attribute a "
                                         "JOIN pg_catalog.pg_type t ON t.oid = a.atttypid "
                                         "WHERE a.attrelid = to_regclass($1) AND a.attnum > 0 AND NOT a.attisdropped",
                                         {table})) {
        if (!row) continue;
        const auto space = row->find(' ');
        types[row->substr(0, space)] = row->substr(space + 1);
    }
    if (types.empty()) throw SchemaError(fmt::format("{}: the project has no incidents table", m_display));
    for (const auto& field : k_fields) {
        auto it = types.find(field.name);
        if (it == types.end()) throw SchemaError(fmt::format("{}: the incidents table has no column '{}'", m_display, field.name));
        const auto encoding = encoding_of_type(it->second);
        if (!encoding || !fits(field.value, *encoding))
            throw SchemaError(fmt::format("{}: the incidents table's column '{}' is of type {}, which SaferMap does not write", m_display,
                                          field.name, it->second));
        m_columns.push_back({std::string(field.name), *encoding});
    }
    const auto srid = m_conn.column("SELECT srid FROM public.geometry_columns WHERE f_table_schema = $1 AND f_table_name = $2 "
                                    "AND f_geometry_column = 'geom'",
                                    {m_schema, std::string(schema::k_incidents)});
    if (srid.size() != 1 || !srid[0]) throw SchemaError(fmt::format("{}: the incidents table's geometry has no SRID", m_display));
    m_srid = std::stoi(*srid[0]);
    m_backend_pid = std::stoll(m_conn.column("SELECT pg_backend_pid()").at(0).value());
}

std::string PostgresIncidentWriter::loaded_table(const std::string& part) const {
    const std::string base = part == k_undated_part ? std::string(partition_sql::k_undated) : partition_sql::year_table(part);
    return fmt::format("{}_load_{}", base, m_backend_pid);
}

void PostgresIncidentWriter::add_partition(const std::string& part) {
    if (m_staging.empty()) {
        // Named for this connection, so that two imports never wait on each other's tables.
        m_staging = fmt::format("{}_load_{}", schema::k_incidents, m_backend_pid);
        m_conn.execute(fmt::format("CREATE TABLE {} (LIKE {} INCLUDING DEFAULTS) PARTITION BY RANGE (month)", m_staging, schema::k_incidents));
    }
    if (part == k_undated_part) {
        m_conn.execute(fmt::format("CREATE TABLE {} PARTITION OF {} {}", loaded_table(part), m_staging, partition_sql::undated_bound()));
    } else {
        m_conn.execute(fmt::format("CREATE TABLE {} PARTITION OF {} (CONSTRAINT {} {}) {}", loaded_table(part), m_staging,
                                   partition_sql::k_aside_check, partition_sql::year_check(part), partition_sql::year_bound(part)));
    }
    m_parts.insert(part);
}

void PostgresIncidentWriter::start_stream() {
    std::string columns;
    for (const auto& c : m_columns) columns += (columns.empty() ? "" : ", ") + c.name;
    m_conn.begin_copy_in(fmt::format("COPY {} ({}) FROM STDIN (FORMAT binary)", m_staging, columns));
    m_stream.emplace();
}

void PostgresIncidentWriter::pause() {
    if (!m_stream) return;
    m_stream->trailer();
    m_conn.send(m_stream->pending());
    m_stream.reset();
    m_conn.end_copy_in();
}

void PostgresIncidentWriter::write(const Incident& inc) {
    std::string part(k_undated_part);
    if (!inc.month.empty()) {
        part = inc.month.substr(0, 4);
        if (!partition_sql::is_year(part))
            throw IoError(fmt::format("{}: line {}: month '{}' has no year to partition by", inc.source_file, inc.source_line, inc.month));
    }
    if (!m_parts.count(part)) {
        pause(); // a table cannot be made while a COPY runs on the connection
        add_partition(part);
    }
    if (!m_stream) start_stream();
    encode(inc);
    ++m_rows;
    if (m_stream->pending_size() >= k_send_bytes) {
        m_conn.send(m_stream->pending());
        m_stream->clear_pending();
    }
}

void PostgresIncidentWriter::encode(const Incident& inc) {
    BinaryCopyWriter& out = *m_stream;
    out.begin_tuple(static_cast<std::uint16_t>(m_columns.size()));
    const std::string_view status = to_string(inc.status);
    for (std::size_t i = 0; i < m_columns.size(); ++i) { // m_columns follows k_fields
        const Encoding e = m_columns[i].encoding;
        const std::string_view name = k_fields[i].name;
        auto text = [&](std::string_view s) {
            if (s.empty()) out.null();
            else out.text(s);
        };
        auto integer = [&](std::int64_t v) {
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
            throw IoError(fmt::format("{}: line {}: {} {} does not fit the incidents table's column", inc.source_file, inc.source_line, name, v));
        };
        auto number = [&](const std::optional<double>& v) {
            if (v) out.float8(*v);
            else out.null();
        };
        switch (i) {
        case 0: text(inc.key); break;
        case 1: text(inc.crime_id); break;
        case 2: out.text(inc.month); break; // '' for undated: the partition key is never NULL
        case 3: text(inc.occurred); break;
        case 4: text(inc.category); break;
        case 5: text(inc.reported_by); break;
        case 6: text(inc.falls_within); break;
        case 7: text(inc.location); break;
        case 8: text(inc.lsoa_code); break;
        case 9: text(inc.lsoa_name); break;
        case 10: text(inc.outcome); break;
        case 11: text(inc.context); break;
        case 12: text(inc.address); break;
        case 13: text(inc.postcode); break;
        case 14: number(inc.weight); break;
        case 15: text(inc.src_x); break;
        case 16: text(inc.src_y); break;
        case 17: text(inc.src_crs); break;
        case 18: out.text(status); break;
        case 19:
            if (inc.in_study_area) integer(*inc.in_study_area ? 1 : 0);
            else out.null();
            break;
        case 20: number(inc.own_lsoa_distance_m); break;
        case 21: text(inc.source_file); break;
        case 22: integer(inc.source_line); break;
        case 23: text(inc.source_format); break;
        case 24: text(inc.attributes_json); break;
        case 25:
            if (inc.xy) out.ewkb_point(inc.xy->x, inc.xy->y, m_srid);
            else out.null();
            break;
        }
    }
}

void PostgresIncidentWriter::finish() {
    pause();
    if (m_staging.empty()) return;
    m_conn.execute(partition_sql::raise_maintenance_work_mem());
    // Another import attaching years waits here until this one commits, and this one for it.
    m_conn.execute(partition_sql::lock_for_partitioning(m_schema));
    for (const auto& part : m_parts) {
        const std::string loaded = loaded_table(part);
        const bool has_partition =
            part == k_undated_part ||
            m_conn.column(partition_sql::table_exists_query("$1", "$2"), {m_schema, partition_sql::year_table(part)}).at(0) != "0";
        if (has_partition) {
            // A year the project holds (or another import attached since this one began): its
            // rows go in through incidents, in input order, meeting its unique indexes.
            m_conn.execute(fmt::format("INSERT INTO {} SELECT * FROM {} ORDER BY fid", schema::k_incidents, loaded));
            continue;
        }
        const std::string name = partition_sql::year_table(part);
        m_conn.execute(fmt::format("ALTER TABLE {} DETACH PARTITION {}", m_staging, loaded));
        m_conn.execute(fmt::format("ALTER TABLE {} RENAME TO {}", loaded, name));
        m_conn.execute(fmt::format("ALTER TABLE {} ATTACH PARTITION {} {}", schema::k_incidents, name, partition_sql::year_bound(part)));
        m_conn.execute(fmt::format("ALTER TABLE {} DROP CONSTRAINT {}", name, partition_sql::k_aside_check));
    }
    m_conn.execute("DROP TABLE " + m_staging);
    m_staging.clear();
    m_parts.clear();
}

} // namespace safermap::io
