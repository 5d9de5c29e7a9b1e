// SPDX-License-Identifier: MIT
#include "geo/make_valid.hpp"

#include <catch2/catch.hpp>

using namespace safermap;

namespace {
geo::GeomPtr from_wkt(const geo::GeosContext& ctx, const char* wkt) {
    GEOSWKTReader* r = GEOSWKTReader_create_r(ctx.handle());
    GEOSGeometry* g = GEOSWKTReader_read_r(ctx.handle(), r, wkt);
    GEOSWKTReader_destroy_r(ctx.handle(), r);
    return geo::make_geom(ctx, g);
}
} // namespace

TEST_CASE("a bow-tie polygon is repaired into its two triangles", "[geo][make_valid]") {
    geo::GeosContext ctx;
    // Crossing at (100,100): two triangles of 200 x 100 / 2 = 10,000 m² each (worked by hand).
    auto bowtie = from_wkt(ctx, "POLYGON((0 0, 200 200, 200 0, 0 200, 0 0))");
    geo::PolygonRepair r = geo::repair_polygonal(ctx, bowtie.get());
    REQUIRE(r.repaired);
    CHECK_THAT(r.reason, Catch::Contains("Self-intersection"));
    CHECK(r.area_before == Approx(0.0).margin(1e-9)); // the signed halves cancel
    REQUIRE(r.geometry);
    CHECK(GEOSisValid_r(ctx.handle(), r.geometry.get()) == 1);
    CHECK(r.area_after == Approx(20000.0));
    CHECK(GEOSGetNumGeometries_r(ctx.handle(), r.geometry.get()) == 2);
}

TEST_CASE("a valid polygon is left alone", "[geo][make_valid]") {
    geo::GeosContext ctx;
    auto square = from_wkt(ctx, "POLYGON((0 0, 100 0, 100 100, 0 100, 0 0))");
    geo::PolygonRepair r = geo::repair_polygonal(ctx, square.get());
    CHECK_FALSE(r.repaired);
    CHECK(r.area_after == Approx(10000.0));
}

TEST_CASE("a polygon that collapses to a line leaves nothing polygonal", "[geo][make_valid]") {
    geo::GeosContext ctx;
    auto sliver = from_wkt(ctx, "POLYGON((0 0, 100 0, 200 0, 0 0))");
    geo::PolygonRepair r = geo::repair_polygonal(ctx, sliver.get());
    CHECK(r.repaired);
    CHECK_FALSE(r.geometry);
}
