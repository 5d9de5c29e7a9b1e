// SPDX-License-Identifier: MIT
#include "io/incidents/incident_export.hpp"

#include "core/error.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/police_uk_format.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_schema.hpp"
#include "core/output_file.hpp"
#include "io/results/result_gpkg.hpp"

#include <fmt/format.h>

#include <array>
#include <filesystem>
#include <memory>

namespace safermap::io {

namespace {

constexpr std::array<std::string_view, 8> k_extra_columns{"Source x", "Source y", "Source CRS",     "Occurred",
                                                          "Address",  "Postcode", "Weight", "Geocode status"};

// One incident's row: the police.uk fields with Longitude/Latitude in WGS84 degrees, then the
// extra fields when asked for.
class RowMaker {
public:
    RowMaker(const std::string& working_crs, bool extra) : m_extra(extra) {
        if (working_crs != "none" && !working_crs.empty()) m_to_wgs84 = std::make_unique<geo::Reprojector>(working_crs, "EPSG:4326");
    }

    // Fills `fields`; returns false when the incident has no position (blank lon/lat).
    bool make(const Incident& inc, std::vector<std::string>& fields) {
        const auto base = police_uk_fields(inc);
        fields.assign(base.begin(), base.end());
        bool placed = inc.xy.has_value();
        // police.uk's own text is kept byte for byte; everything else is reprojected, so that a
        // council's eastings never sit under "Longitude".
        const bool policeuk_text = inc.source_format == "police.uk" && inc.src_crs == "EPSG:4326" && !inc.src_x.empty();
        if (!policeuk_text) {
            fields[4].clear();
            fields[5].clear();
            if (placed && m_to_wgs84) {
                double lon = inc.xy->x, lat = inc.xy->y;
                if (m_to_wgs84->transform(lon, lat)) {
                    fields[4] = fmt::format("{:.6f}", lon);
                    fields[5] = fmt::format("{:.6f}", lat);
                } else {
                    placed = false;
                }
            } else {
                placed = false;
            }
        }
        if (m_extra) {
            fields.push_back(inc.src_x);
            fields.push_back(inc.src_y);
            fields.push_back(inc.src_crs);
            fields.push_back(inc.occurred);
            fields.push_back(inc.address);
            fields.push_back(inc.postcode);
            fields.push_back(inc.weight ? fmt::format("{}", *inc.weight) : "");
            fields.push_back(std::string(to_string(inc.status)));
        }
        return placed;
    }

private:
    bool m_extra;
    std::unique_ptr<geo::Reprojector> m_to_wgs84;
};

std::vector<std::string> header(bool extra) {
    std::vector<std::string> h(k_police_uk_columns.begin(), k_police_uk_columns.end());
    if (extra) h.insert(h.end(), k_extra_columns.begin(), k_extra_columns.end());
    return h;
}

// Calls `each` for every incident passing `filter`, in import order.
template <typename Fn> void for_each_incident(ProjectStore& store, const PointFilter& filter, Fn&& each) {
    geo::GeosContext geos;
    auto area = load_filter_area(store, filter, geos);
    const bool postgres = store.dialect() == SqlDialect::postgres;
    // The area's box by index on PostGIS; a GeoPackage's layer is read in full, in rowid order
    // (a filter through its R-tree would return rows in the index's order).
    const std::string where = filter_sql_where(store, filter, postgres ? area.get() : nullptr);
    Incident inc;
    auto take = [&](const OGRFeature& f) {
        read_incident(f, inc);
        if (area && (!inc.xy || !area->contains(inc.xy->x, inc.xy->y))) return;
        if (filter.study_area_only && inc.in_study_area && !*inc.in_study_area) return;
        each(inc);
    };
    if (postgres) {
        // A table's physical order is not its import order once rows are updated (geocoding).
        for_each_row(store.dataset(), store.path(),
                     fmt::format("SELECT * FROM {}{}{}", schema::k_incidents, where, order_by_insertion(store.dialect())), take);
        return;
    }
    OGRLayer& layer = store.layer(schema::k_incidents);
    layer.SetAttributeFilter(where.empty() ? nullptr : where.substr(7).c_str()); // drop " WHERE "
    layer.ResetReading();
    for (auto& f : layer) take(*f);
    layer.SetAttributeFilter(nullptr);
}

bool has_other_sources(ProjectStore& store) {
    return sql_integer(store.dataset(), store.path(),
                       fmt::format("SELECT COUNT(*) FROM {} WHERE source_format <> 'police.uk'", schema::k_incidents)) > 0;
}

void write_csv(ProjectStore& store, const PointFilter& filter, const std::string& out, ExportResult& r) {
    RowMaker rows(store.working_crs(), r.extra_columns);
    ReplacementFile file(out, "CSV");
    std::string line;
    std::vector<std::string> fields = header(r.extra_columns);
    auto emit = [&] {
        line.clear();
        for (std::size_t i = 0; i < fields.size(); ++i) {
            if (i) line.push_back(',');
            append_csv_field(line, fields[i]);
        }
        line.push_back('\n');
        std::fwrite(line.data(), 1, line.size(), file.stream());
    };
    line.clear();
    for (std::size_t i = 0; i < fields.size(); ++i) line += (i ? "," : "") + fields[i];
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), file.stream());
    for_each_incident(store, filter, [&](const Incident& inc) {
        if (!rows.make(inc, fields)) ++r.without_position;
        emit();
        ++r.incidents;
    });
    file.commit();
    r.written = {out};
}

