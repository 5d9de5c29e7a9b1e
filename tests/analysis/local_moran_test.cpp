// SPDX-License-Identifier: MIT
#include "analysis/local_moran.hpp"
#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <map>

using namespace safermap;
using namespace safermap::analysis;

namespace {
std::map<std::string, std::vector<std::string>> read_columns(const std::string& path) {
    io::CsvReader reader(path);
    io::CsvRecord r;
    std::vector<std::string> header;
    std::map<std::string, std::vector<std::string>> col;
    while (reader.next(r)) {
        if (r.fields[0].rfind("#", 0) == 0) continue;
        if (header.empty()) {
            header = r.fields;
            continue;
        }
        for (std::size_t k = 0; k < header.size(); ++k) col[header[k]].push_back(r.fields[k]);
    }
    return col;
}
double num(const std::string& s) { return std::stod(s); }
} // namespace

TEST_CASE("Local and global Moran's I match spdep", "[analysis][lisa][reference]") {
    auto local = read_columns(test::test_data("expected/local_moran_spdep.csv"));
    auto global = read_columns(test::test_data("expected/local_moran_global_spdep.csv"));
    std::vector<double> x;
    for (const auto& v : local["value"]) x.push_back(num(v));
    const GridSpec g{0, 0, 100, 12, 10};
    struct Case { std::string name; double band; bool row; std::size_t global_row; };
    for (const Case& c : {Case{"queen_W", 150, true, 0}, Case{"rook_B", 100, false, 1}}) {
        INFO(c.name);
        SpatialWeights w = grid_distance_band(g, c.band);
        w.exclude_self();
        if (c.row) w.row_standardise();
        LocalMoranResult r = local_moran(x, w, {.permutations = 0});
        LocalMoranResult t = local_moran(x, w, {.permutations = 0, .conditional_moments = false});
        for (std::size_t i = 0; i < x.size(); ++i) {
            INFO("unit " << i);
            CHECK(r.ii[i] == Approx(num(local[c.name + "_Ii"][i])).margin(1e-9));
            CHECK(r.expected[i] == Approx(num(local[c.name + "_E"][i])).margin(1e-12));
            CHECK(r.variance[i] == Approx(num(local[c.name + "_Var"][i])).epsilon(1e-9));
            CHECK(r.z[i] == Approx(num(local[c.name + "_Z"][i])).margin(1e-9));
            CHECK(t.expected[i] == Approx(num(local[c.name + "_total_E"][i])).margin(1e-12));
            CHECK(t.variance[i] == Approx(num(local[c.name + "_total_Var"][i])).epsilon(1e-9));
        }
        CHECK(global["case"][c.global_row] == c.name);
        CHECK(r.global_i == Approx(num(global["I"][c.global_row])).epsilon(1e-12));
        CHECK(r.global_expected == Approx(num(global["expectation"][c.global_row])).epsilon(1e-12));
        CHECK(r.global_variance == Approx(num(global["variance"][c.global_row])).epsilon(1e-9));
    }
}

TEST_CASE("LISA classes and permutation p-values on a hand-made pattern", "[analysis][lisa]") {
    // A 10 x 10 lattice: a block of 20s in a field of 1s, and one 20 alone in a far corner.
    const GridSpec g{0, 0, 100, 10, 10};
    std::vector<double> x(100, 1.0);
    for (int j = 4; j <= 6; ++j)
        for (int i = 4; i <= 6; ++i) x[static_cast<std::size_t>(j * 10 + i)] = 20;
    x[99] = 20;
    SpatialWeights w = grid_distance_band(g, 150);
    w.exclude_self();
    w.row_standardise();
    LocalMoranResult a = local_moran(x, w, {.permutations = 999, .seed = 3});
    LocalMoranResult b = local_moran(x, w, {.permutations = 999, .seed = 3});
    CHECK(a.p_sim == b.p_sim);
    CHECK(a.cluster[55] == LisaClass::high_high);   // centre of the block
    CHECK(a.cluster[99] == LisaClass::high_low);    // the lone 20 among 1s
    CHECK(a.p_sim[55] == Approx(1.0 / 1000));       // no permutation is as extreme
    CHECK(a.global_i > 0.3);
    CHECK(a.global_p < 0.001);
    CHECK(a.cluster[53] == LisaClass::low_high);    // a 1 just west of the block: low among highs
    for (std::size_t i : {0u, 9u, 20u, 90u}) CHECK((a.cluster[i] == LisaClass::not_significant || a.cluster[i] == LisaClass::low_low));
    REQUIRE_THROWS_AS(local_moran(std::vector<double>(100, 2.0), w, {}), ConfigError);
    REQUIRE_THROWS_WITH(local_moran(x, w, {.permutations = 9, .seed = 1, .alpha = 1.5}), Catch::Contains("lisa: alpha"));
}
