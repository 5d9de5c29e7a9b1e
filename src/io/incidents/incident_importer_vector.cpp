// SPDX-License-Identifier: MIT
// IncidentImporter, the part that reads point layers in any GDAL vector format.
#include "core/dates.hpp"
#include "core/error.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace safermap::io {

namespace {

int field_index(const VectorSource& src, const std::string& name, const char* flag) {
    if (name.empty()) return -1;
    int i = src.layer->GetLayerDefn()->GetFieldIndex(name.c_str());
    if (i < 0)
        throw SchemaError(fmt::format("{}: layer '{}' has no field '{}' (given by {})", src.path, src.layer_name, name, flag));
    return i;
}

std::string field_text(const OGRFeature& f, int i) {
    return i >= 0 && f.IsFieldSetAndNotNull(i) ? f.GetFieldAsString(i) : "";
}

} // namespace

RunReport IncidentImporter::import_vector(const std::string& path, const IncidentColumns& columns) {
    if (columns.has_xy() || columns.has_lonlat())
        throw ConfigError(fmt::format("{}: is a vector layer; its geometry gives the position, so --x/--y/--lon/--lat do not apply", path));
    VectorSource src = open_vector(path, {.layer = "", .crs_override = columns.crs, .gdal_open_options = {}});
    OGRwkbGeometryType type = wkbFlatten(src.layer->GetGeomType());
    if (type != wkbPoint && type != wkbUnknown)
        throw SchemaError(fmt::format("{}: layer '{}' holds {} geometries; incidents must be points", path,
                                      src.layer_name, OGRGeometryTypeToName(type)));
    m_format = "vector";
    const int date = field_index(src, columns.date, "--date");
    const int category = field_index(src, columns.category, "--category");
    const int address = field_index(src, columns.address, "--address");
    const int postcode = field_index(src, columns.postcode, "--postcode");
    const int weight = field_index(src, columns.weight, "--weight");
    const int id = field_index(src, columns.id, "--id");
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    const std::string file_name = std::filesystem::path(path).filename().string();

    RunReport report;
    std::vector<std::string> key_fields;
    while (OGRFeatureUniquePtr f = next_feature(src, report.rows_read)) {
        ++report.rows_read;
        Incident& inc = m_incident;
        inc.clear();
        inc.source_file = file_name;
        inc.source_line = f->GetFID();
        inc.source_format = "vector";
        inc.src_crs = src.crs;
        key_fields.clear();
        nlohmann::ordered_json attributes = nlohmann::ordered_json::object();
        for (int i = 0; i < defn.GetFieldCount(); ++i) {
            key_fields.push_back(field_text(*f, i));
            if (i != date && i != category && i != address && i != postcode && i != weight && i != id)
                if (f->IsFieldSetAndNotNull(i)) attributes[defn.GetFieldDefn(i)->GetNameRef()] = key_fields.back();
        }
        inc.attributes_json = attributes.empty() ? "" : attributes.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
        std::string raw = fmt::format("feature {}", f->GetFID());
        if (date >= 0) {
            auto d = parse_date(field_text(*f, date));
            if (!d) {
                reject(report, inc, {"bad_date", fmt::format("date '{}' is not a date SaferMap reads", field_text(*f, date))}, raw);
                continue;
            }
            inc.occurred = d->iso.size() > 7 ? d->iso : "";
            inc.month = d->month;
        }
        if (weight >= 0 && f->IsFieldSetAndNotNull(weight)) {
            auto w = parse_number(field_text(*f, weight));
            if (!w || *w < 0) {
                reject(report, inc, {"bad_weight", fmt::format("weight '{}' is not a number >= 0", field_text(*f, weight))}, raw);
                continue;
            }
            inc.weight = *w;
        }
        inc.crime_id = field_text(*f, id);
        inc.category = field_text(*f, category);
        inc.address = field_text(*f, address);
        inc.postcode = field_text(*f, postcode);
        const OGRGeometry* g = f->GetGeometryRef();
        if (g && !g->IsEmpty()) {
            if (wkbFlatten(g->getGeometryType()) != wkbPoint) {
                reject(report, inc, {"not_a_point", fmt::format("geometry is {}", g->getGeometryName())}, raw);
                continue;
            }
            // Full precision text, so that src_x/src_y round-trip to the same double.
            inc.src_x = fmt::format("{}", g->toPoint()->getX());
            inc.src_y = fmt::format("{}", g->toPoint()->getY());
            key_fields.push_back(inc.src_x);
            key_fields.push_back(inc.src_y);
        }
        accept(inc, key_fields, raw, report);
    }
    if (m_progress) m_progress(path, report.rows_read);
    return report;
}

} // namespace safermap::io
