// SPDX-License-Identifier: MIT
#pragma once

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace safermap::io {

struct ProjectSettings {
    std::string name;                      // shown in titles; defaults to the file's stem
    std::string working_crs = "EPSG:27700"; // British National Grid
};

// A SaferMap project: one GeoPackage holding boundaries, incidents, CCTV sites,
// interventions, settings and the import log (see project_schema.hpp), written through
// GDAL/OGR's generic API only, so that another OGR data source (PostGIS) can hold a project.
class ProjectStore {
public:
    // Creates the file with every layer. Throws IoError if it exists or cannot be written,
    // CrsError if the working CRS is unknown.
    static ProjectStore create(const std::string& path, const ProjectSettings& settings);
    // Opens an existing project. Throws IoError (missing, not GDAL-readable) or SchemaError
    // (a layer is missing: not a SaferMap project; optional layers such as places may be).
    static ProjectStore open(const std::string& path, bool writable);

    ProjectStore(ProjectStore&&) noexcept = default;
    ProjectStore& operator=(ProjectStore&&) noexcept = default;
    ~ProjectStore();

    const std::string& path() const { return m_path; }
    const std::string& working_crs() const { return m_working_crs; }
    GDALDataset& dataset() { return *m_dataset; }

    // The named layer; throws SchemaError when the project lacks it.
    OGRLayer& layer(std::string_view name);

    std::optional<std::string> setting(const std::string& key);
    std::map<std::string, std::string> settings();
    void set_setting(const std::string& key, const std::string& value);

    // One transaction around a whole import: commit() makes it durable; destroying the store
    // (or calling rollback()) with a transaction open undoes everything since begin().
    void begin();
    void commit();
    void rollback();
    bool in_transaction() const { return m_in_transaction; }

    // Closes the dataset, flushing everything (GeoPackage's deferred spatial indexes included).
    void close();

private:
    ProjectStore(std::string path, GDALDatasetUniquePtr dataset);

    std::string m_path;
    GDALDatasetUniquePtr m_dataset;
    std::string m_working_crs;
    bool m_in_transaction = false;
};

} // namespace safermap::io
