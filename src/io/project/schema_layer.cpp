// SPDX-License-Identifier: MIT
#include "io/project/schema_layer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/project/sql_dialect.hpp"

#include <fmt/format.h>

namespace safermap::io {

namespace {

void add_field(OGRLayer& layer, const schema::LayerDef& def, const schema::FieldDef& field, const std::string& path) {
    OGRFieldDefn fd(std::string(field.name).c_str(), field.type);
    if (layer.CreateField(&fd) != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot create field '{}.{}' ({})", path, def.name, field.name, gdal_last_error()));
}

} // namespace

OGRLayer& create_schema_layer(GDALDataset& ds, const schema::LayerDef& def, const OGRSpatialReference* srs,
                              const std::string& path) {
    std::string description = "DESCRIPTION=" + std::string(def.description);
    // PostgreSQL: 64-bit ids, as a GeoPackage's are (a national project outgrows 2^31 rows).
    const bool postgres = sql_dialect_of(ds) == SqlDialect::postgres;
    const char* options[] = {"GEOMETRY_NAME=geom", "FID=fid", description.c_str(), postgres ? "FID64=YES" : nullptr, nullptr};
    OGRLayer* layer = ds.CreateLayer(std::string(def.name).c_str(), def.geometry == wkbNone ? nullptr : const_cast<OGRSpatialReference*>(srs), def.geometry,
                                     const_cast<char**>(options));
    if (!layer) throw IoError(fmt::format("{}: cannot create layer '{}' ({})", path, def.name, gdal_last_error()));
    for (const auto& field : def.fields) add_field(*layer, def, field, path);
    return *layer;
}

OGRLayer& ensure_schema_layer(GDALDataset& ds, const schema::LayerDef& def, const OGRSpatialReference* srs,
                              const std::string& path) {
    OGRLayer* layer = ds.GetLayerByName(std::string(def.name).c_str());
    if (!layer) return create_schema_layer(ds, def, srs, path);
    for (const auto& field : def.fields) {
        if (layer->GetLayerDefn()->GetFieldIndex(std::string(field.name).c_str()) < 0) add_field(*layer, def, field, path);
    }
    return *layer;
}

} // namespace safermap::io
