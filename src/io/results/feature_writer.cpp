// SPDX-License-Identifier: MIT
#include "io/results/feature_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace safermap::io {

void write_features_gpkg(const std::string& path, const std::string& layer_name, const std::string& crs,
                         const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& geometries,
                         const std::vector<GridBand>& columns, const ResultMetadata& metadata) {
    gdal_init();
    for (const auto& c : columns)
        if (c.values.size() != geometries.size()) throw Error(fmt::format("{}: column '{}' does not fit the features", path, c.name));
    GDALDatasetUniquePtr ds = open_or_create_gpkg(path);
    OGRLayer* layer = &create_result_layer(*ds, path, layer_name, crs, wkbUnknown, metadata);
    for (const auto& c : columns) {
        OGRFieldDefn fd(c.name.c_str(), OFTReal);
        layer->CreateField(&fd);
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: cannot start a transaction", path));
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        OGRFeature f(layer->GetLayerDefn());
        for (std::size_t c = 0; c < columns.size(); ++c) f.SetField(static_cast<int>(c), columns[c].values[i]);
        if (geometries[i]) f.SetGeometryDirectly(to_ogr(ctx, geometries[i]).release());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write feature {} ({})", path, i, gdal_last_error()));
    }
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: commit failed ({})", path, gdal_last_error()));
}

void write_points_csv(const std::string& path, const std::vector<double>& x, const std::vector<double>& y,
                      const std::vector<GridBand>& columns, const ResultMetadata& metadata) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!out) throw IoError(fmt::format("{}: cannot write", path));
    std::string line = "x,y";
    for (const auto& c : columns) line += "," + c.name;
    fmt::print(out.get(), "{}\n", line);
    for (std::size_t i = 0; i < x.size(); ++i) {
        line = fmt::format("{},{}", x[i], y[i]);
        for (const auto& c : columns) line += fmt::format(",{}", c.values[i]);
        fmt::print(out.get(), "{}\n", line);
    }
    if (std::ferror(out.get())) throw IoError(fmt::format("{}: write failed", path));
    write_metadata_json(path + ".json", metadata);
}

} // namespace safermap::io
