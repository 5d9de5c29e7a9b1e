// SPDX-License-Identifier: MIT
#include "io/results/surface_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <nlohmann/json.hpp>
#include <ogrsf_frmts.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>

namespace safermap::io {

namespace {

std::string extension(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

void write_geotiff(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
                   const std::string& crs, const ResultMetadata& meta) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw IoError("GDAL was built without the GeoTIFF driver");
    const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", nullptr};
    gdal_clear_error();
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), g.nx, g.ny, static_cast<int>(bands.size()), GDT_Float64,
                                           const_cast<char**>(options)));
    if (!ds) throw IoError(fmt::format("{}: cannot create GeoTIFF ({})", path, gdal_last_error()));
    double transform[6] = {g.min_x, g.cell_size_m, 0, g.max_y(), 0, -g.cell_size_m};
    ds->SetGeoTransform(transform);
    if (auto srs = spatial_reference(crs)) ds->SetSpatialRef(srs.get());
    for (const auto& [k, v] : meta) ds->SetMetadataItem(k.c_str(), v.c_str());
    std::vector<double> row(static_cast<std::size_t>(g.nx));
    for (std::size_t b = 0; b < bands.size(); ++b) {
        GDALRasterBand* band = ds->GetRasterBand(static_cast<int>(b) + 1);
        band->SetDescription(bands[b].name.c_str());
        for (int line = 0; line < g.ny; ++line) {
            const int j = g.ny - 1 - line; // GeoTIFF rows run north to south
            for (int i = 0; i < g.nx; ++i) row[static_cast<std::size_t>(i)] = bands[b].values[static_cast<std::size_t>(j) * g.nx + i];
            if (band->RasterIO(GF_Write, 0, line, g.nx, 1, row.data(), g.nx, 1, GDT_Float64, 0, 0) != CE_None)
                throw IoError(fmt::format("{}: write failed at row {} ({})", path, line, gdal_last_error()));
        }
    }
    gdal_clear_error();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError(fmt::format("{}: close failed ({})", path, gdal_last_error()));
}

void write_csv(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
               const ResultMetadata& meta) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!out) throw IoError(fmt::format("{}: cannot write", path));
    std::string line = "x,y";
    for (const auto& b : bands) line += "," + b.name;
    fmt::print(out.get(), "{}\n", line);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            line = fmt::format("{},{}", g.centre_x(i), g.centre_y(j));
            for (const auto& b : bands) line += fmt::format(",{}", b.values[static_cast<std::size_t>(j) * g.nx + i]);
            fmt::print(out.get(), "{}\n", line);
        }
    if (std::ferror(out.get())) throw IoError(fmt::format("{}: write failed", path));
    write_metadata_json(path + ".json", meta);
}

void write_gpkg(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
                const std::string& crs, const ResultMetadata& meta, const std::string& layer_name) {
    GDALDatasetUniquePtr ds = open_or_create_gpkg(path);
    OGRLayer* layer = &create_result_layer(*ds, path, layer_name, crs, wkbPolygon, meta);
    for (const char* name : {"i", "j"}) {
        OGRFieldDefn fd(name, OFTInteger);
        layer->CreateField(&fd);
    }
    for (const auto& b : bands) {
        OGRFieldDefn field(b.name.c_str(), OFTReal);
        layer->CreateField(&field);
    }
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: cannot start a transaction", path));
    OGRFeature f(layer->GetLayerDefn());
    const double c = g.cell_size_m;
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double x0 = g.min_x + i * c, y0 = g.min_y + j * c;
            auto ring = std::make_unique<OGRLinearRing>();
            ring->addPoint(x0, y0);
            ring->addPoint(x0 + c, y0);
            ring->addPoint(x0 + c, y0 + c);
            ring->addPoint(x0, y0 + c);
            ring->addPoint(x0, y0);
            auto polygon = std::make_unique<OGRPolygon>();
            polygon->addRingDirectly(ring.release());
            f.SetFID(OGRNullFID);
            f.SetField("i", i);
            f.SetField("j", j);
            for (std::size_t b = 0; b < bands.size(); ++b)
                f.SetField(static_cast<int>(b) + 2, bands[b].values[static_cast<std::size_t>(j) * g.nx + i]);
            f.SetGeometryDirectly(polygon.release());
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot write cell {},{} ({})", path, i, j, gdal_last_error()));
        }
    if (ds->CommitTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: commit failed ({})", path, gdal_last_error()));
}

} // namespace

void write_metadata_json(const std::string& path, const ResultMetadata& metadata) {
    std::ofstream out(path);
    if (!out) throw IoError(fmt::format("{}: cannot write", path));
    out << nlohmann::json(metadata).dump(2) << "\n";
    if (!out) throw IoError(fmt::format("{}: write failed", path));
}

void write_grid(const std::string& path, const analysis::GridSpec& grid, const std::vector<GridBand>& bands,
                const std::string& crs, const ResultMetadata& metadata, const std::string& layer_name) {
    gdal_init();
    for (const auto& b : bands)
        if (b.values.size() != grid.cells()) throw Error(fmt::format("{}: band '{}' does not fit the grid", path, b.name));
    const std::string ext = extension(path);
    if (ext == ".tif" || ext == ".tiff") return write_geotiff(path, grid, bands, crs, metadata);
    if (ext == ".csv") return write_csv(path, grid, bands, metadata);
    if (ext == ".gpkg") return write_gpkg(path, grid, bands, crs, metadata, layer_name);
    throw ConfigError(fmt::format("{}: unknown output type '{}' (use .tif, .csv or .gpkg)", path, ext));
}

void write_surface(const std::string& path, const analysis::Surface& surface, const std::string& crs,
                   const ResultMetadata& metadata, const std::string& layer_name) {
    write_grid(path, surface.grid, {{"value", surface.values}}, crs, metadata, layer_name);
}

} // namespace safermap::io