void write_gpkg(ProjectStore& store, const PointFilter& filter, const std::string& out, const std::string& layer_name,
                ExportResult& r) {
    RowMaker rows(store.working_crs(), r.extra_columns);
    GpkgOutput gpkg(out);
    ResultMetadata meta = ResultMetadata::object();
    meta["method"] = "export";
    meta["input"] = store.path();
    OGRLayer& layer = create_result_layer(gpkg.dataset(), out, layer_name, store.working_crs(), wkbPoint, meta);
    const std::vector<std::string> names = header(r.extra_columns);
    for (const auto& n : names) {
        OGRFieldDefn fd(n.c_str(), OFTString);
        layer.CreateField(&fd);
    }
    std::vector<std::string> fields;
    OGRFeature f(layer.GetLayerDefn());
    for_each_incident(store, filter, [&](const Incident& inc) {
        if (!rows.make(inc, fields)) ++r.without_position;
        f.SetFID(OGRNullFID);
        for (std::size_t i = 0; i < fields.size(); ++i) f.SetField(static_cast<int>(i), fields[i].c_str());
        if (inc.xy) f.SetGeometryDirectly(new OGRPoint(inc.xy->x, inc.xy->y));
        else f.SetGeometryDirectly(nullptr);
        if (layer.CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write incident {} ({})", out, inc.crime_id, gdal_last_error()));
        ++r.incidents;
    });
    gpkg.commit();
    r.written = {out + " (layer " + layer_name + ")"};
}

} // namespace

ExportResult export_incidents(const std::string& project, const PointFilter& requested, const std::string& out, const std::string& layer) {
    if (!is_postgres_project(project) && std::filesystem::exists(out) && std::filesystem::exists(project) &&
        std::filesystem::equivalent(out, project))
        throw ConfigError(fmt::format("{} is the project itself; export to another file", out));
    ProjectStore store = ProjectStore::open(project, false);
    const PointFilter filter = resolve_project_filter(store, requested);
    ExportResult r;
    r.extra_columns = has_other_sources(store);
    const std::string ext = lower_extension(out);
    if (ext == ".csv") write_csv(store, filter, out, r);
    else if (ext == ".gpkg") write_gpkg(store, filter, out, layer, r);
    else throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv or .gpkg)", out, ext));
    return r;
}

} // namespace safermap::io
