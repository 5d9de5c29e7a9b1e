// SPDX-License-Identifier: MIT
// Every KDE method against direct sums written out here, independently of kernel.cpp: the
// direct method to rounding, the FFT (and so whatever --method auto picks) to k_fft_tolerance.
#include "analysis/kde.hpp"

#include <catch2/catch.hpp>

#include <array>
#include <cmath>
#include <numbers>
#include <random>
#include <string>

using namespace safermap::analysis;

namespace {

// The kernels of kernel.hpp's table, in 1/m², d and h in metres.
double kernel_value(Kernel k, double d, double h) {
    const double pi = std::numbers::pi, u = d / h;
    if (k == Kernel::gaussian) return d > 4 * h ? 0 : std::exp(-u * u / 2) / (2 * pi * h * h);
    if (u >= 1) return 0;
    switch (k) {
    case Kernel::quartic: return 3 / (pi * h * h) * (1 - u * u) * (1 - u * u);
    case Kernel::epanechnikov: return 2 / (pi * h * h) * (1 - u * u);
    case Kernel::triangular: return 3 / (pi * h * h) * (1 - u);
    default: return 1 / (pi * h * h);
    }
}

std::vector<double> direct_sums(const std::vector<WeightedPoint>& pts, const GridSpec& g, Kernel k, double h) {
    std::vector<double> f(g.cells(), 0.0);
    const double reach = k == Kernel::gaussian ? 4 * h : h;
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            const double cx = g.min_x + (i + 0.5) * g.cell_size_m, cy = g.min_y + (j + 0.5) * g.cell_size_m;
            double sum = 0;
            for (const auto& p : pts)
                if (std::abs(cx - p.x) <= reach && std::abs(cy - p.y) <= reach)
                    sum += p.w * kernel_value(k, std::hypot(cx - p.x, cy - p.y), h);
            f[static_cast<std::size_t>(j) * g.nx + i] = 1e6 * sum;
        }
    return f;
}

double relative_l2(const std::vector<double>& got, const std::vector<double>& exact) {
    double num = 0, den = 0;
    for (std::size_t c = 0; c < exact.size(); ++c) num += (got[c] - exact[c]) * (got[c] - exact[c]), den += exact[c] * exact[c];
    return std::sqrt(num / den);
}

// Crime-like points: Gaussian hotspots (sigma 50-400 m) over a uniform background, some
// outside the grid, weights 1 or a harm weight.
std::vector<WeightedPoint> hotspot_points(unsigned seed, std::size_t n, double side) {
    std::mt19937 rng(seed);
    std::uniform_real_distribution<double> u(-0.1 * side, 1.1 * side), sigma(50, 400), weight(0.5, 3);
    std::vector<WeightedPoint> pts;
    std::vector<std::array<double, 3>> spots(5);
    for (auto& s : spots) s = {u(rng), u(rng), sigma(rng)};
    for (std::size_t k = 0; k < n; ++k) {
        const double w = k % 3 ? 1.0 : weight(rng);
        if (k % 4 == 0) {
            pts.push_back({u(rng), u(rng), w});
            continue;
        }
        const auto& s = spots[k % spots.size()];
        std::normal_distribution<double> gx(s[0], s[2]), gy(s[1], s[2]);
        pts.push_back({gx(rng), gy(rng), w});
    }
    return pts;
}

} // namespace

TEST_CASE("every method against direct sums: 100 x 100 cells of 40 m, quartic radius 566 m", "[analysis][kde]") {
    // The 500 x 500 case scaled down: the same cell against the bandwidth.
    const GridSpec g = GridSpec::covering(0, 0, 4000, 4000, 40);
    const std::vector<WeightedPoint> pts = hotspot_points(13, 3000, 4000);
    const std::vector<double> exact = direct_sums(pts, g, Kernel::quartic, 565.7);

    const Surface direct = kde(pts, g, {Kernel::quartic, 565.7, KdeOptions::Method::direct});
    CHECK(relative_l2(direct.values, exact) < 1e-12);

    const Surface fft = kde(pts, g, {Kernel::quartic, 565.7, KdeOptions::Method::fft});
    CHECK(relative_l2(fft.values, exact) < k_fft_tolerance);
    // Linear binning on the cells themselves was 2.2e-3 off here.
    CHECK(relative_l2(fft.values, exact) < 1e-4);

    const KdeOptions automatic{Kernel::quartic, 565.7, KdeOptions::Method::automatic};
    const KdeEvaluation picked = plan_kde(pts.size(), g, automatic);
    CHECK(picked.describe() == "fft (cubic binning, 2x oversampled)");
    CHECK(relative_l2(kde(pts, g, automatic).values, exact) < k_fft_tolerance);
    // Few points: direct sums are cheaper, and exact.
    CHECK(plan_kde(10, g, automatic).describe() == "direct (exact sums)");
}

