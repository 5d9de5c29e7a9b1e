// SPDX-License-Identifier: MIT
#include "io/features/point_csv.hpp"

#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <filesystem>

namespace safermap::io {

namespace {
std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}
} // namespace

bool is_csv_path(const std::string& path) {
    std::string name = lower(std::filesystem::path(path).filename().string());
    auto ends = [&](std::string_view e) { return name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0; };
    return ends(".csv") || ends(".csv.gz");
}

VectorOpenOptions point_csv_open_options(const std::string& path, const std::string& crs_override, std::string& crs_note) {
    VectorOpenOptions options;
    options.crs_override = crs_override;
    if (!is_csv_path(path)) return options;
    CsvReader reader(path);
    CsvRecord header;
    if (!reader.next(header)) throw SchemaError(fmt::format("{}: empty file (no header row)", path));
    auto has = [&](std::string_view name) {
        return std::any_of(header.fields.begin(), header.fields.end(), [&](const std::string& f) { return lower(f) == name; });
    };
    struct Pair { const char* x; const char* y; const char* crs; };
    static constexpr Pair k_pairs[] = {{"lon", "lat", "EPSG:4326"},         {"longitude", "latitude", "EPSG:4326"},
                                       {"long", "lat", "EPSG:4326"},        {"easting", "northing", "EPSG:27700"},
                                       {"eastings", "northings", "EPSG:27700"}, {"x", "y", ""}};
    for (const auto& p : k_pairs) {
        if (!has(p.x) || !has(p.y)) continue;
        options.gdal_open_options = {fmt::format("X_POSSIBLE_NAMES={}", p.x), fmt::format("Y_POSSIBLE_NAMES={}", p.y),
                                     "KEEP_GEOM_COLUMNS=NO"};
        if (crs_override.empty()) {
            if (!*p.crs)
                throw ConfigError(fmt::format("{}: coordinates are in columns x/y; say which CRS with --crs", path));
            options.crs_override = p.crs;
            crs_note = fmt::format("{}: CRS {} assumed from the column names {}/{}", path, p.crs, p.x, p.y);
        }
        return options;
    }
    throw SchemaError(fmt::format("{}: no coordinate columns (lon/lat, longitude/latitude, easting/northing or x/y)", path));
}

} // namespace safermap::io
