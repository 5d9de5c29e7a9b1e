// SPDX-License-Identifier: MIT
#include "io/incidents/incident_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/project/project_schema.hpp"

#include <cpl_conv.h>
#include <fmt/format.h>

#include <optional>

namespace safermap::io {

namespace {

struct FieldIndexes {
    int key, crime_id, month, occurred, category, reported_by, falls_within, location, lsoa_code, lsoa_name,
        outcome, context, address, postcode, weight, src_x, src_y, src_crs, geocode_status, in_study_area,
        own_lsoa_distance_m, source_file, source_line, source_format, attributes;

    explicit FieldIndexes(const OGRFeatureDefn& d) {
        auto idx = [&](const char* name) {
            int i = d.GetFieldIndex(name);
            if (i < 0) throw SchemaError(fmt::format("incidents layer has no field '{}'", name));
            return i;
        };
        key = idx("key"), crime_id = idx("crime_id"), month = idx("month"), occurred = idx("occurred");
        category = idx("category"), reported_by = idx("reported_by"), falls_within = idx("falls_within");
        location = idx("location"), lsoa_code = idx("lsoa_code"), lsoa_name = idx("lsoa_name");
        outcome = idx("outcome"), context = idx("context"), address = idx("address"), postcode = idx("postcode");
        weight = idx("weight"), src_x = idx("src_x"), src_y = idx("src_y"), src_crs = idx("src_crs");
        geocode_status = idx("geocode_status"), in_study_area = idx("in_study_area");
        own_lsoa_distance_m = idx("own_lsoa_distance_m"), source_file = idx("source_file");
        source_line = idx("source_line"), source_format = idx("source_format"), attributes = idx("attributes");
    }
};

} // namespace

struct IncidentWriter::Target {
    OGRLayer* layer;
    OGRFeature feature;
    FieldIndexes idx;
    explicit Target(OGRLayer& l) : layer(&l), feature(l.GetLayerDefn()), idx(*l.GetLayerDefn()) {}
};

IncidentWriter::IncidentWriter(ProjectStore& store, IncidentPartitions::NewYears new_years, GeoPackageRows rows)
    : m_store(store), m_partitions(store, store.layer(schema::k_incidents), new_years),
      m_inserter(rows == GeoPackageRows::by_statement ? GpkgIncidentInserter::start(store) : nullptr),
      m_spatial_index(DeferredSpatialIndex::start(store)) {
    if (!m_inserter) target_for(store.layer(schema::k_incidents));
}

IncidentWriter::~IncidentWriter() = default;

IncidentWriter::Target& IncidentWriter::target_for(OGRLayer& layer) {
    for (auto& t : m_targets)
        if (t->layer == &layer) return *t;
    return *m_targets.emplace_back(std::make_unique<Target>(layer));
}

void IncidentWriter::write(const Incident& inc) {
    if (m_inserter) {
        const std::int64_t fid = m_inserter->insert(inc);
        if (m_spatial_index && inc.xy) m_spatial_index->add(fid, inc.xy->x, inc.xy->y);
        return;
    }
    // PostGIS: a partition made, or a year's table begun, before the year's first row.
    Target& target = target_for(m_partitions.layer_for(inc.month));
    OGRFeature& f = target.feature;
    const FieldIndexes& x = target.idx;
    f.SetFID(OGRNullFID);
    auto set_text = [&](int i, const std::string& s) {
        if (s.empty()) f.SetFieldNull(i);
        else f.SetField(i, s.c_str());
    };
    set_text(x.key, inc.key);
    set_text(x.crime_id, inc.crime_id);
    // PostGIS partitions by month, which may not be NULL there (incident_partitions.hpp).
    if (inc.month.empty() && m_store.dialect() == SqlDialect::postgres) f.SetField(x.month, "");
    else set_text(x.month, inc.month);
    set_text(x.occurred, inc.occurred);
    set_text(x.category, inc.category);
    set_text(x.reported_by, inc.reported_by);
    set_text(x.falls_within, inc.falls_within);
    set_text(x.location, inc.location);
    set_text(x.lsoa_code, inc.lsoa_code);
    set_text(x.lsoa_name, inc.lsoa_name);
    set_text(x.outcome, inc.outcome);
    set_text(x.context, inc.context);
    set_text(x.address, inc.address);
    set_text(x.postcode, inc.postcode);
    if (inc.weight) f.SetField(x.weight, *inc.weight);
    else f.SetFieldNull(x.weight);
    set_text(x.src_x, inc.src_x);
    set_text(x.src_y, inc.src_y);
    set_text(x.src_crs, inc.src_crs);
    f.SetField(x.geocode_status, std::string(to_string(inc.status)).c_str());
    if (inc.in_study_area) f.SetField(x.in_study_area, *inc.in_study_area ? 1 : 0);
    else f.SetFieldNull(x.in_study_area);
    if (inc.own_lsoa_distance_m) f.SetField(x.own_lsoa_distance_m, *inc.own_lsoa_distance_m);
    else f.SetFieldNull(x.own_lsoa_distance_m);
    set_text(x.source_file, inc.source_file);
    f.SetField(x.source_line, static_cast<GIntBig>(inc.source_line));
    set_text(x.source_format, inc.source_format);
    set_text(x.attributes, inc.attributes_json);
    if (inc.xy) {
        m_point.setX(inc.xy->x);
        m_point.setY(inc.xy->y);
        f.SetGeometry(&m_point);
    } else {
        f.SetGeometryDirectly(nullptr);
    }
    if (target.layer->CreateFeature(&f) != OGRERR_NONE) {
        throw IoError(fmt::format("{}: line {}: cannot store incident in {} ({})", inc.source_file, inc.source_line,
                                  m_store.path(), gdal_last_error()));
    }
    if (m_spatial_index && inc.xy) m_spatial_index->add(f.GetFID(), inc.xy->x, inc.xy->y);
}

std::function<void()> IncidentWriter::helper_thread_setup() const { return share_thread_options(); }

void IncidentWriter::finish() {
    if (m_inserter) m_inserter->finish();
    m_partitions.finish();
    if (m_spatial_index) m_spatial_index->finish();
    m_spatial_index.reset();
}

void read_incident(const OGRFeature& f, Incident& inc) {
    inc.clear();
    auto text = [&](const char* name, std::string& out) {
        int i = f.GetFieldIndex(name);
        if (i >= 0 && f.IsFieldSetAndNotNull(i)) out = f.GetFieldAsString(i);
    };
    text("key", inc.key);
    text("crime_id", inc.crime_id);
    text("month", inc.month);
    text("occurred", inc.occurred);
    text("category", inc.category);
    text("reported_by", inc.reported_by);
    text("falls_within", inc.falls_within);
    text("location", inc.location);
    text("lsoa_code", inc.lsoa_code);
    text("lsoa_name", inc.lsoa_name);
    text("outcome", inc.outcome);
    text("context", inc.context);
    text("address", inc.address);
    text("postcode", inc.postcode);
    text("src_x", inc.src_x);
    text("src_y", inc.src_y);
    text("src_crs", inc.src_crs);
    text("source_file", inc.source_file);
    text("source_format", inc.source_format);
    text("attributes", inc.attributes_json);
    int i = f.GetFieldIndex("weight");
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) inc.weight = f.GetFieldAsDouble(i);
    i = f.GetFieldIndex("in_study_area");
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) inc.in_study_area = f.GetFieldAsInteger(i) != 0;
    i = f.GetFieldIndex("own_lsoa_distance_m");
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) inc.own_lsoa_distance_m = f.GetFieldAsDouble(i);
    i = f.GetFieldIndex("source_line");
    if (i >= 0 && f.IsFieldSetAndNotNull(i)) inc.source_line = f.GetFieldAsInteger64(i);
    std::string status;
    text("geocode_status", status);
    auto parsed = parse_geocode_status(status);
    if (!parsed) throw SchemaError(fmt::format("{}: incident {} has an unknown geocode_status '{}'", f.GetDefnRef()->GetName(), f.GetFID(), status));
    inc.status = *parsed;
    const OGRGeometry* g = f.GetGeometryRef();
    if (g && !g->IsEmpty() && wkbFlatten(g->getGeometryType()) == wkbPoint) {
        auto* p = g->toPoint();
        inc.xy = XY{p->getX(), p->getY()};
    }
}

} // namespace safermap::io

