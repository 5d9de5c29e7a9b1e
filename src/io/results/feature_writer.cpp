// SPDX-License-Identifier: MIT
#include "io/results/feature_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "core/output_file.hpp"
#include "io/results/result_gpkg.hpp"
#include "io/results/surface_writer.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace safermap::io {

std::vector<std::string> write_features_gpkg(const std::string& path, const std::string& layer_name, const std::string& crs,
                         const geo::GeosContext& ctx, const std::vector<const GEOSGeometry*>& geometries,
                         const std::vector<GridBand>& columns, const ResultMetadata& metadata) {
    gdal_init();
    for (const auto& c : columns)
        if (c.values.size() != geometries.size()) throw Error(fmt::format("{}: column '{}' does not fit the features", path, c.name));
    GpkgOutput out(path);
    OGRLayer* layer = &create_result_layer(out.dataset(), path, layer_name, crs, wkbUnknown, metadata);
    for (const auto& c : columns) {
        OGRFieldDefn fd(c.name.c_str(), OFTReal);
        layer->CreateField(&fd);
    }
    for (std::size_t i = 0; i < geometries.size(); ++i) {
        OGRFeature f(layer->GetLayerDefn());
        for (std::size_t c = 0; c < columns.size(); ++c) f.SetField(static_cast<int>(c), columns[c].values[i]);
        if (geometries[i]) f.SetGeometryDirectly(to_ogr(ctx, geometries[i]).release());
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write feature {} ({})", path, i, gdal_last_error()));
    }
    out.commit();
    return {path + " (layer " + layer_name + ")"};
}

std::vector<std::string> write_points_csv(const std::string& path, const std::vector<double>& x, const std::vector<double>& y,
                      const std::vector<GridBand>& columns, const ResultMetadata& metadata) {
    ReplacementFile file(path, "CSV");
    std::FILE* out = file.stream();
    std::string line = "x,y";
    for (const auto& c : columns) line += "," + c.name;
    fmt::print(out, "{}\n", line);
    for (std::size_t i = 0; i < x.size(); ++i) {
        line = fmt::format("{},{}", x[i], y[i]);
        for (const auto& c : columns) line += fmt::format(",{}", c.values[i]);
        fmt::print(out, "{}\n", line);
    }
    write_metadata_json(path + ".json", metadata);
    file.commit();
    return {path, path + ".json"};
}

} // namespace safermap::io
