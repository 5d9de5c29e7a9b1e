// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/results/surface_writer.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <gdal_priv.h>
#include <ogrsf_frmts.h>

using namespace safermap;

namespace {
analysis::Surface sample_surface() {
    // 3 x 2 cells of 100 m from (450000, 358000); value = 10 j + i, so orientation is checkable.
    analysis::Surface s(analysis::GridSpec{450000, 358000, 100, 3, 2});
    for (int j = 0; j < 2; ++j)
        for (int i = 0; i < 3; ++i) s.at(i, j) = 10 * j + i;
    return s;
}
} // namespace

TEST_CASE("a surface written as GeoTIFF reads back north-up with its georeferencing", "[io][surface]") {
    test::TempDir dir;
    io::write_surface(dir.file("s.tif"), sample_surface(), "EPSG:27700", {{"kernel", "quartic"}}, "kde");
    GDALDatasetUniquePtr ds(GDALDataset::Open(dir.file("s.tif").c_str(), GDAL_OF_RASTER));
    REQUIRE(ds);
    double gt[6];
    REQUIRE(ds->GetGeoTransform(gt) == CE_None);
    CHECK(gt[0] == 450000);
    CHECK(gt[3] == 358200); // top edge
    CHECK(gt[1] == 100);
    CHECK(gt[5] == -100);
    CHECK(std::string(ds->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    CHECK(std::string(ds->GetMetadataItem("kernel")) == "quartic");
    double row[3];
    REQUIRE(ds->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 3, 1, row, 3, 1, GDT_Float64, 0, 0) == CE_None);
    CHECK(row[0] == 10); // the first raster row is the northern one (j = 1)
    CHECK(row[2] == 12);
}

TEST_CASE("a surface written as CSV lists cell centres, with a metadata sidecar", "[io][surface]") {
    test::TempDir dir;
    io::write_surface(dir.file("s.csv"), sample_surface(), "EPSG:27700", {{"kernel", "quartic"}}, "kde");
    io::CsvReader reader(dir.file("s.csv"));
    io::CsvRecord r;
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"x", "y", "value"});
    REQUIRE(reader.next(r));
    CHECK(r.fields == std::vector<std::string>{"450050", "358050", "0"});
    CHECK(std::filesystem::exists(dir.file("s.csv.json")));
}

TEST_CASE("a surface written to a GeoPackage becomes a layer of cell centres with the cell size", "[io][surface]") {
    test::TempDir dir;
    io::write_surface(dir.file("r.gpkg"), sample_surface(), "EPSG:27700", {{"kernel", "quartic"}}, "kde_all");
    io::write_surface(dir.file("r.gpkg"), sample_surface(), "EPSG:27700", {}, "kde_all"); // replaces, not appends
    GDALDatasetUniquePtr ds(GDALDataset::Open(dir.file("r.gpkg").c_str(), GDAL_OF_VECTOR));
    REQUIRE(ds);
    OGRLayer* layer = ds->GetLayerByName("kde_all");
    REQUIRE(layer);
    CHECK(layer->GetFeatureCount() == 6);
    layer->SetAttributeFilter("i = 2 AND j = 1");
    OGRFeatureUniquePtr f(layer->GetNextFeature());
    REQUIRE(f);
    CHECK(f->GetFieldAsDouble("value") == 12);
    // Cell (2, 1) spans 450200-450300 by 358100-358200: its centre is (450250, 358150).
    REQUIRE(wkbFlatten(f->GetGeometryRef()->getGeometryType()) == wkbPoint);
    CHECK(f->GetGeometryRef()->toPoint()->getX() == 450250);
    CHECK(f->GetGeometryRef()->toPoint()->getY() == 358150);
    CHECK(std::string(layer->GetMetadataItem("cell_size_m")) == "100.0");
    CHECK(std::string(layer->GetMetadataItem("geometry")) == "cell centres");
    REQUIRE_THROWS_AS(io::write_surface(dir.file("s.png"), sample_surface(), "EPSG:27700", {}, "x"), ConfigError);
}
