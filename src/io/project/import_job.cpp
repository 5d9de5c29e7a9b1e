// SPDX-License-Identifier: MIT
#include "io/project/import_job.hpp"

#include "core/error.hpp"
#include "core/key_registry.hpp"
#include "geo/area_index.hpp"
#include "geo/study_area.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/features/cctv_importer.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/project/import_log.hpp"
#include "io/project/incident_destination.hpp"
#include "io/incidents/write_behind_sink.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/postgres_incident_import.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/features/intervention_importer.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

namespace {

// One rejects file per import, so that a later import never overwrites an earlier one's.
std::string default_rejects_path(const ProjectLocation& project, long long import_id) {
    return fmt::format("{}.rejects-{}.csv", project.file_stem(), import_id);
}

// Polygons of one boundary kind from the project, as GEOS geometries by code.
void load_boundaries(ProjectStore& store, const std::string& kind, const geo::GeosContext& geos,
                     const std::function<void(const std::string&, geo::GeomPtr)>& sink) {
    read_boundaries(store, "kind = " + sql_quote(kind), geos, [&](StoredBoundary&& b) { sink(b.code, std::move(b.geometry)); });
}

std::unique_ptr<geo::StudyArea> build_study_area(ProjectStore& store, const ImportRequest& request,
                                                 const geo::GeosContext& geos) {
    std::vector<geo::GeomPtr> polygons;
    std::string description;
    if (!request.study_area_kind.empty()) {
        load_boundaries(store, request.study_area_kind, geos, [&](const std::string&, geo::GeomPtr g) { polygons.push_back(std::move(g)); });
        if (polygons.empty())
            throw ConfigError(fmt::format("--study-area {}: the project has no '{}' boundaries; import them with "
                                          "--boundaries FILE --kind {}", request.study_area_kind, request.study_area_kind,
                                          request.study_area_kind));
        description = fmt::format("{} boundaries ({})", request.study_area_kind, polygons.size());
    } else {
        VectorSource src = open_vector(request.clip_file, {});
        geo::Reprojector to_working(src.crs, store.working_crs());
        long long n = 0, not_polygons = 0;
        while (OGRFeatureUniquePtr f = next_feature(src, n)) {
            ++n;
            const OGRGeometry* g = f->GetGeometryRef();
            auto type = g ? wkbFlatten(g->getGeometryType()) : wkbNone;
            if (type != wkbPolygon && type != wkbMultiPolygon) {
                ++not_polygons; // said in the description: a clip file is polygons
                continue;
            }
            geo::GeomPtr working = to_working_geos(geos, *g, to_working);
            if (!working) throw CrsError(fmt::format("{}: feature {}: cannot reproject to {}", request.clip_file, f->GetFID(), store.working_crs()));
            polygons.push_back(std::move(working));
        }
        if (polygons.empty()) throw SchemaError(fmt::format("{}: --clip file has no polygons", request.clip_file));
        description = fmt::format("{} ({} polygons{})", std::filesystem::path(request.clip_file).filename().string(), polygons.size(),
                                  not_polygons ? fmt::format("; {} features without a polygon ignored", not_polygons) : "");
    }
    return std::make_unique<geo::StudyArea>(geos, std::move(polygons), description);
}

// Keeps the settings' record of the incidents' vintage (first and last month) up to date.
void record_incident_months(ProjectStore& store) {
    // The result set is closed before the setting is written: on PostgreSQL, closing a cursor
    // while the settings layer streams by COPY would abort the transaction.
    std::string vintage;
    for_each_row(store.dataset(), store.path(), "SELECT MIN(month), MAX(month) FROM incidents WHERE month <> ''", [&](OGRFeature& f) {
        if (f.IsFieldSetAndNotNull(0)) vintage = fmt::format("{} to {}", f.GetFieldAsString(0), f.GetFieldAsString(1));
    });
    if (!vintage.empty()) store.set_setting("vintage.incidents", vintage);
}

// Incidents through GDAL, in the import's transaction on the store. `created_now`: this import
// made the project, so no other session can see it before commit.
class GdalIncidentDestination : public IncidentDestination {
public:
    GdalIncidentDestination(ProjectStore& store, ImportLog& log, bool created_now) : m_store(store), m_log(log), m_created_now(created_now) {
        // PostGIS: a project nobody else can see yet is loaded first and indexed after; in
        // another, a year without a partition is loaded aside and attached at the end.
        if (created_now) drop_incident_indexes(store);
        m_writer.emplace(store, created_now ? IncidentPartitions::NewYears::made_at_once : IncidentPartitions::NewYears::loaded_aside);
    }
    IncidentSink& sink() override { return *m_writer; }
    void load_keys(KeyRegistry& keys) override { load_incident_keys(m_store, keys); }
    void set_setting(const std::string& key, const std::string& value) override { m_store.set_setting(key, value); }
    void log(const ImportLogEntry& e) override { m_log.append(e.target_layer, e.file, e.format, e.report, e.rejects_file); }
    void finish() override {
        m_writer->finish();
        if (m_created_now) create_incident_indexes(m_store);
        // ANALYZE takes the partitioning lock before the vintage row is updated, the order every
        // import keeps (incident_partitions.cpp), so that two never wait on each other.
        analyze_incidents(m_store);
        record_incident_months(m_store);
    }

private:
    ProjectStore& m_store;
    ImportLog& m_log;
    bool m_created_now;
    std::optional<IncidentWriter> m_writer;
};

// An import whose incidents can go by binary COPY on SaferMap's own connection: into an
// existing PostGIS project, writing no other layer (postgres_incident_import.hpp says why).
bool incidents_by_binary_copy(const ProjectStore& store, const ImportRequest& request, bool created_now) {
    return store.dialect() == SqlDialect::postgres && !created_now && !request.incident_files.empty() && request.boundaries.empty() &&
           request.cctv_files.empty() && request.intervention_files.empty() && request.places_files.empty();
}

// `created_now`: this import made the project, so no other session can see it before commit.
// `direct`: where the incidents go instead of the store's transaction (incidents_by_binary_copy).
ImportSummary run_in_transaction(ProjectStore& store, const ImportRequest& request, ImportLog& log,
                                 RejectsWriter& rejects_writer, bool created_now, PostgresIncidentImport* direct) {
    ImportSummary summary;
    summary.project = store.path();
    summary.working_crs = store.working_crs();
    summary.rejects_path = rejects_writer.path();
    geo::GeosContext geos;
    Rejects rejects([&](const RejectedRow& row) { rejects_writer.write(row); });

    for (const auto& spec : request.boundaries) {
        summary.boundaries.push_back(import_boundaries(store, spec, rejects, geos));
        const auto& b = summary.boundaries.back();
        log.append(schema::k_boundaries, spec.path, fmt::format("vector:{}", to_string(spec.kind)), b.report, rejects_writer.path());
        if (!b.vintage.empty()) store.set_setting(fmt::format("vintage.{}", to_string(spec.kind)), b.vintage);
    }
    for (const auto& path : request.cctv_files) {
        summary.cctv.push_back(import_cctv(store, path, request.feature_crs, rejects, geos));
        log.append(schema::k_cctv, path, "vector", summary.cctv.back().report, rejects_writer.path());
    }
    for (const auto& path : request.intervention_files) {
        summary.interventions.push_back(import_interventions(store, path, request.feature_crs, rejects, geos));
        log.append(schema::k_interventions, path, "vector", summary.interventions.back().report, rejects_writer.path());
    }
    for (const auto& path : request.places_files) {
        summary.places.push_back(import_places(store, path, rejects));
        log.append(schema::k_places, path, summary.places.back().format, summary.places.back().report, rejects_writer.path());
    }
    if (!request.incident_files.empty()) {
        std::unique_ptr<geo::StudyArea> study_area;
        if (!request.study_area_kind.empty() || !request.clip_file.empty()) study_area = build_study_area(store, request, geos);
        geo::AreaIndex lsoas(geos);
        load_boundaries(store, "lsoa", geos, [&](const std::string& code, geo::GeomPtr g) { lsoas.add(code, std::move(g)); });
        summary.lsoa_polygons = lsoas.size();
        std::unordered_set<std::string> lsoas_inside;
        std::optional<GdalIncidentDestination> through_gdal;
        if (!direct) through_gdal.emplace(store, log, created_now);
        IncidentDestination& destination = direct ? static_cast<IncidentDestination&>(*direct) : *through_gdal;
        if (study_area) {
            summary.study_area = study_area->description();
            lsoas.for_each_code([&](const std::string& code) {
                auto p = lsoas.interior_point(code);
                if (p && study_area->contains(p->first, p->second)) lsoas_inside.insert(code);
            });
            summary.study_area_lsoas = lsoas_inside.size();
            destination.set_setting("study_area", summary.study_area);
        }
        KeyRegistry keys;
        keys.reserve(estimate_rows(request.incident_files),
                     static_cast<std::size_t>(store.layer(schema::k_incidents).GetFeatureCount(TRUE)));
        destination.load_keys(keys);
        // The writes run on a thread of their own, beside the parsing and checking of the rows
        // after them; drained before anything else touches the project.
        WriteBehindSink behind(destination.sink());
        IncidentImporter importer(behind, keys, rejects, store.working_crs());
        importer.set_study_area(study_area.get(), &lsoas_inside);
        importer.set_lsoa_index(lsoas.empty() ? nullptr : &lsoas);
        importer.set_progress(request.progress);
        for (const auto& path : request.incident_files) {
            RunReport report = importer.import_file(path, request.columns);
            behind.drain();
            summary.incidents.push_back({path, importer.last_format(), report});
            summary.incidents_total.add(report);
            destination.log(log.entry(schema::k_incidents, path, importer.last_format(), report, rejects_writer.path()));
        }
        destination.finish();
    }
    return summary;
}

} // namespace

