// SPDX-License-Identifier: MIT
#include "render/basemap.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/gpkg_output.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <gdalwarper.h>

#include <algorithm>
#include <cmath>

namespace safermap::render {

bool is_raster(const std::string& path) {
    io::gdal_init();
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    return ds && ds->GetRasterCount() > 0;
}

namespace {

void add_line(const OGRGeometry& g, Mesh& m) {
    switch (wkbFlatten(g.getGeometryType())) {
    case wkbLineString:
    case wkbLinearRing: {
        const OGRLineString& ls = *g.toLineString();
        const auto first = static_cast<std::uint32_t>(m.xy.size() / 2);
        for (int i = 0; i < ls.getNumPoints(); ++i) {
            m.xy.push_back(static_cast<float>(ls.getX(i) - m.origin.x));
            m.xy.push_back(static_cast<float>(ls.getY(i) - m.origin.y));
        }
        for (int i = 0; i + 1 < ls.getNumPoints(); ++i) {
            m.indices.push_back(first + static_cast<std::uint32_t>(i));
            m.indices.push_back(first + static_cast<std::uint32_t>(i) + 1);
            m.owner.push_back(0);
        }
        break;
    }
    case wkbPolygon:
        for (const auto* ring : *g.toPolygon()) add_line(*ring, m);
        break;
    case wkbMultiLineString:
    case wkbMultiPolygon:
    case wkbGeometryCollection:
        for (const auto* part : *g.toGeometryCollection()) add_line(*part, m);
        break;
    default: break;
    }
}

} // namespace

Mesh read_vector_basemap(const std::string& path, const std::string& crs, const WorldBounds& area) {
    io::gdal_init();
    if (path.rfind("/vsicurl", 0) == 0 || path.find("://") != std::string::npos)
        throw ConfigError(fmt::format("{}: basemaps come from local files only, never the network", path));
    GDALDatasetUniquePtr ds(GDALDataset::Open(path.c_str(), GDAL_OF_VECTOR | GDAL_OF_READONLY));
    if (!ds || ds->GetLayerCount() < 1) throw IoError(fmt::format("{}: neither a raster nor a vector layer GDAL can read", path));
    auto target = io::spatial_reference(crs);
    Mesh m;
    m.origin = XY{(area.min_x + area.max_x) / 2, (area.min_y + area.max_y) / 2};
    for (int li = 0; li < ds->GetLayerCount(); ++li) {
        OGRLayer* layer = ds->GetLayer(li);
        const OGRSpatialReference* srs = layer->GetSpatialRef();
        if (!srs) throw CrsError(fmt::format("{}: layer '{}' has no CRS", path, layer->GetName()));
        OGRSpatialReference source(*srs);
        source.SetAxisMappingStrategy(OAMS_TRADITIONAL_GIS_ORDER);
        std::unique_ptr<OGRCoordinateTransformation> to(OGRCreateCoordinateTransformation(&source, target.get()));
        if (!to) throw CrsError(fmt::format("{}: cannot transform layer '{}' to {}", path, layer->GetName(), crs));
        for (auto& f : *layer) {
            OGRGeometry* g = f->GetGeometryRef();
            if (!g || g->transform(to.get()) != OGRERR_NONE) continue; // outside the target CRS's area
            OGREnvelope e;
            g->getEnvelope(&e);
            if (e.MaxX < area.min_x || e.MinX > area.max_x || e.MaxY < area.min_y || e.MinY > area.max_y) continue;
            add_line(*g, m);
        }
    }
    return m;
}

Basemap read_basemap(const std::string& path, const std::string& crs, const WorldBounds& area, int max_px) {
    io::gdal_init();
    if (path.rfind("/vsicurl", 0) == 0 || path.find("://") != std::string::npos)
        throw ConfigError(fmt::format("{}: basemaps come from local files only, never the network", path));
    GDALDatasetUniquePtr src(GDALDataset::Open(path.c_str(), GDAL_OF_RASTER | GDAL_OF_READONLY));
    if (!src) throw IoError(fmt::format("{}: not a raster GDAL can read ({})", path, io::gdal_last_error()));
    if (src->GetRasterCount() < 1) throw IoError(fmt::format("{}: has no bands", path));
    auto srs = io::spatial_reference(crs);
    char* wkt = nullptr;
    srs->exportToWkt(&wkt);
    GDALDatasetH warped = GDALAutoCreateWarpedVRT(src.get(), nullptr, wkt, GRA_Bilinear, 0.0, nullptr);
    CPLFree(wkt);
    if (!warped) throw CrsError(fmt::format("{}: cannot be warped to {} ({})", path, crs, io::gdal_last_error()));
    GDALDatasetUniquePtr vrt(GDALDataset::FromHandle(warped));
    double gt[6];
    vrt->GetGeoTransform(gt);
    const int w = vrt->GetRasterXSize(), h = vrt->GetRasterYSize();
    // The raster's extent, clipped to the area of interest.
    WorldBounds r;
    r.include(gt[0], gt[3] + gt[5] * h);
    r.include(gt[0] + gt[1] * w, gt[3]);
    WorldBounds b{std::max(r.min_x, area.min_x), std::max(r.min_y, area.min_y), std::min(r.max_x, area.max_x), std::min(r.max_y, area.max_y)};
    if (b.empty()) throw ConfigError(fmt::format("{}: does not overlap the project's area", path));
    const int x0 = std::clamp(static_cast<int>(std::floor((b.min_x - gt[0]) / gt[1])), 0, w - 1);
    const int x1 = std::clamp(static_cast<int>(std::ceil((b.max_x - gt[0]) / gt[1])), x0 + 1, w);
    const int y0 = std::clamp(static_cast<int>(std::floor((b.max_y - gt[3]) / gt[5])), 0, h - 1);
    const int y1 = std::clamp(static_cast<int>(std::ceil((b.min_y - gt[3]) / gt[5])), y0 + 1, h);
    const double scale = std::min(1.0, static_cast<double>(max_px) / std::max(x1 - x0, y1 - y0));
    Basemap out;
    out.width = std::max(1, static_cast<int>(std::lround((x1 - x0) * scale)));
    out.height = std::max(1, static_cast<int>(std::lround((y1 - y0) * scale)));
    out.bounds.include(gt[0] + gt[1] * x0, gt[3] + gt[5] * y1);
    out.bounds.include(gt[0] + gt[1] * x1, gt[3] + gt[5] * y0);
    out.rgba.assign(static_cast<std::size_t>(out.width) * static_cast<std::size_t>(out.height) * 4, 255);
    const int bands = vrt->GetRasterCount();
    for (int c = 0; c < 4; ++c) {
        // Grey rasters fill R, G and B from band 1; a missing alpha stays opaque.
        const int band = bands >= 3 ? c + 1 : (c < 3 ? 1 : 0);
        if (band == 0 || band > bands) continue;
        if (vrt->GetRasterBand(band)->RasterIO(GF_Read, x0, y0, x1 - x0, y1 - y0, out.rgba.data() + c, out.width, out.height, GDT_Byte,
                                               4, out.width * 4) != CE_None)
            throw IoError(fmt::format("{}: cannot read band {} ({})", path, band, io::gdal_last_error()));
    }
    return out;
}

} // namespace safermap::render
