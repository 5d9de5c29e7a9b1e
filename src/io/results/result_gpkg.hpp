// SPDX-License-Identifier: MIT
#pragma once
// Results written into a GeoPackage as layers, through GDAL: the project itself or a results file.

#include "core/result_metadata.hpp"
#include "io/gdal/gdal_env.hpp"

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

#include <optional>
#include <string>

namespace safermap::io {

// A GeoPackage that results are written into as layers, never half-written: an existing file
// (a project, or an earlier results file) is opened for update and everything is written in
// one transaction; a new file is created under a temporary name and renamed into place. Until
// commit() nothing is visible; destroying an uncommitted GpkgOutput rolls back or removes it.
// Refuses (ConfigError) a path that exists and is not a GeoPackage. A "PG:..." path is a
// schema of a PostGIS database (schemas=NAME, default safermap), which must exist: the layers
// become its tables, in one transaction as well, and messages name it with any password masked.
class GpkgOutput {
public:
    explicit GpkgOutput(std::string path);
    ~GpkgOutput();
    GpkgOutput(const GpkgOutput&) = delete;
    GpkgOutput& operator=(const GpkgOutput&) = delete;

    GDALDataset& dataset() { return *m_ds; }
    const std::string& path() const { return m_path; }
    // Throws IoError naming the file when the commit or the rename fails.
    void commit();

private:
    std::string m_path, m_temp; // m_temp is empty when the file existed
    GDALDatasetUniquePtr m_ds;
    std::optional<ScopedConfigOption> m_copy; // PostGIS: rows by COPY while the output is open
    bool m_committed = false;
};

// Creates (or replaces) a results layer with the parameters as layer metadata.
OGRLayer& create_result_layer(GDALDataset& ds, const std::string& path, const std::string& layer_name, const std::string& crs,
                              OGRwkbGeometryType type, const ResultMetadata& metadata);

} // namespace safermap::io
