// SPDX-License-Identifier: MIT
#include "io/results/surface_writer.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "core/output_file.hpp"
#include "io/results/result_gpkg.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <cmath>
#include <filesystem>

namespace safermap::io {

namespace {

// One GeoTIFF of bands of one type: Float32 with NoData for measurements, Int16 for classes.
void write_geotiff_file(const std::string& path, const analysis::GridSpec& g, const std::vector<const GridBand*>& bands,
                        const std::string& crs, const ResultMetadata& meta, bool classes) {
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GTiff");
    if (!driver) throw IoError("GDAL was built without the GeoTIFF driver");
    ReplacementFile file(path, "GeoTIFF");
    const char* options[] = {"COMPRESS=DEFLATE", classes ? "PREDICTOR=2" : "PREDICTOR=3", nullptr};
    const GDALDataType type = classes ? GDT_Int16 : GDT_Float32;
    const double nodata = classes ? k_class_nodata : k_float_nodata;
    gdal_clear_error();
    GDALDatasetUniquePtr ds(driver->Create(file.temp_path().c_str(), g.nx, g.ny, static_cast<int>(bands.size()), type,
                                           const_cast<char**>(options)));
    if (!ds) throw IoError(fmt::format("{}: cannot create GeoTIFF ({})", path, gdal_last_error()));
    double transform[6] = {g.min_x, g.cell_size_m, 0, g.max_y(), 0, -g.cell_size_m};
    ds->SetGeoTransform(transform);
    if (auto srs = spatial_reference(crs)) ds->SetSpatialRef(srs.get());
    for (const auto& [k, v] : meta.items()) ds->SetMetadataItem(k.c_str(), metadata_text(v).c_str());
    std::vector<double> row(static_cast<std::size_t>(g.nx));
    for (std::size_t b = 0; b < bands.size(); ++b) {
        GDALRasterBand* band = ds->GetRasterBand(static_cast<int>(b) + 1);
        band->SetDescription(bands[b]->name.c_str());
        band->SetNoDataValue(nodata);
        for (int line = 0; line < g.ny; ++line) {
            const int j = g.ny - 1 - line; // GeoTIFF rows run north to south
            for (int i = 0; i < g.nx; ++i) {
                const double v = bands[b]->values[static_cast<std::size_t>(j) * g.nx + i];
                row[static_cast<std::size_t>(i)] = std::isfinite(v) ? v : nodata;
            }
            if (band->RasterIO(GF_Write, 0, line, g.nx, 1, row.data(), g.nx, 1, GDT_Float64, 0, 0) != CE_None)
                throw IoError(fmt::format("{}: write failed at row {} ({})", path, line, gdal_last_error()));
        }
    }
    gdal_clear_error();
    ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError(fmt::format("{}: close failed ({})", path, gdal_last_error()));
    file.commit();
}

// Measurements in PATH as Float32; classes (Gi* bins, emerging categories) as Int16, in PATH
// itself when there is nothing else, or else beside it as STEM_<band>.tif.
std::vector<std::string> write_geotiff(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
                                       const std::string& crs, const ResultMetadata& meta) {
    std::vector<const GridBand*> values, classes;
    for (const auto& b : bands) (b.classes ? classes : values).push_back(&b);
    std::vector<std::string> written;
    if (values.empty()) {
        write_geotiff_file(path, g, classes, crs, meta, true);
        return {path};
    }
    write_geotiff_file(path, g, values, crs, meta, false);
    written.push_back(path);
    const std::filesystem::path p(path);
    for (const GridBand* c : classes) {
        const std::string side = (p.parent_path() / (p.stem().string() + "_" + c->name + p.extension().string())).string();
        write_geotiff_file(side, g, {c}, crs, meta, true);
        written.push_back(side);
    }
    return written;
}

void write_csv(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
               const ResultMetadata& meta) {
    ReplacementFile file(path, "CSV");
    std::FILE* out = file.stream();
    std::string line = "x,y";
    for (const auto& b : bands) line += "," + b.name;
    fmt::print(out, "{}\n", line);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            line = fmt::format("{},{}", g.centre_x(i), g.centre_y(j));
            for (const auto& b : bands) line += fmt::format(",{}", b.values[static_cast<std::size_t>(j) * g.nx + i]);
            fmt::print(out, "{}\n", line);
        }
    write_metadata_json(path + ".json", meta);
    file.commit();
}

// Cell centres as points with i, j and the bands, the cell size in the layer's metadata: a
// 500x500 grid is 250,000 small points that GIS can style as squares, not 250,000 polygons.
void write_gpkg(const std::string& path, const analysis::GridSpec& g, const std::vector<GridBand>& bands,
                const std::string& crs, const ResultMetadata& meta, const std::string& layer_name) {
    GpkgOutput out(path);
    ResultMetadata m = meta;
    m["geometry"] = "cell centres";
    m["cell_size_m"] = g.cell_size_m;
    m["origin_x"] = g.min_x;
    m["origin_y"] = g.min_y;
    m["nx"] = g.nx;
    m["ny"] = g.ny;
    OGRLayer* layer = &create_result_layer(out.dataset(), path, layer_name, crs, wkbPoint, m);
    for (const char* name : {"i", "j"}) {
        OGRFieldDefn fd(name, OFTInteger);
        layer->CreateField(&fd);
    }
    for (const auto& b : bands) {
        OGRFieldDefn field(b.name.c_str(), b.classes ? OFTInteger : OFTReal);
        if (b.classes) field.SetSubType(OFSTInt16);
        layer->CreateField(&field);
    }
    OGRFeature f(layer->GetLayerDefn());
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            f.SetFID(OGRNullFID);
            f.SetField("i", i);
            f.SetField("j", j);
            for (std::size_t b = 0; b < bands.size(); ++b) {
                const double v = bands[b].values[static_cast<std::size_t>(j) * g.nx + i];
                if (std::isfinite(v)) f.SetField(static_cast<int>(b) + 2, v);
                else f.SetFieldNull(static_cast<int>(b) + 2);
            }
            f.SetGeometryDirectly(new OGRPoint(g.centre_x(i), g.centre_y(j)));
            if (layer->CreateFeature(&f) != OGRERR_NONE)
                throw IoError(fmt::format("{}: cannot write cell {},{} ({})", path, i, j, gdal_last_error()));
        }
    out.commit();
}

} // namespace

