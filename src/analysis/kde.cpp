// SPDX-License-Identifier: MIT
#include "analysis/kde.hpp"

#include "analysis/point_grid_index.hpp"
#include "core/error.hpp"

#include <fftw3.h>
#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <complex>
#include <memory>

namespace safermap::analysis {

namespace {

constexpr double k_per_km2 = 1e6;

// Each point's bandwidth: fixed, or the distance to its k-th nearest neighbour (at least the fixed one).
std::vector<double> point_bandwidths(const std::vector<WeightedPoint>& points, const KdeOptions& o) {
    std::vector<double> h(points.size(), o.bandwidth_m);
    if (o.adaptive_k <= 0 || points.size() <= static_cast<std::size_t>(o.adaptive_k)) return h;
    std::vector<double> x(points.size()), y(points.size());
    for (std::size_t i = 0; i < points.size(); ++i) x[i] = points[i].x, y[i] = points[i].y;
    PointGridIndex index(x, y);
    std::vector<double> d;
    for (std::size_t i = 0; i < points.size(); ++i) {
        double radius = std::max(index.bucket_m(), o.bandwidth_m);
        while (true) {
            d.clear();
            index.for_each_within(x[i], y[i], radius, [&](std::size_t j) {
                if (j != i) d.push_back(std::hypot(x[j] - x[i], y[j] - y[i]));
            });
            if (d.size() >= static_cast<std::size_t>(o.adaptive_k)) break;
            radius *= 2;
        }
        std::nth_element(d.begin(), d.begin() + (o.adaptive_k - 1), d.end());
        h[i] = std::max(o.bandwidth_m, d[static_cast<std::size_t>(o.adaptive_k - 1)]);
    }
    return h;
}

Surface kde_direct(const std::vector<WeightedPoint>& points, const GridSpec& g, const KdeOptions& o) {
    Surface out(g);
    const double c = g.cell_size_m;
    const std::vector<double> bandwidth = point_bandwidths(points, o);
    for (std::size_t k = 0; k < points.size(); ++k) {
        const auto& p = points[k];
        const double h = bandwidth[k];
        const double support = kernel_support_m(o.kernel, h);
        // Cells whose centres lie within the support of p.
        int i0 = std::max(0, static_cast<int>(std::ceil((p.x - support - g.min_x) / c - 0.5)));
        int i1 = std::min(g.nx - 1, static_cast<int>(std::floor((p.x + support - g.min_x) / c - 0.5)));
        int j0 = std::max(0, static_cast<int>(std::ceil((p.y - support - g.min_y) / c - 0.5)));
        int j1 = std::min(g.ny - 1, static_cast<int>(std::floor((p.y + support - g.min_y) / c - 0.5)));
        double share = 1.0;
        if (o.edge_correction) {
            // The kernel's mass on the grid, summed over cell centres (1 for a point well inside).
            double mass = 0;
            for (int j = j0; j <= j1; ++j)
                for (int i = i0; i <= i1; ++i)
                    mass += kernel_density(o.kernel, std::hypot(g.centre_x(i) - p.x, g.centre_y(j) - p.y), h) * g.cell_area_m2();
            if (!(mass > 0)) continue; // no cell within reach
            share = mass; // each point then puts exactly its weight on the grid
        }
        for (int j = j0; j <= j1; ++j) {
            const double dy = g.centre_y(j) - p.y;
            for (int i = i0; i <= i1; ++i) {
                const double dx = g.centre_x(i) - p.x;
                out.at(i, j) += p.w / share * kernel_density(o.kernel, std::hypot(dx, dy), h);
            }
        }
    }
    for (auto& v : out.values) v *= k_per_km2;
    return out;
}

struct FftwFree {
    void operator()(void* p) const { fftw_free(p); }
};
struct PlanDestroy {
    void operator()(fftw_plan_s* p) const { fftw_destroy_plan(p); }
};

Surface kde_fft(const std::vector<WeightedPoint>& points, const GridSpec& g, const KdeOptions& o) {
    const double c = g.cell_size_m;
    // Pad by the kernel's reach in cells on every side, so that points just outside the grid
    // still count and the circular convolution never wraps onto the grid.
    const int r = static_cast<int>(std::ceil(kernel_support_m(o.kernel, o.bandwidth_m) / c)) + 1;
    const int nx = g.nx + 2 * r;
    const int ny = g.ny + 2 * r;
    const std::size_t n = static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
    const std::size_t nc = static_cast<std::size_t>(ny) * static_cast<std::size_t>(nx / 2 + 1);

    std::unique_ptr<double, FftwFree> bins(fftw_alloc_real(n));
    std::unique_ptr<double, FftwFree> kern(fftw_alloc_real(n));
    std::unique_ptr<fftw_complex, FftwFree> bins_hat(fftw_alloc_complex(nc));
    std::unique_ptr<fftw_complex, FftwFree> kern_hat(fftw_alloc_complex(nc));
    if (!bins || !kern || !bins_hat || !kern_hat) throw Error("kde: out of memory for a " + std::to_string(nx) + " x " + std::to_string(ny) + " FFT");
    // Plans first: FFTW_ESTIMATE does not touch the arrays, but be explicit about the order.
    std::unique_ptr<fftw_plan_s, PlanDestroy> fwd_bins(fftw_plan_dft_r2c_2d(ny, nx, bins.get(), bins_hat.get(), FFTW_ESTIMATE));
    std::unique_ptr<fftw_plan_s, PlanDestroy> fwd_kern(fftw_plan_dft_r2c_2d(ny, nx, kern.get(), kern_hat.get(), FFTW_ESTIMATE));
    std::unique_ptr<fftw_plan_s, PlanDestroy> inverse(fftw_plan_dft_c2r_2d(ny, nx, bins_hat.get(), bins.get(), FFTW_ESTIMATE));
    std::fill_n(bins.get(), n, 0.0);
    std::fill_n(kern.get(), n, 0.0);

    // Linear binning onto the centres of the padded grid.
    const double ox = g.min_x - r * c;
    const double oy = g.min_y - r * c;
    for (const auto& p : points) {
        const double fx = (p.x - ox) / c - 0.5;
        const double fy = (p.y - oy) / c - 0.5;
        const int i = static_cast<int>(std::floor(fx));
        const int j = static_cast<int>(std::floor(fy));
        const double tx = fx - i, ty = fy - j;
        const double share[2][2] = {{(1 - tx) * (1 - ty), tx * (1 - ty)}, {(1 - tx) * ty, tx * ty}};
        for (int dj = 0; dj < 2; ++dj)
            for (int di = 0; di < 2; ++di) {
                const int ii = i + di, jj = j + dj;
                if (ii < 0 || jj < 0 || ii >= nx || jj >= ny) continue; // beyond any cell's reach
                bins.get()[static_cast<std::size_t>(jj) * nx + ii] += p.w * share[dj][di];
            }
    }
    // The kernel sampled at whole-cell offsets, wrapped for circular convolution.
    for (int dj = -r; dj <= r; ++dj)
        for (int di = -r; di <= r; ++di) {
            const double k = kernel_density(o.kernel, std::hypot(di * c, dj * c), o.bandwidth_m);
            const int ii = (di + nx) % nx, jj = (dj + ny) % ny;
            kern.get()[static_cast<std::size_t>(jj) * nx + ii] = k;
        }
    fftw_execute(fwd_bins.get());
    fftw_execute(fwd_kern.get());
    auto* a = reinterpret_cast<std::complex<double>*>(bins_hat.get());
    const auto* b = reinterpret_cast<const std::complex<double>*>(kern_hat.get());
    for (std::size_t k = 0; k < nc; ++k) a[k] *= b[k];
    fftw_execute(inverse.get());

    Surface out(g);
    const double scale = k_per_km2 / static_cast<double>(n); // FFTW's inverse is unnormalised
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i)
            out.at(i, j) = std::max(0.0, bins.get()[static_cast<std::size_t>(j + r) * nx + (i + r)] * scale);
    return out;
}

} // namespace

