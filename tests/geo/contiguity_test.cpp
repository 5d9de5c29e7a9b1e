// SPDX-License-Identifier: MIT
#include "analysis/gi_star.hpp"
#include "geo/polygon_index.hpp"
#include "io/features/polygon_loader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <cmath>

using namespace safermap;

TEST_CASE("queen and rook contiguity on a 3 x 3 block of squares", "[geo][contiguity]") {
    geo::GeosContext geos;
    io::PolygonSet squares = io::load_file_polygons(test::test_data("vector/squares_3x3.geojson"), "incidents", "EPSG:27700", "", geos);
    REQUIRE(squares.code.size() == 9);
    CHECK(squares.code[4] == "S11");
    auto queen = geo::contiguity_neighbours(*squares.index, geo::Contiguity::queen);
    auto rook = geo::contiguity_neighbours(*squares.index, geo::Contiguity::rook);
    CHECK(queen[4].size() == 8); // the centre touches all
    CHECK(rook[4].size() == 4);  // but shares an edge with four
    CHECK(queen[0] == std::vector<std::uint32_t>{1, 3, 4});
    CHECK(rook[0] == std::vector<std::uint32_t>{1, 3});
    CHECK(squares.index->locate(450150, 358150) == 4u);
    CHECK_FALSE(squares.index->locate(449000, 358150));
}

TEST_CASE("Gi* on polygons with queen contiguity equals Gi* on cells with a 1.5-cell band", "[geo][contiguity][gistar]") {
    geo::GeosContext geos;
    io::PolygonSet squares = io::load_file_polygons(test::test_data("vector/squares_3x3.geojson"), "incidents", "EPSG:27700", "", geos);
    auto w_poly = analysis::SpatialWeights::from_lists(geo::contiguity_neighbours(*squares.index, geo::Contiguity::queen));
    w_poly.include_self();
    auto by_polygon = analysis::gi_star(squares.value, w_poly, {});
    auto by_cell = analysis::gi_star(squares.value, analysis::grid_distance_band({450000, 358000, 100, 3, 3}, 150), {});
    // The centre's neighbourhood is all nine squares, where Gi* is undefined (0/0): NaN in both.
    CHECK(std::isnan(by_polygon.z[4]));
    CHECK(std::isnan(by_cell.z[4]));
    for (std::size_t i = 0; i < 9; ++i)
        if (i != 4) CHECK(by_polygon.z[i] == Approx(by_cell.z[i]).margin(1e-12));
}