void write_metadata_json(const std::string& path, const ResultMetadata& metadata) {
    ReplacementFile file(path, "JSON");
    fmt::print(file.stream(), "{}\n", metadata.dump(2));
    file.commit();
}

std::vector<std::string> write_grid(const std::string& path, const analysis::GridSpec& grid, const std::vector<GridBand>& bands,
                                    const std::string& crs, const ResultMetadata& metadata, const std::string& layer_name) {
    gdal_init();
    for (const auto& b : bands)
        if (b.values.size() != grid.cells()) throw Error(fmt::format("{}: band '{}' does not fit the grid", path, b.name));
    const std::string ext = lower_extension(path);
    if (ext == ".tif" || ext == ".tiff") return write_geotiff(path, grid, bands, crs, metadata);
    if (ext == ".csv") {
        write_csv(path, grid, bands, metadata);
        return {path, path + ".json"};
    }
    if (is_layer_output(path)) {
        write_gpkg(path, grid, bands, crs, metadata, layer_name);
        return {path + " (layer " + layer_name + ")"};
    }
    throw ConfigError(fmt::format("{}: unknown output type '{}' (use .tif, .csv, or .gpkg or PG:... for layers)", path, ext));
}

std::vector<std::string> write_surface(const std::string& path, const analysis::Surface& surface, const std::string& crs,
                                       const ResultMetadata& metadata, const std::string& layer_name) {
    return write_grid(path, surface.grid, {{"value", surface.values}}, crs, metadata, layer_name);
}

} // namespace safermap::io
