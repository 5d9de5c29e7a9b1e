// SPDX-License-Identifier: MIT
#include "io/features/boundary_importer.hpp"

#include "core/error.hpp"
#include "geo/make_valid.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/features/ons_fields.hpp"
#include "io/project/project_schema.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>

#include <filesystem>
#include <map>
#include <set>

namespace safermap::io {

namespace {

// FIDs of the boundaries of `kind` already stored, by code.
std::map<std::string, GIntBig> existing_codes(OGRLayer& layer, AreaKind kind) {
    std::map<std::string, GIntBig> out;
    std::string filter = fmt::format("kind = '{}'", to_string(kind));
    layer.SetAttributeFilter(filter.c_str());
    layer.ResetReading();
    for (auto& f : layer) out[f->GetFieldAsString("code")] = f->GetFID();
    layer.SetAttributeFilter(nullptr);
    return out;
}

} // namespace

BoundaryImportResult import_boundaries(ProjectStore& store, const BoundarySpec& spec, Rejects& rejects,
                                       const geo::GeosContext& geos) {
    BoundaryImportResult result;
    result.spec = spec;
    VectorSource src = open_vector(spec.path, {.layer = spec.layer, .crs_override = spec.crs_override, .gdal_open_options = {}});
    result.source_crs = src.crs;
    const OGRFeatureDefn& defn = *src.layer->GetLayerDefn();
    std::vector<std::string> names;
    for (int i = 0; i < defn.GetFieldCount(); ++i) names.emplace_back(defn.GetFieldDefn(i)->GetNameRef());
    NameCodeFields fields = detect_name_code_fields(names, spec.kind, spec.name_field, spec.code_field, spec.path);
    result.name_field = fields.name;
    result.code_field = fields.code;
    result.vintage = spec.vintage.empty() ? fields.vintage : spec.vintage;
    const int name_idx = defn.GetFieldIndex(fields.name.c_str());
    const int code_idx = fields.code.empty() ? -1 : defn.GetFieldIndex(fields.code.c_str());

    geo::Reprojector to_working(src.crs, store.working_crs());
    OGRLayer& out = store.layer(schema::k_boundaries);
    auto existing = existing_codes(out, spec.kind);
    const std::string file_name = std::filesystem::path(spec.path).filename().string();
    RunReport& report = result.report;
    std::set<std::string> codes_in_file;

    while (OGRFeatureUniquePtr f = next_feature(src, report.rows_read)) {
        ++report.rows_read;
        std::string name = field_text(*f, name_idx);
        std::string code = code_idx >= 0 ? field_text(*f, code_idx) : name;
        std::string raw = fmt::format("feature {} code '{}' name '{}'", f->GetFID(), code, name);
        auto reject = [&](const char* reason, std::string detail) {
            rejects.add(report, RejectedRow{file_name, f->GetFID(), reason, detail, raw});
        };
        if (!codes_in_file.insert(code).second) {
            reject("duplicate_code", fmt::format("code '{}' appears earlier in this layer; the first is kept", code));
            continue;
        }
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            reject("no_geometry", "feature has no geometry");
            continue;
        }
        OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
        if (type != wkbPolygon && type != wkbMultiPolygon) {
            reject("not_a_polygon", fmt::format("geometry is {}", g->getGeometryName()));
            continue;
        }
        geo::GeomPtr working = to_working_geos(geos, *g, to_working);
        if (!working) {
            reject("coordinates_out_of_range", "a vertex lies outside the working CRS's area of use");
            continue;
        }
        geo::PolygonRepair repair = geo::repair_polygonal(geos, working.get());
        if (!repair.geometry) {
            reject("invalid_polygon_unrepairable", fmt::format("invalid ({}) and nothing polygonal survived MakeValid", repair.reason));
            continue;
        }
        if (repair.repaired) {
            result.repairs.push_back({f->GetFID(), code, name, repair.reason, repair.area_before, repair.area_after});
            report.note("repaired_with_make_valid");
        }
        geo::GeomPtr multi = as_multipolygon(geos, std::move(repair.geometry));
        OGRFeature feature(out.GetLayerDefn());
        feature.SetField("kind", std::string(to_string(spec.kind)).c_str());
        feature.SetField("code", code.c_str());
        feature.SetField("name", name.c_str());
        if (!result.vintage.empty()) feature.SetField("vintage", result.vintage.c_str());
        feature.SetField("source_file", file_name.c_str());
        feature.SetField("source_fid", static_cast<GIntBig>(f->GetFID()));
        feature.SetField("repaired", repair.repaired ? 1 : 0);
        if (repair.repaired) feature.SetField("repair_note", repair.reason.c_str());
        feature.SetField("area_km2", repair.area_after / 1e6);
        std::string others = other_fields_json(*f, {name_idx, code_idx});
        if (!others.empty()) feature.SetField("attributes", others.c_str());
        feature.SetGeometryDirectly(to_ogr(geos, multi.get()).release());
        if (auto it = existing.find(code); it != existing.end()) {
            if (out.DeleteFeature(it->second) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot replace boundary {} ({})", store.path(), code, gdal_last_error()));
            existing.erase(it);
            ++result.replaced;
        }
        if (out.CreateFeature(&feature) != OGRERR_NONE)
            throw IoError(fmt::format("{}: feature {}: cannot store boundary in {} ({})", spec.path, f->GetFID(),
                                      store.path(), gdal_last_error()));
        existing[code] = feature.GetFID();
        ++report.kept;
    }
    return result;
}

} // namespace safermap::io
