// SPDX-License-Identifier: MIT
#include "io/gdal/gpkg_output.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

GDALDatasetUniquePtr open_or_create_gpkg(const std::string& path) {
    gdal_init();
    gdal_clear_error();
    GDALDatasetUniquePtr ds;
    if (std::filesystem::exists(path))
        ds.reset(static_cast<GDALDataset*>(GDALOpenEx(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, nullptr, nullptr, nullptr)));
    else if (GDALDriver* driver = GetGDALDriverManager()->GetDriverByName("GPKG"))
        ds.reset(driver->Create(path.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
    if (!ds) throw IoError(fmt::format("{}: cannot open or create GeoPackage ({})", path, gdal_last_error()));
    return ds;
}

std::unique_ptr<OGRSpatialReference> spatial_reference(const std::string& crs) {
    if (crs.empty() || crs == "none") return nullptr;
    auto srs = std::make_unique<OGRSpatialReference>();
    if (srs->SetFromUserInput(crs.c_str()) != OGRERR_NONE) throw CrsError(fmt::format("GDAL does not understand CRS '{}'", crs));
    srs->SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
    return srs;
}

} // namespace safermap::io
