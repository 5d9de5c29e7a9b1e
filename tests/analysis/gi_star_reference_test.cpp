// SPDX-License-Identifier: MIT
#include "analysis/gi_star.hpp"
#include "io/csv/csv_reader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <map>
#include <string>

using namespace safermap;
using namespace safermap::analysis;

// Reference values: R spdep's localG (scripts/reference/gistar_spdep.R) on a 12 x 10 lattice.
TEST_CASE("Gi* matches spdep's localG", "[analysis][gistar][reference]") {
    io::CsvReader reader(test::test_data("expected/gistar_spdep.csv"));
    io::CsvRecord r;
    std::vector<std::string> header;
    std::map<std::string, std::vector<double>> col;
    while (reader.next(r)) {
        if (r.fields[0].rfind("#", 0) == 0) continue;
        if (header.empty()) {
            header = r.fields;
            continue;
        }
        for (std::size_t k = 0; k < header.size(); ++k) col[header[k]].push_back(std::stod(r.fields[k]));
    }
    const GridSpec g{0, 0, 100, 12, 10};
    const std::vector<double>& x = col["value"];
    REQUIRE(x.size() == g.cells());

    auto compare = [&](const SpatialWeights& w, const std::string& name, bool interior_only) {
        GiStarResult res = gi_star(x, w, {});
        int compared = 0;
        for (std::size_t c = 0; c < x.size(); ++c) {
            const int i = static_cast<int>(c) % g.nx, j = static_cast<int>(c) / g.nx;
            if (interior_only && (i == 0 || j == 0 || i == g.nx - 1 || j == g.ny - 1)) continue;
            INFO(name << " cell " << c);
            CHECK(res.z[c] == Approx(col[name][c]).margin(1e-9));
            ++compared;
        }
        return compared;
    };
    CHECK(compare(grid_distance_band(g, 150), "band150_binary", false) == 120);
    CHECK(compare(grid_distance_band(g, 250), "band250_binary", false) == 120);
    SpatialWeights row = grid_distance_band(g, 150);
    row.row_standardise();
    CHECK(compare(row, "band150_row", false) == 120);
    // spdep keeps exactly k neighbours and breaks ties by order; SaferMap keeps every tie.
    // They agree wherever the k-th distance is not tied: the interior cells for k = 4.
    CHECK(compare(grid_k_nearest(g, 4), "knn4_binary", true) == 80);
}
