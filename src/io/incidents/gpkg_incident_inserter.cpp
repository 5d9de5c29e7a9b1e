// SPDX-License-Identifier: MIT
#include "io/incidents/gpkg_incident_inserter.hpp"

#include "core/error.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>

#include <array>
#include <bit>
#include <cstring>
#include <stdexcept>

namespace safermap::io {

namespace {

// The columns in the order they are bound; those not listed (the geocoder's) stay NULL, as
// they do when GDAL writes the row.
constexpr std::array<const char*, 27> k_columns = {
    "geom",      "key",       "crime_id",   "month",   "occurred", "category",       "reported_by",   "falls_within", "location",
    "lsoa_code", "lsoa_name", "outcome",    "context", "address",  "postcode",       "weight",        "src_x",        "src_y",
    "src_crs",   "geocode_status", "in_study_area", "own_lsoa_distance_m", "source_file", "source_line", "source_format", "attributes",
    nullptr};

std::string insert_sql() {
    std::string names, places;
    for (int i = 0; k_columns[i]; ++i) {
        names += fmt::format("{}\"{}\"", i ? ", " : "", k_columns[i]);
        places += fmt::format("{}?{}", i ? ", " : "", i + 1);
    }
    return fmt::format("INSERT INTO \"{}\" ({}) VALUES ({})", schema::k_incidents, names, places);
}

const std::string k_count_trigger_name = fmt::format("trigger_insert_feature_count_{}", schema::k_incidents);

void put_le(std::string& out, std::size_t at, auto value) {
    static_assert(std::endian::native == std::endian::little, "GeoPackage blobs are written little-endian");
    std::memcpy(out.data() + at, &value, sizeof value);
}

} // namespace

std::unique_ptr<GpkgIncidentInserter> GpkgIncidentInserter::start(ProjectStore& store) {
    if (!sqlite_connection(store)) return nullptr;
    // Through GDAL first: its queries create any table it has deferred.
    const std::int64_t srs_id = sql_integer(
        store.dataset(), store.path(),
        fmt::format("SELECT srs_id FROM gpkg_geometry_columns WHERE table_name = {}", sql_quote(std::string(schema::k_incidents))));
    std::string trigger;
    for_each_row(store.dataset(), store.path(),
                 fmt::format("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = {}", sql_quote(k_count_trigger_name)),
                 [&](OGRFeature& f) { trigger = f.GetFieldAsString(0); });
    // One UPDATE of gpkg_ogr_contents per row otherwise; the count is added once in finish().
    if (!trigger.empty()) run_sql(store.dataset(), store.path(), fmt::format("DROP TRIGGER \"{}\"", k_count_trigger_name));
    return std::make_unique<GpkgIncidentInserter>(store, static_cast<int>(srs_id), std::move(trigger));
}

GpkgIncidentInserter::GpkgIncidentInserter(ProjectStore& store, int srs_id, std::string count_trigger)
    : m_store(store), m_count_trigger(std::move(count_trigger)),
      m_insert(std::in_place, sqlite_connection(store), store.path(), "store incidents", insert_sql()) {
    // GeoPackage binary header (GeoPackage 1.3, 2.1.3): "GP", version 0, flags 0x01 (little
    // endian, no envelope), the srs_id; then the point as little-endian WKB.
    m_blob.assign(8 + 21, '\0');
    m_blob[0] = 'G';
    m_blob[1] = 'P';
    m_blob[3] = 0x01;
    put_le(m_blob, 4, static_cast<std::int32_t>(srs_id));
    m_blob[8] = 0x01;
    put_le(m_blob, 9, std::uint32_t{1}); // wkbPoint
}

std::int64_t GpkgIncidentInserter::insert(const Incident& inc) {
    if (!m_insert) throw std::logic_error("GpkgIncidentInserter: insert after finish()");
    SqliteStatement& s = *m_insert;
    int i = 0;
    auto text = [&](const std::string& value) {
        ++i;
        // GDAL takes C strings, so a NUL byte ends the text there; an empty field is NULL.
        if (value.empty()) s.bind_null(i);
        else s.bind_text(i, std::string_view(value).substr(0, value.find('\0')));
    };
    auto real = [&](const std::optional<double>& value) {
        ++i;
        if (value) s.bind_double(i, *value);
        else s.bind_null(i);
    };
    ++i;
    if (inc.xy) {
        put_le(m_blob, 13, inc.xy->x);
        put_le(m_blob, 21, inc.xy->y);
        s.bind_blob(i, m_blob);
    } else {
        s.bind_null(i);
    }
    text(inc.key);
    text(inc.crime_id);
    text(inc.month);
    text(inc.occurred);
    text(inc.category);
    text(inc.reported_by);
    text(inc.falls_within);
    text(inc.location);
    text(inc.lsoa_code);
    text(inc.lsoa_name);
    text(inc.outcome);
    text(inc.context);
    text(inc.address);
    text(inc.postcode);
    real(inc.weight);
    text(inc.src_x);
    text(inc.src_y);
    text(inc.src_crs);
    s.bind_text(++i, to_string(inc.status));
    ++i;
    if (inc.in_study_area) s.bind_int64(i, *inc.in_study_area ? 1 : 0);
    else s.bind_null(i);
    real(inc.own_lsoa_distance_m);
    text(inc.source_file);
    s.bind_int64(++i, inc.source_line);
    text(inc.source_format);
    text(inc.attributes_json);
    if (!s.step())
        throw IoError(fmt::format("{}: line {}: cannot store incident in {} ({})", inc.source_file, inc.source_line, m_store.path(), s.error()));
    ++m_inserted;
    if (inc.xy) {
        if (!m_extent) m_extent = geo::Bounds{inc.xy->x, inc.xy->y, inc.xy->x, inc.xy->y};
        m_extent->extend(inc.xy->x, inc.xy->y);
    }
    return s.last_insert_rowid();
}

void GpkgIncidentInserter::finish() {
    m_insert.reset();
    const std::string table = sql_quote(std::string(schema::k_incidents));
    if (!m_count_trigger.empty()) {
        // GDAL's own bulk inserts end the same way: the count added, then the trigger back. A
        // count GDAL left unknown (NULL, as it leaves a new layer's) is counted now, as GDAL
        // counts it when asked.
        if (m_inserted > 0)
            run_sql(m_store.dataset(), m_store.path(),
                    fmt::format("UPDATE gpkg_ogr_contents SET feature_count = CASE WHEN feature_count IS NULL THEN "
                                "(SELECT COUNT(*) FROM \"{}\") ELSE feature_count + {} END WHERE lower(table_name) = lower({})",
                                schema::k_incidents, m_inserted, table));
        run_sql(m_store.dataset(), m_store.path(), m_count_trigger);
        m_count_trigger.clear();
    }
    if (m_inserted == 0) return;
    // The extent grows to take the new points in (an unknown extent becomes theirs, as GDAL's
    // does); doubles bound, not printed, so that nothing is rounded.
    SqliteStatement contents(sqlite_connection(m_store), m_store.path(), "record the incidents' extent",
                             fmt::format("UPDATE gpkg_contents SET "
                                         "min_x = CASE WHEN ?1 IS NULL THEN min_x WHEN min_x IS NULL THEN ?1 ELSE MIN(min_x, ?1) END, "
                                         "min_y = CASE WHEN ?2 IS NULL THEN min_y WHEN min_y IS NULL THEN ?2 ELSE MIN(min_y, ?2) END, "
                                         "max_x = CASE WHEN ?3 IS NULL THEN max_x WHEN max_x IS NULL THEN ?3 ELSE MAX(max_x, ?3) END, "
                                         "max_y = CASE WHEN ?4 IS NULL THEN max_y WHEN max_y IS NULL THEN ?4 ELSE MAX(max_y, ?4) END, "
                                         "last_change = COALESCE(?5, strftime('%Y-%m-%dT%H:%M:%fZ', 'now')) "
                                         "WHERE lower(table_name) = lower({})",
                                         table));
    // GDAL stamps the time it is told to, if any (reproducible files), as CreateFeature would.
    const char* pinned = CPLGetConfigOption("OGR_CURRENT_DATE", nullptr);
    if (pinned) contents.bind_text(5, pinned);
    if (m_extent) {
        contents.bind_double(1, m_extent->min_x);
        contents.bind_double(2, m_extent->min_y);
        contents.bind_double(3, m_extent->max_x);
        contents.bind_double(4, m_extent->max_y);
    }
    contents.run();
    m_inserted = 0;
    m_extent.reset();
}

} // namespace safermap::io
