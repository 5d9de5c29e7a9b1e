// SPDX-License-Identifier: MIT
#include "analysis/gi_star.hpp"
#include "analysis/local_moran.hpp"
#include "geo/polygon_index.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/features/polygon_loader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

using namespace safermap;
using namespace safermap::analysis;

// Reference: spdep's poly2nb (queen, exact), localG and localmoran on Ashfield's 77 real,
// generalised LSOA polygons (scripts/reference/lsoa_spdep.R).
TEST_CASE("queen contiguity, Gi* and Local Moran on real LSOAs match spdep", "[analysis][reference][contiguity]") {
    geo::GeosContext geos;
    io::PolygonSet lsoa = io::load_file_polygons(test::test_data("vector/ashfield_lsoa_crimes.gpkg"), "crimes_2025",
                                                 "EPSG:27700", "", geos);
    REQUIRE(lsoa.code.size() == 77);
    io::CsvReader reader(test::test_data("expected/lsoa_spdep.csv"));
    io::CsvRecord row;
    std::vector<std::vector<std::string>> ref;
    while (reader.next(row))
        if (row.fields[0].rfind("#", 0) != 0 && row.fields[0] != "code") ref.push_back(row.fields);
    REQUIRE(ref.size() == 77);

    auto lists = geo::contiguity_neighbours(*lsoa.index, geo::Contiguity::queen);
    SpatialWeights with_self = SpatialWeights::from_lists(lists);
    with_self.include_self();
    SpatialWeights without_self = SpatialWeights::from_lists(lists);
    without_self.row_standardise();
    GiStarResult gi = gi_star(lsoa.value, with_self, {});
    LocalMoranResult lm = local_moran(lsoa.value, without_self, {.permutations = 0});
    // One known, deliberate difference: E01027933 (a 2011 BGC polygon) and E01033779 (a 2021
    // one) overlap by a metre or so (DE-9IM 212101212: their vintages were generalised
    // separately), so GEOS finds them contiguous, while poly2nb, which compares vertices, does
    // not (not even with snap = 1 m). Only those two units' neighbourhoods differ.
    auto is_pair = [&](const std::string& code) { return code == "E01027933" || code == "E01033779"; };
    for (std::size_t i = 0; i < 77; ++i) {
        INFO(lsoa.code[i]);
        REQUIRE(lsoa.code[i] == ref[i][0]);
        CHECK(lsoa.value[i] == std::stod(ref[i][1]));
        if (is_pair(lsoa.code[i])) {
            CHECK(lists[i].size() == std::stoul(ref[i][2]) + 1);
            continue;
        }
        CHECK(lists[i].size() == std::stoul(ref[i][2]));
        CHECK(gi.z[i] == Approx(std::stod(ref[i][3])).margin(1e-9));
        CHECK(lm.ii[i] == Approx(std::stod(ref[i][4])).margin(1e-9));
        CHECK(lm.variance[i] == Approx(std::stod(ref[i][6])).epsilon(1e-9));
        CHECK(lm.z[i] == Approx(std::stod(ref[i][7])).margin(1e-9));
    }
}
