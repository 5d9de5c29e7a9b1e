// SPDX-License-Identifier: MIT
#include "io/results/result_gpkg.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "core/output_file.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

namespace safermap::io {

GpkgOutput::GpkgOutput(std::string path) : m_path(std::move(path)) {
    gdal_init();
    gdal_clear_error();
    if (std::filesystem::exists(m_path)) {
        if (!is_geopackage(m_path))
            throw ConfigError(fmt::format("{} exists and is not a GeoPackage; results are added to a GeoPackage as layers, "
                                          "so give a new .gpkg name or an existing GeoPackage",
                                          m_path));
        m_ds.reset(static_cast<GDALDataset*>(GDALOpenEx(m_path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
        if (!m_ds) throw IoError(fmt::format("{}: cannot open GeoPackage for update ({})", m_path, gdal_last_error()));
        if (m_ds->StartTransaction() != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot start a transaction ({})", m_path, gdal_last_error()));
        return;
    }
    const std::filesystem::path target(m_path);
    m_temp = (target.parent_path() / fmt::format(".{}.{}.part.gpkg", target.stem().string(), ::getpid())).string();
    GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG");
    if (!driver) throw IoError("GDAL was built without the GeoPackage driver");
    m_ds.reset(driver->Create(m_temp.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!m_ds) throw IoError(fmt::format("{}: cannot create GeoPackage ({})", m_path, gdal_last_error()));
    if (m_ds->StartTransaction() != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot start a transaction ({})", m_path, gdal_last_error()));
}

GpkgOutput::~GpkgOutput() {
    if (m_committed) return;
    if (m_ds) {
        m_ds->RollbackTransaction();
        m_ds.reset();
    }
    if (!m_temp.empty()) std::filesystem::remove(m_temp);
}

void GpkgOutput::commit() {
    gdal_clear_error();
    if (m_ds->CommitTransaction() != OGRERR_NONE) throw IoError(fmt::format("{}: commit failed ({})", m_path, gdal_last_error()));
    m_ds.reset();
    if (CPLGetLastErrorType() >= CE_Failure) throw IoError(fmt::format("{}: close failed ({})", m_path, gdal_last_error()));
    if (!m_temp.empty()) {
        std::error_code ec;
        std::filesystem::rename(m_temp, m_path, ec);
        if (ec) throw IoError(fmt::format("{}: cannot move the finished file into place ({})", m_path, ec.message()));
    }
    m_committed = true;
}

OGRLayer& create_result_layer(GDALDataset& ds, const std::string& path, const std::string& layer_name, const std::string& crs,
                              OGRwkbGeometryType type, const ResultMetadata& metadata) {
    const char* options[] = {"OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid", nullptr};
    auto srs = spatial_reference(crs);
    OGRLayer* layer = ds.CreateLayer(layer_name.c_str(), srs.get(), type, const_cast<char**>(options));
    if (!layer) throw IoError(fmt::format("{}: cannot create layer '{}' ({})", path, layer_name, gdal_last_error()));
    for (const auto& [k, v] : metadata.items()) layer->SetMetadataItem(k.c_str(), metadata_text(v).c_str());
    return *layer;
}

} // namespace safermap::io