void KdeOptions::validate() const {
    if (!(bandwidth_m > 0)) throw ConfigError(fmt::format("kde: bandwidth_m must be > 0 (got {})", bandwidth_m));
    if (adaptive_k < 0) throw ConfigError(fmt::format("kde: adaptive_k must be >= 0 (got {})", adaptive_k));
    if ((adaptive_k > 0 || edge_correction) && method == Method::fft)
        throw ConfigError("kde: adaptive bandwidths and edge correction need the direct method");
}

Surface kde(const std::vector<WeightedPoint>& points, const GridSpec& grid, const KdeOptions& options) {
    options.validate();
    if (!(grid.cell_size_m > 0) || grid.nx <= 0 || grid.ny <= 0) throw ConfigError("kde: empty grid");
    KdeOptions::Method method = options.method;
    if (options.adaptive_k > 0 || options.edge_correction) method = KdeOptions::Method::direct;
    if (method == KdeOptions::Method::automatic) {
        // Splatting costs points x cells-in-support; the FFT n log n over the padded grid. The
        // constants are measured (bench/RESULTS.md, 500 x 500 cells, 250 m quartic): about 8 ns
        // a point-cell splatted and 12 ns an n log n unit of FFTW, three transforms included.
        const double reach = kernel_support_m(options.kernel, options.bandwidth_m) / grid.cell_size_m;
        const double splat = 8 * static_cast<double>(points.size()) * 3.2 * reach * reach;
        const double padded = (grid.nx + 2 * reach + 2) * (grid.ny + 2 * reach + 2);
        const double fft = 12 * padded * std::log2(std::max(2.0, padded));
        method = splat > fft ? KdeOptions::Method::fft : KdeOptions::Method::direct;
    }
    return method == KdeOptions::Method::fft ? kde_fft(points, grid, options) : kde_direct(points, grid, options);
}

} // namespace safermap::analysis
