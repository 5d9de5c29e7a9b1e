// SPDX-License-Identifier: MIT
#pragma once
// A basemap from a local raster (GeoTIFF, MBTiles, any GDAL raster): warped to the project's
// CRS and read as an RGBA image. Never a network call: remote paths are refused.

#include "render/camera.hpp"
#include "render/tessellate.hpp"

#include <string>
#include <vector>

namespace safermap::render {

struct Basemap {
    int width = 0, height = 0;
    std::vector<unsigned char> rgba; // top row first
    WorldBounds bounds;              // in the project CRS
};

// True when GDAL opens `path` as a raster (else it may be a vector basemap).
bool is_raster(const std::string& path);

// Lines of a local vector layer (roads, rivers, building outlines) within `area`, reprojected
// to `crs`, as line segments relative to the area's middle: a basemap drawn in grey.
// Throws IoError/CrsError naming the file.
Mesh read_vector_basemap(const std::string& path, const std::string& crs, const WorldBounds& area);

// Reads at most `max_px` pixels a side of the part of `path` within `area` (the whole raster
// when it lies inside). Throws IoError/CrsError/ConfigError naming the file.
Basemap read_basemap(const std::string& path, const std::string& crs, const WorldBounds& area, int max_px);

} // namespace safermap::render
