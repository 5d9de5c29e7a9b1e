// SPDX-License-Identifier: MIT
#include "core/output_file.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>

namespace safermap {

std::string lower_extension(const std::string& path) {
    std::string e = std::filesystem::path(path).extension().string();
    for (auto& c : e) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return e;
}

bool is_layer_output(const std::string& path) { return lower_extension(path) == ".gpkg" || is_postgres_connection(path); }

bool is_geopackage(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return false;
    // SQLite's 100-byte header: the magic string, then the application_id at offset 68
    // (GeoPackage 1.2+: 0x47504B47, 'GPKG'). Older GeoPackages carry 'GP10'/'GP11'.
    std::array<char, 72> head{};
    in.read(head.data(), head.size());
    if (in.gcount() < 16 || std::memcmp(head.data(), "SQLite format 3", 16) != 0) return false;
    if (in.gcount() == static_cast<std::streamsize>(head.size())) {
        const std::string id(head.data() + 68, 4);
        if (id == "GPKG" || id == "GP10" || id == "GP11") return true;
    }
    return lower_extension(path) == ".gpkg";
}

void refuse_to_overwrite_geopackage(const std::string& path, const char* format) {
    if (!is_geopackage(path)) return;
    throw ConfigError(fmt::format("{} is a GeoPackage (a project, gazetteer or results file); writing {} over it would destroy it. "
                                  "Give a new file name, or a .gpkg output to add a layer to it",
                                  path, format));
}

ReplacementFile::ReplacementFile(std::string path, const char* format) : m_path(std::move(path)) {
    refuse_to_overwrite_geopackage(m_path, format);
    const std::filesystem::path target(m_path);
    // Same folder, so that the rename is atomic; the target's extension kept for GDAL drivers.
    m_temp = (target.parent_path() / fmt::format(".{}.{}.part{}", target.stem().string(), ::getpid(), target.extension().string()))
                 .string();
}

ReplacementFile::~ReplacementFile() {
    if (m_stream) std::fclose(m_stream);
    if (!m_committed) std::remove(m_temp.c_str());
}

std::FILE* ReplacementFile::stream() {
    if (!m_stream) {
        m_stream = std::fopen(m_temp.c_str(), "wb");
        if (!m_stream) throw IoError(fmt::format("{}: cannot write ({})", m_path, std::strerror(errno)));
    }
    return m_stream;
}

void ReplacementFile::commit() {
    if (m_stream) {
        const bool failed = std::ferror(m_stream) != 0;
        const bool closed = std::fclose(m_stream) == 0;
        m_stream = nullptr;
        if (failed || !closed) throw IoError(fmt::format("{}: write failed ({})", m_path, std::strerror(errno)));
    }
    if (std::rename(m_temp.c_str(), m_path.c_str()) != 0)
        throw IoError(fmt::format("{}: cannot move the finished file into place ({})", m_path, std::strerror(errno)));
    m_committed = true;
}

} // namespace safermap
