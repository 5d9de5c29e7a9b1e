// SPDX-License-Identifier: MIT
#include "io/results/result_gpkg.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/gdal/layer_metadata.hpp"
#include "core/credentials.hpp"
#include "core/output_file.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/postgres_database.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>
#include <vector>

namespace safermap::io {

GpkgOutput::GpkgOutput(std::string path) : m_path(std::move(path)) {
    gdal_init();
    gdal_clear_error();
    if (is_postgres_connection(m_path)) {
        // A PostGIS schema: the layers go in as tables, in one transaction, rows by COPY.
        const ProjectLocation location = parse_project_location(m_path);
        m_path = location.display;
        m_ds = open_postgres(location, true);
        if (!has_schema(*m_ds, location))
            throw ConfigError(fmt::format("{}: the database has no schema '{}'; results go into an existing project's schema "
                                          "(schemas=NAME in the string)",
                                          m_path, location.schema));
        m_copy.emplace("PG_USE_COPY", "YES");
        if (m_ds->StartTransaction() != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot start a transaction ({})", m_path, gdal_last_error()));
        return;
    }
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

namespace {

// Whether `ds` is a SaferMap project: results may be added to one, beside its own layers.
bool is_project(GDALDataset& ds) {
    return ds.GetLayerByName(std::string(schema::k_settings).c_str()) && ds.GetLayerByName(std::string(schema::k_incidents).c_str());
}

bool is_project_layer(const std::string& name) {
    for (const auto& def : schema::layers())
        if (def.name == name) return true;
    return is_incident_partition(name);
}

} // namespace

OGRLayer& create_result_layer(GDALDataset& ds, const std::string& path, const std::string& layer_name, const std::string& crs,
                              OGRwkbGeometryType type, const ResultMetadata& metadata) {
    // OVERWRITE below would replace the project's own data with the results.
    if (is_project_layer(layer_name) && is_project(ds))
        throw ConfigError(fmt::format("{}: '{}' is one of the project's own layers; give the results a layer name of their own (--layer)",
                                      path, layer_name));
    std::vector<std::string> texts{"OVERWRITE=YES", "GEOMETRY_NAME=geom", "FID=fid"};
    for (auto& option : metadata_creation_options(ds, metadata)) texts.push_back(std::move(option));
    std::vector<char*> options;
    for (auto& t : texts) options.push_back(t.data());
    options.push_back(nullptr);
    auto srs = spatial_reference(crs);
    OGRLayer* layer = ds.CreateLayer(layer_name.c_str(), srs.get(), type, options.data());
    if (!layer) throw IoError(fmt::format("{}: cannot create layer '{}' ({})", path, layer_name, gdal_last_error()));
    set_layer_metadata(ds, *layer, metadata);
    return *layer;
}

} // namespace safermap::io
