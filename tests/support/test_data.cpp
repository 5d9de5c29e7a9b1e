// SPDX-License-Identifier: MIT
#include "support/test_data.hpp"

#include <atomic>
#include <unistd.h>

namespace safermap::test {

std::string test_data(const std::string& relative) { return std::string(SAFERMAP_TEST_DATA) + "/" + relative; }

std::string source_file(const std::string& relative) { return std::string(SAFERMAP_SOURCE_DIR) + "/" + relative; }

TempDir::TempDir() {
    static std::atomic<int> counter{0};
    m_path = std::filesystem::temp_directory_path() /
             ("safermap-test-" + std::to_string(getpid()) + "-" + std::to_string(counter++));
    std::filesystem::remove_all(m_path);
    std::filesystem::create_directories(m_path);
}

TempDir::~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(m_path, ec);
}

io::ImportRequest request_in(const TempDir& dir) {
    io::ImportRequest r;
    r.project = dir.file("p.gpkg");
    r.rejects_path = dir.file("r.csv");
    return r;
}

io::ImportRequest bng_points_request(const TempDir& dir, const std::string& csv) {
    io::ImportRequest r = request_in(dir);
    r.incident_files = {csv};
    r.columns.id = "ref";
    r.columns.x = "easting";
    r.columns.y = "northing";
    r.columns.crs = "EPSG:27700";
    r.columns.date = "date";
    return r;
}

} // namespace safermap::test
