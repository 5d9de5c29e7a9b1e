// SPDX-License-Identifier: MIT
#include "io/features/feature_import.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "geo/make_valid.hpp"
#include "geo/reprojector.hpp"
#include "io/csv/field_aliases.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/features/point_csv.hpp"
#include "io/gdal/vector_source.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace safermap::io {

NumberField read_number(const std::string& text, double lo, double hi, const char* what, const char* reason) {
    if (text.empty()) return {};
    auto v = parse_number(text);
    if (!v || *v < lo || *v > hi)
        return {std::nullopt, Rejection{reason, fmt::format("{} '{}' is not a number from {} to {}", what, text, lo, hi)}};
    return {v, std::nullopt};
}

DateField read_date(const std::string& text, const char* what) {
    if (text.empty()) return {};
    auto d = parse_date(text);
    if (!d) return {"", Rejection{"bad_date", fmt::format("{} '{}' is not a date SaferMap reads", what, text)}};
    return {d->iso, std::nullopt};
}

void set_id_and_illustrative(const OGRFeature& in, OGRFeature& out, const char* id_field, int id_index,
                             int illustrative_index, RunReport& report) {
    std::string id = field_text(in, id_index);
    out.SetField(id_field, (id.empty() ? std::to_string(in.GetFID()) : id).c_str());
    bool illustrative = is_truthy(field_text(in, illustrative_index));
    out.SetField("illustrative", illustrative ? 1 : 0);
    if (illustrative) report.note("illustrative");
}

bool is_truthy(const std::string& text) {
    std::string t = text;
    for (auto& c : t) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return t == "1" || t == "true" || t == "yes" || t == "y";
}

FeatureImportResult import_features(ProjectStore& store, std::string_view target_layer, const std::string& path,
                                    const std::string& crs_override, bool points_only, Rejects& rejects,
                                    const geo::GeosContext& geos, const FillFeature& fill) {
    FeatureImportResult result;
    result.path = path;
    std::string note;
    VectorSource src = open_vector(path, point_csv_open_options(path, crs_override, note));
    if (!note.empty()) result.messages.push_back(note);
    result.source_crs = src.crs;
    geo::Reprojector to_working(src.crs, store.working_crs());
    OGRLayer& out = store.layer(target_layer);
    const std::string file_name = std::filesystem::path(path).filename().string();
    RunReport& report = result.report;
    // CSV feature ids count data rows from 1; the file line is one more (the header).
    const long long line_offset = is_csv_path(path) ? 1 : 0;

    while (OGRFeatureUniquePtr f = next_feature(src, report.rows_read)) {
        ++report.rows_read;
        const long long where = f->GetFID() + line_offset;
        std::string raw = fmt::format("feature {}", f->GetFID());
        auto reject = [&](const Rejection& why) { rejects.add(report, RejectedRow{file_name, where, why.reason, why.detail, raw}); };
        const OGRGeometry* g = f->GetGeometryRef();
        if (!g || g->IsEmpty()) {
            reject({"no_location", "no geometry (blank coordinates?)"});
            continue;
        }
        OGRwkbGeometryType type = wkbFlatten(g->getGeometryType());
        if (points_only && type != wkbPoint) {
            reject({"not_a_point", fmt::format("geometry is {}", g->getGeometryName())});
            continue;
        }
        geo::GeomPtr working = to_working_geos(geos, *g, to_working);
        if (!working) {
            reject({"coordinates_out_of_range", "a vertex lies outside the working CRS's area of use"});
            continue;
        }
        if (type == wkbPolygon || type == wkbMultiPolygon) {
            geo::PolygonRepair repair = geo::repair_polygonal(geos, working.get());
            if (!repair.geometry) {
                reject({"invalid_polygon_unrepairable", repair.reason});
                continue;
            }
            if (repair.repaired) report.note("repaired_with_make_valid");
            working = std::move(repair.geometry);
        }
        OGRFeature feature(out.GetLayerDefn());
        if (auto why = fill(*f, feature, report)) {
            reject(*why);
            continue;
        }
        feature.SetField("source_file", file_name.c_str());
        feature.SetGeometryDirectly(to_ogr(geos, working.get()).release());
        if (out.CreateFeature(&feature) != OGRERR_NONE)
            throw IoError(fmt::format("{}: feature {}: cannot store in {} ({})", path, f->GetFID(), store.path(), gdal_last_error()));
        ++report.kept;
    }
    return result;
}

} // namespace safermap::io
