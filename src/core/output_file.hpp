// SPDX-License-Identifier: MIT
#pragma once
// Writing a user's output without ever half-writing or destroying a file: every file is
// written under a temporary name beside its target and renamed into place only when complete,
// and a GeoPackage (a project above all) is never overwritten by another format.

#include <cstdio>
#include <string>

namespace safermap {

// The extension of `path` in lower case, with its dot (".csv"); "" when it has none. Output
// formats are chosen by it.
std::string lower_extension(const std::string& path);

// Whether results written to `path` go in as layers: a GeoPackage (.gpkg), or a PostGIS schema
// ("PG:...", results beside a project's tables).
bool is_layer_output(const std::string& path);

// True when `path` exists and is a GeoPackage (an SQLite file whose application_id is 'GPKG'
// or an SQLite file named .gpkg): a project, a gazetteer or an earlier results file.
bool is_geopackage(const std::string& path);

// Throws ConfigError when writing `path` as `format` (e.g. "CSV") would overwrite a
// GeoPackage: results go into a GeoPackage only as layers, through GDAL.
void refuse_to_overwrite_geopackage(const std::string& path, const char* format);

// A file written under a temporary name in the target's folder and renamed onto `path` by
// commit(). Until then the old file, if any, is untouched; destroying an uncommitted
// ReplacementFile removes the temporary file. Refuses (ConfigError) to replace a GeoPackage.
class ReplacementFile {
public:
    // `format` names what is written, for the refusal message ("CSV", "GeoTIFF", "JSON").
    ReplacementFile(std::string path, const char* format);
    ~ReplacementFile();
    ReplacementFile(const ReplacementFile&) = delete;
    ReplacementFile& operator=(const ReplacementFile&) = delete;

    // The temporary path, for writers that open files themselves (GDAL).
    const std::string& temp_path() const { return m_temp; }
    // A stdio stream on the temporary file, opened on first use. Throws IoError naming `path`.
    std::FILE* stream();
    // Flushes and closes the stream, checks for write errors, and renames the file into place.
    // Throws IoError naming `path`; the old file is then still there.
    void commit();

private:
    std::string m_path, m_temp;
    std::FILE* m_stream = nullptr;
    bool m_committed = false;
};

} // namespace safermap