TEST_CASE("the FFT lattice keeps every kernel within the tolerance it claims", "[analysis][kde]") {
    const GridSpec g = GridSpec::covering(0, 0, 3200, 3200, 40);
    const std::vector<WeightedPoint> dense = hotspot_points(5, 2000, 3200);
    const std::vector<WeightedPoint> sparse = hotspot_points(6, 300, 3200);
    for (Kernel k : {Kernel::quartic, Kernel::gaussian, Kernel::epanechnikov, Kernel::triangular, Kernel::uniform}) {
        // Cells of 0.025 to 0.33 bandwidths (the Gaussian's h is its standard deviation).
        for (double cells_per_h : {40.0, 14.0, 5.0, 3.0}) {
            const double h = (k == Kernel::gaussian ? 0.35 : 1.0) * 40 * cells_per_h;
            const FftLattice lattice = fft_lattice_for(k, 40, h);
            INFO(to_string(k) << ", h " << h << ", " << describe(lattice));
            if (!lattice.within_tolerance) {
                CHECK(plan_kde(1000000, g, {k, h, KdeOptions::Method::automatic}).method == KdeOptions::Method::direct);
                const std::string forced = plan_kde(1000000, g, {k, h, KdeOptions::Method::fft}).describe();
                CHECK(forced.find("may differ from direct sums by more than 0.001") != std::string::npos);
                continue;
            }
            for (const auto* pts : {&dense, &sparse}) {
                const std::vector<double> exact = direct_sums(*pts, g, k, h);
                const double error = relative_l2(kde(*pts, g, {k, h, KdeOptions::Method::fft}).values, exact);
                INFO(pts->size() << " points: relative L2 " << error);
                CHECK(error < k_fft_tolerance);
            }
        }
    }
    // The uniform kernel's step at h is never resolved well enough for auto to use the FFT.
    CHECK_FALSE(fft_lattice_for(Kernel::uniform, 1, 1000).within_tolerance);
    CHECK(fft_lattice_for(Kernel::quartic, 40, 565.7).oversampling == 2);
    CHECK(fft_lattice_for(Kernel::quartic, 40, 800).oversampling == 1);
    CHECK(fft_lattice_for(Kernel::quartic, 40, 200).oversampling == 4);
    CHECK_FALSE(fft_lattice_for(Kernel::quartic, 40, 150).within_tolerance);
    CHECK(describe(fft_lattice_for(Kernel::epanechnikov, 10, 565.7)) == "cubic binning, 2x oversampled");
}

TEST_CASE("a lone point, the FFT's worst case, stays within the tolerance", "[analysis][kde]") {
    // One point's binning error has no neighbours to average with. Offsets across a cell and
    // the coarsest lattice each kernel is allowed.
    const GridSpec g = GridSpec::covering(0, 0, 2000, 2000, 20);
    for (Kernel k : {Kernel::quartic, Kernel::gaussian, Kernel::epanechnikov, Kernel::triangular}) {
        for (double h : {1000.0, 300.0, 150.0, 70.0}) {
            const double bandwidth = k == Kernel::gaussian ? h / 3 : h;
            const FftLattice lattice = fft_lattice_for(k, 20, bandwidth);
            if (!lattice.within_tolerance) continue;
            for (double fx : {0.0, 0.2, 0.37, 0.5})
                for (double fy : {0.0, 0.13, 0.5}) {
                    const std::vector<WeightedPoint> one{{1000 + fx * 20, 1000 + fy * 20, 1}};
                    const double error = relative_l2(kde(one, g, {k, bandwidth, KdeOptions::Method::fft}).values,
                                                     direct_sums(one, g, k, bandwidth));
                    INFO(to_string(k) << ", h " << bandwidth << ", " << describe(lattice) << ", offset " << fx << ", " << fy);
                    CHECK(error < k_fft_tolerance);
                }
        }
    }
}
