// SPDX-License-Identifier: MIT
#include "io/project/project_summary.hpp"

#include "geo/reprojector.hpp"
#include "io/project/project_schema.hpp"
#include "io/gdal/layer_metadata.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/place_reader.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::io {

namespace {

long long count_where(OGRLayer& layer, const char* filter) {
    layer.SetAttributeFilter(filter);
    long long n = layer.GetFeatureCount(TRUE);
    layer.SetAttributeFilter(nullptr);
    return n;
}

std::vector<ResultLayerSummary> result_layers(GDALDataset& ds) {
    std::vector<ResultLayerSummary> out;
    for (OGRLayer* layer : ds.GetLayers()) {
        const std::string name = layer->GetName();
        bool in_schema = false;
        for (const auto& def : schema::layers()) in_schema |= def.name == name;
        if (in_schema || is_incident_partition(name)) continue;
        const auto metadata = layer_metadata(ds, *layer);
        auto item = [&](const char* key) {
            const auto it = metadata.find(key);
            return it == metadata.end() ? std::string() : it->second;
        };
        ResultLayerSummary r;
        r.name = name;
        r.geometry_type = OGRGeometryTypeToName(layer->GetGeomType());
        r.features = layer->GetFeatureCount(TRUE);
        r.method = item("method");
        r.period = item("period");
        r.categories = item("categories");
        out.push_back(r);
    }
    return out;
}

} // namespace

ProjectSummary summarise_project(const std::string& path) {
    ProjectStore store = ProjectStore::open(path, false);
    ProjectSummary s;
    s.path = store.path();
    s.settings = store.settings();
    s.name = s.settings["name"];
    s.crs = store.working_crs();
    s.crs_name = geo::crs_name(s.crs);
    for (const auto& def : schema::layers()) {
        if (def.optional && !store.dataset().GetLayerByName(std::string(def.name).c_str())) continue;
        OGRLayer& layer = store.layer(def.name);
        LayerSummary ls;
        ls.name = def.name;
        ls.geometry_type = def.geometry == wkbNone ? "none" : OGRGeometryTypeToName(def.geometry);
        ls.features = layer.GetFeatureCount(TRUE);
        OGREnvelope env;
        if (def.geometry != wkbNone && ls.features > 0 && layer.GetExtent(&env, TRUE) == OGRERR_NONE)
            ls.extent = std::array<double, 4>{env.MinX, env.MinY, env.MaxX, env.MaxY};
        s.layers.push_back(ls);
    }
    s.results = result_layers(store.dataset());
    OGRLayer& incidents = store.layer(schema::k_incidents);
    s.incidents = incidents.GetFeatureCount(TRUE);
    s.not_geocoded = count_where(incidents, "geocode_status = 'not_geocoded'");
    s.outside_study_area = count_where(incidents, "in_study_area = 0");
    s.import_log = read_import_log(store);
    for (const auto& e : s.import_log) {
        if (e.target_layer != schema::k_incidents) continue;
        s.rows_read += e.report.rows_read;
        s.rejected += e.report.rejected();
        for (const auto& [k, v] : e.report.rejected_by_reason) s.rejected_by_reason[k] += v;
        for (const auto& [k, v] : e.report.notes_by_reason) s.notes_by_reason[k] += v;
    }
    GDALDataset& ds = store.dataset();
    const std::string& shown = store.path(); // any password masked
    for_each_row(ds, shown, "SELECT MIN(month) AS first_month, MAX(month) AS last_month FROM incidents WHERE month <> ''", [&](OGRFeature& f) {
        s.first_month = f.IsFieldSetAndNotNull(0) ? f.GetFieldAsString(0) : "";
        s.last_month = f.IsFieldSetAndNotNull(1) ? f.GetFieldAsString(1) : "";
    });
    for_each_row(ds, shown, "SELECT category, COUNT(*) AS n FROM incidents GROUP BY category", [&](OGRFeature& f) {
        s.incidents_by_category.emplace_back(f.IsFieldSetAndNotNull(0) ? f.GetFieldAsString(0) : "(none)", f.GetFieldAsInteger64(1));
    });
    std::sort(s.incidents_by_category.begin(), s.incidents_by_category.end(),
              [](const auto& a, const auto& b) { return a.second != b.second ? a.second > b.second : a.first < b.first; });
    // Projects written before geocoding existed have no match_level field.
    if (store.layer(schema::k_incidents).GetLayerDefn()->GetFieldIndex("match_level") >= 0)
        for_each_row(ds, shown, "SELECT match_level, COUNT(*) AS n FROM incidents WHERE match_level <> '' GROUP BY match_level",
              [&](OGRFeature& f) { s.incidents_by_match_level[f.GetFieldAsString(0)] = f.GetFieldAsInteger64(1); });
    for_each_row(ds, shown, "SELECT kind, COUNT(*) AS n FROM boundaries GROUP BY kind",
          [&](OGRFeature& f) { s.boundaries_by_kind[f.GetFieldAsString(0)] = f.GetFieldAsInteger64(1); });
    for_each_row(ds, shown, "SELECT type, COUNT(*) AS n FROM interventions GROUP BY type",
          [&](OGRFeature& f) { s.interventions_by_type[f.GetFieldAsString(0)] = f.GetFieldAsInteger64(1); });
    s.cctv_illustrative = count_where(store.layer(schema::k_cctv), "illustrative = 1");
    s.interventions_illustrative = count_where(store.layer(schema::k_interventions), "illustrative = 1");
    if (has_places(store)) {
        s.places = store.layer(schema::k_places).GetFeatureCount(TRUE);
        for_each_row(ds, shown, fmt::format("SELECT kind, COUNT(*) AS n FROM {} GROUP BY kind", schema::k_places),
                     [&](OGRFeature& f) { s.places_by_kind[f.GetFieldAsString(0)] = f.GetFieldAsInteger64(1); });
    }
    return s;
}