ImportSummary run_import(const ImportRequest& request) {
    if (!request.study_area_kind.empty() && !request.clip_file.empty())
        throw ConfigError("give --study-area or --clip, not both");
    const bool exists = ProjectStore::exists(request.project);
    std::optional<ProjectStore> store;
    if (exists) store.emplace(ProjectStore::open(request.project, true));
    else store.emplace(ProjectStore::create(request.project, request.new_project, ProjectStore::Creation::in_open_transaction));

    try {
        // PostgreSQL: rows go in by COPY, not one INSERT each (GDAL's switch, read when a
        // layer first writes; only this thread, only for this import).
        ScopedConfigOption copy("PG_USE_COPY", "YES");
        ImportLog log(*store);
        const std::string rejects_path =
            request.rejects_path.empty() ? default_rejects_path(store->location(), log.import_id()) : request.rejects_path;
        RejectsWriter rejects_writer(rejects_path);
        std::optional<PostgresIncidentImport> direct;
        if (incidents_by_binary_copy(*store, request, !exists)) direct.emplace(store->location());
        else if (!store->in_transaction()) store->begin();
        ImportSummary summary = run_in_transaction(*store, request, log, rejects_writer, !exists, direct ? &*direct : nullptr);
        if (direct) direct->commit();
        else store->commit();
        rejects_writer.close();
        summary.rejects_written = rejects_writer.rows_written();
        // A default rejects file with nothing in it is clutter; one the user named is kept.
        if (summary.rejects_written == 0 && request.rejects_path.empty()) {
            std::filesystem::remove(rejects_path);
            summary.rejects_path.clear();
        }
        summary.created = !exists;
        store->close();
        return summary;
    } catch (...) {
        store->rollback();
        store.reset();
        if (!exists) ProjectStore::discard_new(request.project);
        throw;
    }
}

} // namespace safermap::io
