// SPDX-License-Identifier: MIT
// Outputs are never half-written and a GeoPackage is never overwritten by another format.
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/results/result_gpkg.hpp"
#include "io/results/surface_writer.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <gdal_priv.h>

#include <filesystem>
#include <fstream>
#include <sstream>

using namespace safermap;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void spit(const std::string& path, const std::string& text) { std::ofstream(path, std::ios::binary) << text; }

std::size_t files_in(const std::string& dir) {
    return static_cast<std::size_t>(std::distance(std::filesystem::directory_iterator(dir), std::filesystem::directory_iterator()));
}

} // namespace

TEST_CASE("a replacement file appears only when committed", "[core][output]") {
    test::TempDir dir;
    const std::string path = dir.file("out.csv");
    spit(path, "old\n");
    {
        ReplacementFile f(path, "CSV");
        std::fputs("new\n", f.stream());
        CHECK(slurp(path) == "old\n"); // still the old file while writing
    }                                  // destroyed without commit: a failed run
    CHECK(slurp(path) == "old\n");
    CHECK(files_in(dir.file("")) == 1);  // no temporary left behind
    ReplacementFile f(path, "CSV");
    std::fputs("new\n", f.stream());
    f.commit();
    CHECK(slurp(path) == "new\n");
    CHECK(files_in(dir.file("")) == 1);
}

TEST_CASE("a GeoPackage is recognised by its header and never replaced by another format", "[core][output]") {
    test::TempDir dir;
    io::gdal_init();
    const std::string gpkg = dir.file("project.gpkg");
    {
        GDALDatasetUniquePtr ds(GetGDALDriverManager()->GetDriverByName("GPKG")->Create(gpkg.c_str(), 0, 0, 0, GDT_Unknown, nullptr));
        REQUIRE(ds);
        REQUIRE(ds->CreateLayer("x", nullptr, wkbPoint, nullptr));
    }
    CHECK(is_geopackage(gpkg));
    // Renamed, it is still a GeoPackage (the application id says so).
    std::filesystem::copy_file(gpkg, dir.file("disguised.csv"));
    CHECK(is_geopackage(dir.file("disguised.csv")));
    spit(dir.file("plain.csv"), "a,b\n1,2\n");
    CHECK_FALSE(is_geopackage(dir.file("plain.csv")));
    CHECK_FALSE(is_geopackage(dir.file("missing.csv")));
    const std::string before = slurp(dir.file("disguised.csv"));
    CHECK_THROWS_AS(ReplacementFile(dir.file("disguised.csv"), "CSV"), ConfigError);
    analysis::Surface s(analysis::GridSpec::covering(0, 0, 2, 2, 1));
    CHECK_THROWS_WITH(io::write_surface(dir.file("disguised.csv"), s, "EPSG:27700", ResultMetadata::object(), "kde"),
                      Catch::Contains("is a GeoPackage"));
    CHECK_THROWS_AS(io::write_surface(dir.file("disguised.csv"), s, "EPSG:27700", ResultMetadata::object(), "kde"), ConfigError);
    CHECK(slurp(dir.file("disguised.csv")) == before);
}

TEST_CASE("results go into a GeoPackage as layers, all or nothing", "[core][output]") {
    test::TempDir dir;
    io::gdal_init();
    const std::string gpkg = dir.file("results.gpkg");
    analysis::Surface s(analysis::GridSpec::covering(0, 0, 3, 2, 1));
    s.values = {1, 2, 3, 4, 5, 6};
    ResultMetadata meta = ResultMetadata::object();
    meta["method"] = "kde";
    meta["bandwidth_m"] = 250.5;
    io::write_surface(gpkg, s, "EPSG:27700", meta, "first");
    io::write_surface(gpkg, s, "EPSG:27700", meta, "second"); // added beside the first
    {
        GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
        REQUIRE(ds);
        CHECK(ds->GetLayerCount() == 2);
        OGRLayer* first = ds->GetLayerByName("first");
        REQUIRE(first);
        CHECK(first->GetFeatureCount() == 6); // cell centres, not polygons
        CHECK(wkbFlatten(first->GetGeomType()) == wkbPoint);
        CHECK(std::string(first->GetMetadataItem("bandwidth_m")) == "250.5");
        CHECK(std::string(first->GetMetadataItem("cell_size_m")) == "1.0");
    }
    // An uncommitted output rolls back: the file keeps its two layers and nothing else.
    {
        io::GpkgOutput out(gpkg);
        io::create_result_layer(out.dataset(), gpkg, "half", "EPSG:27700", wkbPoint, meta);
    }
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(gpkg.c_str(), GDAL_OF_VECTOR, nullptr, nullptr, nullptr)));
    REQUIRE(ds);
    CHECK(ds->GetLayerCount() == 2);
    CHECK_FALSE(ds->GetLayerByName("half"));
    ds.reset();
    // A new GeoPackage that is never committed leaves no file at all.
    { io::GpkgOutput out(dir.file("never.gpkg")); }
    CHECK_FALSE(std::filesystem::exists(dir.file("never.gpkg")));
}

TEST_CASE("GeoTIFF results are Float32 with NoData, classes Int16 beside them", "[core][output]") {
    test::TempDir dir;
    io::gdal_init();
    analysis::Surface s(analysis::GridSpec::covering(0, 0, 2, 2, 1));
    const std::vector<GridBand> bands{{"z", {0.5, std::nan(""), -1.5, 2.0}}, {"bin", {3, 0, -2, 1}, true}};
    const auto written = io::write_grid(dir.file("g.tif"), s.grid, bands, "EPSG:27700", ResultMetadata::object(), "g");
    REQUIRE(written == std::vector<std::string>{dir.file("g.tif"), dir.file("g_bin.tif")});
    GDALDatasetUniquePtr z(static_cast<GDALDataset*>(GDALOpen(dir.file("g.tif").c_str(), GA_ReadOnly)));
    REQUIRE(z);
    CHECK(z->GetRasterBand(1)->GetRasterDataType() == GDT_Float32);
    int has = 0;
    CHECK(z->GetRasterBand(1)->GetNoDataValue(&has) == io::k_float_nodata);
    CHECK(has);
    float top_left[2] = {0, 0}; // GeoTIFF rows run north to south: row 0 holds cells (0,1) and (1,1)
    REQUIRE(z->GetRasterBand(1)->RasterIO(GF_Read, 0, 0, 2, 1, top_left, 2, 1, GDT_Float32, 0, 0) == CE_None);
    CHECK(top_left[0] == -1.5f);
    CHECK(top_left[1] == 2.0f);
    float bottom[2] = {0, 0};
    REQUIRE(z->GetRasterBand(1)->RasterIO(GF_Read, 0, 1, 2, 1, bottom, 2, 1, GDT_Float32, 0, 0) == CE_None);
    CHECK(bottom[1] == static_cast<float>(io::k_float_nodata)); // NaN became NoData
    GDALDatasetUniquePtr bin(static_cast<GDALDataset*>(GDALOpen(dir.file("g_bin.tif").c_str(), GA_ReadOnly)));
    REQUIRE(bin);
    CHECK(bin->GetRasterBand(1)->GetRasterDataType() == GDT_Int16);
}
