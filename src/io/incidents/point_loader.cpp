// SPDX-License-Identifier: MIT
#include "io/incidents/point_loader.hpp"

#include "core/error.hpp"
#include "core/key_registry.hpp"
#include "core/name_match.hpp"
#include "core/memory_tuning.hpp"
#include "geo/geos_context.hpp"
#include "geo/study_area.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/incidents/point_collector.hpp"
#include "io/postgres/postgres_connection.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/csv/rejects_writer.hpp"

#include <fmt/format.h>

#include <memory>
#include <optional>

namespace safermap::io {

PointSet load_project_points(const std::string& project, const PointFilter& requested) {
    ProjectStore store = ProjectStore::open(project, false);
    const PointFilter filter = resolve_project_filter(store, requested);
    PointSet out;
    out.crs = store.working_crs();
    geo::GeosContext geos;
    auto area = load_filter_area(store, filter, geos);
    PointCollector collector(out, filter);
    collector.set_area(area.get());
    // Only the columns analysis needs, by SQL: an incident feature has some thirty fields, and
    // reading them all cost more than everything else in loading a project's points. The
    // database does the cheap filtering; the collector re-checks and counts the rest.
    const std::string where = filter_sql_where(store, filter, area.get()) + order_by_insertion(store.dialect());
    std::string month_value, occurred_value, category_value;
    auto text = [](const std::optional<std::string_view>& field, std::string& value) { value.assign(field ? *field : std::string_view()); };
    if (store.dialect() == SqlDialect::postgres) {
        // PostGIS: binary COPY on a connection of its own (a million points 2.6 s -> 1.3 s).
        // The casts pin each field's binary form.
        PostgresConnection connection(store.location());
        const std::string& what = store.path();
        connection.copy_out(fmt::format("SELECT ST_X(geom)::float8, ST_Y(geom)::float8, month::text, occurred::text, category::text, "
                                        "weight::float8, in_study_area::int4 FROM {}{}",
                                        schema::k_incidents, where),
                            7, [&](const CopyFields& f) {
                                ++out.report.rows_read;
                                std::optional<XY> xy;
                                if (f[0] && f[1]) xy = XY{copy_float8(*f[0], what), copy_float8(*f[1], what)};
                                std::optional<double> w;
                                if (f[5]) w = copy_float8(*f[5], what);
                                std::optional<bool> in;
                                if (f[6]) in = copy_int4(*f[6], what) != 0;
                                text(f[2], month_value);
                                text(f[3], occurred_value);
                                text(f[4], category_value);
                                collector.add(xy, month_value, occurred_value, category_value, w, in);
                            });
        out.report.kept = static_cast<std::int64_t>(out.size());
        return out;
    }
    const std::string sql = fmt::format("SELECT geom, month, occurred, category, weight, in_study_area FROM {}{}", schema::k_incidents, where);
    GDALDataset& dataset = store.dataset();
    auto release = [&dataset](OGRLayer* l) { dataset.ReleaseResultSet(l); };
    std::unique_ptr<OGRLayer, decltype(release)> result(dataset.ExecuteSQL(sql.c_str(), nullptr, nullptr), release);
    if (!result) throw IoError(fmt::format("{}: cannot read incidents ({})", store.path(), gdal_last_error()));
    const OGRFeatureDefn& d = *result->GetLayerDefn();
    const int month = d.GetFieldIndex("month"), occurred = d.GetFieldIndex("occurred"), category = d.GetFieldIndex("category"),
              weight = d.GetFieldIndex("weight"), inside = d.GetFieldIndex("in_study_area");
    for (auto& f : *result) {
        ++out.report.rows_read;
        const OGRGeometry* g = f->GetGeometryRef();
        std::optional<XY> xy;
        if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint) xy = XY{g->toPoint()->getX(), g->toPoint()->getY()};
        std::optional<double> w;
        if (f->IsFieldSetAndNotNull(weight)) w = f->GetFieldAsDouble(weight);
        std::optional<bool> in;
        if (f->IsFieldSetAndNotNull(inside)) in = f->GetFieldAsInteger(inside) != 0;
        month_value.assign(f->IsFieldSetAndNotNull(month) ? f->GetFieldAsString(month) : "");
        occurred_value.assign(f->IsFieldSetAndNotNull(occurred) ? f->GetFieldAsString(occurred) : "");
        category_value.assign(f->IsFieldSetAndNotNull(category) ? f->GetFieldAsString(category) : "");
        collector.add(xy, month_value, occurred_value, category_value, w, in);
    }
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

PointSet load_file_points(const std::vector<std::string>& files, const IncidentColumns& columns,
                          const std::string& working_crs, const PointFilter& filter, const std::string& rejects_path) {
    if (!filter.area.empty()) throw ConfigError("--area needs a project that holds the boundaries");
    PointSet out;
    out.crs = working_crs;
    std::unique_ptr<RejectsWriter> writer;
    if (!rejects_path.empty()) writer = std::make_unique<RejectsWriter>(rejects_path);
    Rejects rejects([&](const RejectedRow& row) {
        if (writer) writer->write(row);
    });
    PointCollector collector(out, filter);
    if (!filter.from_month.empty() && !filter.to_month.empty() &&
        month_index(filter.from_month, "--from") > month_index(filter.to_month, "--to"))
        throw ConfigError(fmt::format("--from {} is after --to {}", filter.from_month, filter.to_month));
    KeyRegistry keys;
    const std::size_t expected = estimate_rows(files);
    keys.reserve(expected);
    for (auto* column : {&out.x, &out.y, &out.weight}) {
        column->reserve(expected);
        advise_huge_pages(column->data(), column->capacity() * sizeof(double));
    }
    for (auto* column : {&out.month, &out.day}) {
        column->reserve(expected);
        advise_huge_pages(column->data(), column->capacity() * sizeof(std::int32_t));
    }
    out.category.reserve(expected);
    advise_huge_pages(out.category.data(), out.category.capacity() * sizeof(std::uint16_t));
    IncidentImporter importer(collector, keys, rejects, working_crs);
    // One file: only a repeated id makes a row a duplicate (rows without one are told apart by
    // their occurrence number), so its rows need their point and, for police.uk, a Crime ID's
    // hash; nothing else of them is built.
    if (files.size() == 1) importer.set_point_sink(&collector);
    RunReport total;
    for (const auto& f : files) total.add(importer.import_file(f, columns));
    if (writer) writer->close();
    const std::vector<std::string> seen(collector.seen_categories().begin(), collector.seen_categories().end());
    for (const auto& c : filter.categories)
        if (!find_name(c, seen)) throw ConfigError(no_such_name_message("crime type", c, "the input", seen));
    // Rows the importer accepted but the filter dropped are notes in `out.report`.
    out.report.rows_read = total.rows_read;
    out.report.rejected_by_reason = total.rejected_by_reason;
    for (const auto& [k, v] : total.notes_by_reason) out.report.notes_by_reason[k] += v;
    out.report.kept = static_cast<std::int64_t>(out.size());
    return out;
}

} // namespace safermap::io
