// SPDX-License-Identifier: MIT
#include "io/project/project_slice.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"
#include "geo/study_area.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/import_log.hpp"
#include "io/project/place_reader.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/project/schema_layer.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <optional>
#include <vector>

namespace safermap::io {

namespace {

// The area test for one feature's geometry: points inside, anything else touching.
class AreaTest {
public:
    AreaTest(const geo::GeosContext& geos, const geo::StudyArea* area) : m_geos(geos), m_area(area) {}

    bool keeps(const OGRGeometry* g) {
        if (!m_area) return true;
        if (!g || g->IsEmpty()) return false;
        if (wkbFlatten(g->getGeometryType()) == wkbPoint) return m_area->contains(g->toPoint()->getX(), g->toPoint()->getY());
        m_wkb.resize(g->WkbSize());
        g->exportToWkb(wkbNDR, m_wkb.data(), wkbVariantIso);
        geo::GeomPtr geos = geo::read_wkb(m_geos, {reinterpret_cast<const char*>(m_wkb.data()), m_wkb.size()});
        return m_area->shares_interior(geos.get());
    }

private:
    const geo::GeosContext& m_geos;
    const geo::StudyArea* m_area;
    std::vector<unsigned char> m_wkb;
};

// Copies one feature into `to` by field name, with a new FID. Throws IoError naming `target`.
void copy_feature(const OGRFeature& from, OGRLayer& to, const std::string& target) {
    OGRFeature f(to.GetLayerDefn());
    const bool copied = f.SetFrom(&from, TRUE) == OGRERR_NONE;
    f.SetFID(OGRNullFID);
    if (!copied || to.CreateFeature(&f) != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot copy feature {} into layer '{}' ({})", target, from.GetFID(), to.GetName(), gdal_last_error()));
}

// Copies the features of `layer` that `keep` accepts; returns how many.
long long copy_layer(ProjectStore& from, ProjectStore& to, std::string_view layer, AreaTest& test) {
    long long n = 0;
    OGRLayer& out = to.layer(layer);
    for_each_row(from.dataset(), from.path(), fmt::format("SELECT * FROM {}{}", layer, order_by_insertion(from.dialect())),
                 [&](OGRFeature& f) {
                     if (!test.keeps(f.GetGeometryRef())) return;
                     copy_feature(f, out, to.path());
                     ++n;
                 });
    return n;
}

} // namespace

SliceResult copy_project_slice(const std::string& source, const PointFilter& requested, const std::string& target) {
    if (is_postgres_project(target) || lower_extension(target) != ".gpkg")
        throw ConfigError(fmt::format("{}: a slice is written as a GeoPackage project (a .gpkg file)", display_project(target)));
    if (std::filesystem::exists(target)) throw ConfigError(fmt::format("{}: already exists; a slice is a new project", target));
    ProjectStore from = ProjectStore::open(source, false);
    const PointFilter filter = resolve_project_filter(from, requested);
    geo::GeosContext geos;
    const auto area = load_filter_area(from, filter, geos);
    AreaTest test(geos, area.get());

    SliceResult result;
    result.source = from.path();
    result.target = target;
    const auto settings = from.settings();
    const std::string name = settings.count("name") ? settings.at("name") : std::string("project");
    ProjectSettings new_project{filter.area.empty() ? name : fmt::format("{}: {}", name, filter.area), from.working_crs()};
    std::optional<ProjectStore> created;
    created.emplace(ProjectStore::create(target, new_project, ProjectStore::Creation::in_open_transaction));
    ProjectStore& to = *created;
    try {
        const bool places = has_places(from);
        for (std::string_view layer : {schema::k_boundaries, schema::k_cctv, schema::k_interventions, schema::k_places}) {
            if (layer == schema::k_places && !places) continue;
            result.copied[std::string(layer)] = copy_layer(from, to, layer, test);
        }
        // Incidents: the filter's months and crime types by SQL, then its area and study-area
        // rule as export applies them.
        long long incidents = 0;
        OGRLayer& out = to.layer(schema::k_incidents);
        for_each_row(from.dataset(), from.path(),
                     fmt::format("SELECT * FROM {}{}{}", schema::k_incidents,
                                 filter_sql_where(from, filter, area.get(), Unplaced::drop), order_by_insertion(from.dialect())),
                     [&](OGRFeature& f) {
                         if (filter.study_area_only) {
                             const int i = f.GetFieldIndex("in_study_area");
                             if (i >= 0 && f.IsFieldSetAndNotNull(i) && f.GetFieldAsInteger(i) == 0) return;
                         }
                         if (!test.keeps(f.GetGeometryRef())) return;
                         copy_feature(f, out, target);
                         ++incidents;
                     });
        result.copied[std::string(schema::k_incidents)] = incidents;
        for (const auto& [key, value] : settings)
            if (key != "name" && key != "schema_version" && key != "created_by") to.set_setting(key, value);
        to.set_setting("sliced_from", from.path());
        if (!filter.area.empty()) to.set_setting("slice_area", filter.area_note.empty() ? filter.area : filter.area_note);
        ImportLog log(to);
        for (const auto& [layer, n] : result.copied) {
            RunReport report;
            report.rows_read = report.kept = n;
            log.append(layer, from.path(), "slice", report, "");
        }
        to.commit();
        to.close();
    } catch (...) {
        created.reset(); // rolls back and closes the file before it goes
        std::filesystem::remove(target);
        throw;
    }
    return result;
}

} // namespace safermap::io
