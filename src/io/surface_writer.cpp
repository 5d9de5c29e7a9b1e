// SPDX-License-Identifier: MIT
#include "io/surface_writer.hpp"

#include "core/error.hpp"
#include "io/gdal_env.hpp"

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

std::unique_ptr<OGRSpatialReference> srs_for(const std::string& crs) {
    if (crs.empty() || crs == "none") return nullptr;
    auto srs = std::make_unique<OGRSpatialReference>();
    if (srs->SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw CrsError(fmt::format("GDAL does not understand CRS '{}'", crs));
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

void write_geotiff(const std::string& path, const analysis::Surface& s, const std::string& crs, const ResultMetadata& meta) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw IoError("GDAL was built without the GeoTIFF driver");
    const char* options[] = {"COMPRESS=DEFLATE", "PREDICTOR=3", nullptr};
    gdal_clear_error();
    GDALDatasetUniquePtr ds(driver->Create(path.c_str(), s.grid.nx, s.grid.ny, 1, GDT_Float64, const_cast<char**>(options)));
    if (!ds) throw IoError(fmt::format("{}: cannot create GeoTIFF ({})", path, gdal_last_error()));
    double transform[6] = {s.grid.min_x, s.grid.cell_size_m, 0, s.grid.max_y(), 0, -s.grid.cell_size_m};
    ds->SetGeoTransform(transform);
    if (auto srs = srs_for(crs)) ds->SetSpatialRef(srs.get());
    for (const auto& [k, v] : meta) ds->SetMetadataItem(k.c_str(), v.c_str());
    GDALRasterBand* band = ds->GetRasterBand(1);
    std::vector<double> row(static_cast<std::size_t>(s.grid.nx));
    for (int line = 0; line < s.grid.ny; ++line) {
        const int j = s.grid.ny - 1 - line; // GeoTIFF rows run north to south
        for (int i = 0; i < s.grid.nx; ++i) row[static_cast<std::size_t>(i)] = s.at(i, j);
        if (band->RasterIO(GF_Write, 0, line, s.grid.nx, 1, row.data(), s.grid.nx, 1, GDT_Float64, 0, 0) != CE_None)
            throw IoError(fmt::format("{}: write failed at row {} ({})", path, line, gdal_last_error()));
    }
    gdal_clear_error();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError(fmt::format("{}: close failed ({})", path, gdal_last_error()));
}

void write_csv(const std::string& path, const analysis::Surface& s, const ResultMetadata& meta) {
    std::unique_ptr<std::FILE, decltype(&std::fclose)> out(std::fopen(path.c_str(), "wb"), &std::fclose);
    if (!out) throw IoError(fmt::format("{}: cannot write", path));
    std::fputs("x,y,value\n", out.get());
    for (int j = 0; j < s.grid.ny; ++j)
        for (int i = 0; i < s.grid.nx; ++i)
            fmt::print(out.get(), "{},{},{}\n", s.grid.centre_x(i), s.grid.centre_y(j), s.at(i, j));
    if (std::ferror(out.get())) throw IoError(fmt::format("{}: write failed", path));
    write_metadata_json(path + ".json", meta);
}

void write_gpkg(const std::string& path, const analysis::Surface& s, const std::string& crs, const ResultMetadata& meta,
                const std::string& layer_name) {
    gdal_clear_error();
    GDALDatasetUniquePtr ds;
    if (std::filesystem::exists(path)) {
        ds.reset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    } else if (GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG")) {
        ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    }
    if (!ds) throw IoError(fmt::format("{}: cannot open or create GeoPackage ({})", path, gdal_last_error()));
    const char* options[] = {"OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid", nullptr};
    auto srs = srs_for(crs);
    OGRLayer* layer = ds->CreateLayer(layer_name.c_str(), srs.get(), wkbPolygon, const_cast<char**>(options));
    if (!layer) throw IoError(fmt::format("{}: cannot create layer '{}' ({})", path, layer_name, gdal_last_error()));
    for (const char* name : {"i", "j"}) {
        OGRFieldDefn fd(name, OFTInteger);
        layer->CreateField(&fd);
    }
    OGRFieldDefn value("value", OFTReal);
    layer->CreateField(&value);
    for (const auto& [k, v] : meta) layer->SetMetadataItem(k.c_str(), v.c_str());
    if (ds->StartTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: cannot start a transaction", path));
    OGRFeature f(layer->GetLayerDefn());
    const double c = s.grid.cell_size_m;
    for (int j = 0; j < s.grid.ny; ++j)
        for (int i = 0; i < s.grid.nx; ++i) {
            const double x0 = s.grid.min_x + i * c, y0 = s.grid.min_y + j * c;
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
            f.SetField("value", s.at(i, j));
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

void write_surface(const std::string& path, const analysis::Surface& surface, const std::string& crs,
                   const ResultMetadata& metadata, const std::string& layer_name) {
    gdal_init();
    const std::string ext = extension(path);
    if (ext == ".tif" || ext == ".tiff") return write_geotiff(path, surface, crs, metadata);
    if (ext == ".csv") return write_csv(path, surface, metadata);
    if (ext == ".gpkg") return write_gpkg(path, surface, crs, metadata, layer_name);
    throw ConfigError(fmt::format("{}: unknown output type '{}' (use .tif, .csv or .gpkg)", path, ext));
}

} // namespace safermap::io