nlohmann::ordered_json to_json(const ProjectSummary& s) {
    nlohmann::ordered_json j;
    j["project"] = s.path;
    j["name"] = s.name;
    j["crs"] = s.crs;
    j["crs_name"] = s.crs_name;
    j["rows_read"] = s.rows_read;
    j["incidents"] = s.incidents;
    j["not_geocoded"] = s.not_geocoded;
    j["outside_study_area"] = s.outside_study_area;
    j["rejected"] = s.rejected;
    j["rejected_by_reason"] = s.rejected_by_reason;
    j["notes_by_reason"] = s.notes_by_reason;
    j["month_range"] = {{"first", s.first_month}, {"last", s.last_month}};
    nlohmann::ordered_json cats = nlohmann::ordered_json::object();
    for (const auto& [c, n] : s.incidents_by_category) cats[c] = n;
    j["incidents_by_category"] = cats;
    if (!s.incidents_by_match_level.empty()) j["incidents_by_match_level"] = s.incidents_by_match_level;
    j["boundaries_by_kind"] = s.boundaries_by_kind;
    j["interventions_by_type"] = s.interventions_by_type;
    j["cctv_illustrative"] = s.cctv_illustrative;
    j["interventions_illustrative"] = s.interventions_illustrative;
    j["places"] = s.places;
    j["places_by_kind"] = s.places_by_kind;
    nlohmann::ordered_json layers = nlohmann::ordered_json::array();
    for (const auto& l : s.layers) {
        nlohmann::ordered_json lj{{"name", l.name}, {"geometry", l.geometry_type}, {"features", l.features}};
        if (l.extent) lj["extent"] = *l.extent;
        else lj["extent"] = nullptr;
        layers.push_back(lj);
    }
    j["layers"] = layers;
    nlohmann::ordered_json results = nlohmann::ordered_json::array();
    for (const auto& r : s.results)
        results.push_back({{"name", r.name}, {"geometry", r.geometry_type}, {"features", r.features}, {"method", r.method},
                           {"period", r.period}, {"categories", r.categories}});
    j["results"] = results;
    j["settings"] = s.settings;
    nlohmann::ordered_json log = nlohmann::ordered_json::array();
    for (const auto& e : s.import_log) {
        log.push_back({{"import_id", e.import_id}, {"time_utc", e.time_utc}, {"layer", e.target_layer}, {"file", e.file},
                       {"format", e.format}, {"rows_read", e.report.rows_read}, {"kept", e.report.kept},
                       {"rejected", e.report.rejected()}});
    }
    j["import_log"] = log;
    return j;
}

} // namespace safermap::io
