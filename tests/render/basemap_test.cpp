// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "render/basemap.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>
#include <ogr_spatialref.h>

using namespace safermap;
using namespace safermap::render;

TEST_CASE("a raster basemap is read in the project CRS, north row first", "[render][basemap]") {
    test::TempDir dir;
    const std::string path = dir.file("base.tif");
    {
        // 4 x 2 pixels of 100 m from (450000, 355200) down to 355000: the top row red, the bottom blue.
        GDALAllRegister();
        GDALDriver* gtiff = GetGDALDriverManager()->GetDriverByName("GTiff");
        GDALDatasetUniquePtr ds(gtiff->Create(path.c_str(), 4, 2, 3, GDT_Byte, nullptr));
        double gt[6] = {450000, 100, 0, 355200, 0, -100};
        ds->SetGeoTransform(gt);
        OGRSpatialReference srs;
        srs.importFromEPSG(27700);
        ds->SetSpatialRef(&srs);
        unsigned char red[8] = {255, 255, 255, 255, 0, 0, 0, 0}, blue[8] = {0, 0, 0, 0, 255, 255, 255, 255}, zero[8] = {};
        REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Write, 0, 0, 4, 2, red, 4, 2, GDT_Byte, 0, 0) == CE_None);
        REQUIRE(ds->GetRasterBand(2)->RasterIO(GF_Write, 0, 0, 4, 2, zero, 4, 2, GDT_Byte, 0, 0) == CE_None);
        REQUIRE(ds->GetRasterBand(3)->RasterIO(GF_Write, 0, 0, 4, 2, blue, 4, 2, GDT_Byte, 0, 0) == CE_None);
    }
    CHECK(is_raster(path));
    WorldBounds area;
    area.include(440000, 340000);
    area.include(460000, 360000);
    const Basemap b = read_basemap(path, "EPSG:27700", area, 1024);
    REQUIRE(b.width == 4);
    REQUIRE(b.height == 2);
    CHECK(b.bounds.min_x == Approx(450000));
    CHECK(b.bounds.max_y == Approx(355200));
    CHECK(b.rgba[0] == 255);  // top-left: red
    CHECK(b.rgba[2] == 0);
    CHECK(b.rgba[4 * 4 + 2] == 255); // second row: blue
    CHECK(b.rgba[3] == 255);  // opaque without an alpha band
    CHECK_THROWS_AS(read_basemap("https://tile.example/x.tif", "EPSG:27700", area, 256), ConfigError);
}

TEST_CASE("a vector basemap becomes line segments in the project CRS", "[render][basemap]") {
    const std::string roads = test::test_data("geocode/roads_sample.geojson");
    CHECK_FALSE(is_raster(roads));
    WorldBounds area;
    area.include(440000, 340000);
    area.include(470000, 370000);
    const Mesh m = read_vector_basemap(roads, "EPSG:27700", area);
    CHECK(m.indices.size() == 2 * 5); // five two-point roads, one segment each
    WorldBounds small;
    small.include(449000, 354000);
    small.include(451000, 356000);
    CHECK(read_vector_basemap(roads, "EPSG:27700", small).indices.size() == 2 * 4); // Beta's lane is outside
}