#include "core/key_registry.hpp"

namespace safermap::io {

void load_incident_keys(ProjectStore& store, KeyRegistry& keys) {
    OGRLayer& layer = store.layer(schema::k_incidents);
    // Reading one field of a million rows is fast only when OGR skips the others.
    std::vector<std::string> ignored;
    const OGRFeatureDefn& defn = *layer.GetLayerDefn();
    for (int i = 0; i < defn.GetFieldCount(); ++i) {
        if (std::string_view(defn.GetFieldDefn(i)->GetNameRef()) != "key") ignored.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    }
    ignored.emplace_back("OGR_GEOMETRY");
    std::vector<const char*> names;
    for (const auto& n : ignored) names.push_back(n.c_str());
    names.push_back(nullptr);
    const int key_index = defn.GetFieldIndex("key");
    // PostGIS: keys fetched 10,000 rows at a time, not GDAL's 500, unless the user chose otherwise.
    std::optional<ScopedConfigOption> page;
    if (store.dialect() == SqlDialect::postgres && !CPLGetConfigOption("OGR_PG_CURSOR_PAGE", nullptr))
        page.emplace("OGR_PG_CURSOR_PAGE", "10000");
    layer.SetIgnoredFields(names.data());
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
    for (auto& f : layer) keys.add_existing(f->GetFieldAsString(key_index));
    layer.SetIgnoredFields(nullptr);
    layer.ResetReading();
}

} // namespace safermap::io
