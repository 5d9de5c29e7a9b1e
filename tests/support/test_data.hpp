// SPDX-License-Identifier: MIT
#pragma once

#include "io/project/import_job.hpp"

#include <filesystem>
#include <string>

namespace safermap::test {

// Absolute path of a fixture under tests/data (PDAL's Support::datapath).
std::string test_data(const std::string& relative);

// Absolute path of a file in the source tree (shapefiles/, assets/).
std::string source_file(const std::string& relative);

// A fresh, empty directory for one test, removed when the object goes away.
class TempDir {
public:
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string file(const std::string& name) const { return (m_path / name).string(); }

private:
    std::filesystem::path m_path;
};

// An import request into `dir`/p.gpkg, with its rejects written to `dir`/r.csv.
io::ImportRequest request_in(const TempDir& dir);

// The same, importing `csv`: rows keyed by its `ref` column, placed by `easting`/`northing` in
// EPSG:27700 and dated by `date`.
io::ImportRequest bng_points_request(const TempDir& dir, const std::string& csv);

} // namespace safermap::test
