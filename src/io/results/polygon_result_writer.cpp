// SPDX-License-Identifier: MIT
#include "io/results/polygon_result_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/csv/rejects_writer.hpp"
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

namespace {

void write_csv(const std::string& path, const PolygonSet& p, const std::vector<PolygonColumn>& columns, const ResultMetadata& meta) {
    ReplacementFile file(path, "CSV");
    std::FILE* out = file.stream();
    std::string line = "code,name";
    for (const auto& c : columns) line += "," + c.name;
    fmt::print(out, "{}\n", line);
    for (std::size_t i = 0; i < p.code.size(); ++i) {
        line.clear();
        append_csv_field(line, p.code[i]);
        line.push_back(',');
        append_csv_field(line, p.name[i]);
        for (const auto& c : columns) line += fmt::format(",{}", c.values[i]);
        fmt::print(out, "{}\n", line);
    }
    write_metadata_json(path + ".json", meta);
    file.commit();
}

void write_gpkg(const std::string& path, const PolygonSet& p, const std::vector<PolygonColumn>& columns,
                const ResultMetadata& meta, const std::string& layer_name) {
    GpkgOutput out(path);
    OGRLayer* layer = &create_result_layer(out.dataset(), path, layer_name, p.crs, wkbMultiPolygon, meta);
    for (const char* name : {"code", "name"}) {
        OGRFieldDefn fd(name, OFTString);
        layer->CreateField(&fd);
    }
    for (const auto& c : columns) {
        OGRFieldDefn fd(c.name.c_str(), OFTReal);
        layer->CreateField(&fd);
    }
    for (std::size_t i = 0; i < p.code.size(); ++i) {
        OGRFeature f(layer->GetLayerDefn());
        f.SetField("code", p.code[i].c_str());
        f.SetField("name", p.name[i].c_str());
        for (std::size_t c = 0; c < columns.size(); ++c) f.SetField(static_cast<int>(c) + 2, columns[c].values[i]);
        std::unique_ptr<OGRGeometry> g = to_ogr(p.index->context(), p.index->polygon(i));
        f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiPolygon(g.release()));
        if (layer->CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write polygon {} ({})", path, p.code[i], gdal_last_error()));
    }
    out.commit();
}

} // namespace

std::vector<std::string> write_polygon_results(const std::string& path, const PolygonSet& polygons, const std::vector<PolygonColumn>& columns,
                           const ResultMetadata& metadata, const std::string& layer_name) {
    gdal_init();
    for (const auto& c : columns)
        if (c.values.size() != polygons.code.size()) throw Error(fmt::format("{}: column '{}' does not fit the polygons", path, c.name));
    const std::string ext = lower_extension(path);
    if (ext == ".csv") {
        write_csv(path, polygons, columns, metadata);
        return {path, path + ".json"};
    }
    if (is_layer_output(path)) {
        write_gpkg(path, polygons, columns, metadata, layer_name);
        return {path + " (layer " + layer_name + ")"};
    }
    throw ConfigError(fmt::format("{}: unknown output type '{}' for polygons (use .csv, or .gpkg or PG:... for layers)", path, ext));
}

} // namespace safermap::io
