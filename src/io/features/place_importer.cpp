// SPDX-License-Identifier: MIT
#include "io/features/place_importer.hpp"

#include "core/error.hpp"
#include "io/features/naptan_places.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/schema_layer.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

namespace {

// FIDs of the places already stored, by code.
std::map<std::string, GIntBig> existing_codes(OGRLayer& layer) {
    std::map<std::string, GIntBig> out;
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
    for (auto& f : layer) out[f->GetFieldAsString("code")] = f->GetFID();
    return out;
}

std::string joined(const std::vector<std::string>& parts) {
    std::string out;
    for (const auto& p : parts) out += (out.empty() ? "" : "; ") + p;
    return out;
}

std::string multipoint_wkt(const std::vector<XY>& points) {
    OGRMultiPoint mp;
    for (const auto& p : points) mp.addGeometryDirectly(new OGRPoint(p.x, p.y));
    return mp.exportToWkt();
}

} // namespace

PlaceImportResult import_places(ProjectStore& store, const std::string& path, Rejects& rejects) {
    if (store.working_crs() != "EPSG:27700")
        throw ConfigError(fmt::format("{}: working CRS is {}; NaPTAN places are made in British National Grid (EPSG:27700)",
                                      store.path(), store.working_crs()));
    PlaceImportResult result;
    result.path = path;
    const std::vector<Place> places = group_places(read_naptan_stops(path, rejects, result.report));
    auto srs = spatial_reference(store.working_crs());
    OGRLayer& out = ensure_schema_layer(store.dataset(), schema::layer(schema::k_places), srs.get(), store.path());
    auto existing = existing_codes(out);
    const std::string file_name = std::filesystem::path(path).filename().string();
    for (const Place& p : places) {
        OGRFeature feature(out.GetLayerDefn());
        feature.SetField("code", p.code.c_str());
        feature.SetField("name", p.name.c_str());
        feature.SetField("parent", p.parent.c_str());
        feature.SetField("kind", p.kind.c_str());
        feature.SetField("rank", p.rank);
        feature.SetField("stops", static_cast<int>(p.stops.size()));
        feature.SetField("radius_m", p.radius_m);
        feature.SetField("min_x", p.min_x);
        feature.SetField("min_y", p.min_y);
        feature.SetField("max_x", p.max_x);
        feature.SetField("max_y", p.max_y);
        feature.SetField("streets", joined(p.streets).c_str());
        feature.SetField("stop_points", multipoint_wkt(p.stops).c_str());
        feature.SetField("source_file", file_name.c_str());
        feature.SetGeometryDirectly(new OGRPoint(p.centre.x, p.centre.y));
        if (auto it = existing.find(p.code); it != existing.end()) {
            if (out.DeleteFeature(it->second) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot replace place {} ({})", store.path(), p.code, gdal_last_error()));
            existing.erase(it);
            ++result.replaced;
        }
        if (out.CreateFeature(&feature) != OGRERR_NONE)
            throw IoError(fmt::format("{}: place {} '{}': cannot store in {} ({})", path, p.code, p.name, store.path(),
                                      gdal_last_error()));
        existing[p.code] = feature.GetFID();
        ++result.places;
        ++result.places_by_kind[p.kind];
    }
    return result;
}

} // namespace safermap::io
