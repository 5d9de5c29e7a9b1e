// SPDX-License-Identifier: MIT
#include "analysis/kde_fft.hpp"

#include "core/error.hpp"

#include <fftw3.h>
#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <complex>
#include <memory>

namespace safermap::analysis {

namespace {

constexpr double k_per_km2 = 1e6;

struct FftwFree {
    void operator()(void* p) const { fftw_free(p); }
};
struct PlanDestroy {
    void operator()(fftw_plan_s* p) const { fftw_destroy_plan(p); }
};

// Weights of the nodes `first`, first + 1, ... for a point at fractional node position f.
struct AxisWeights {
    long first = 0;
    std::array<double, 4> w{};
};

AxisWeights axis_weights(double f, Binning binning) {
    AxisWeights a;
    const double base = std::floor(f);
    const double t = f - base;
    if (binning == Binning::linear) {
        a.first = static_cast<long>(base);
        a.w = {1 - t, t, 0, 0};
        return a;
    }
    // Cubic Lagrange interpolation weights on the nodes base-1 .. base+2 evaluated at base + t.
    a.first = static_cast<long>(base) - 1;
    a.w = {-t * (t - 1) * (t - 2) / 6, (t + 1) * (t - 1) * (t - 2) / 2, -(t + 1) * t * (t - 2) / 2, (t + 1) * t * (t - 1) / 6};
    return a;
}

} // namespace

int fft_friendly_size(int n) {
    for (int m = std::max(n, 1);; ++m) {
        int r = m;
        for (int p : {2, 3, 5, 7})
            while (r % p == 0) r /= p;
        if (r == 1) return m;
    }
}

Surface kde_fft(const std::vector<WeightedPoint>& points, const GridSpec& g, Kernel kernel, double h, const FftLattice& lattice) {
    const int m = std::max(1, lattice.oversampling);
    const double d = g.cell_size_m / m;
    const double support = kernel_support_m(kernel, h);
    // Kernel radius in nodes; the padding keeps the circular convolution from wrapping onto a
    // cell centre and leaves room for the 4 x 4 cubic stencil.
    const long reach = static_cast<long>(std::ceil(support / d));
    const long pad = reach + 2;
    const long need_x = static_cast<long>(m) * (g.nx - 1) + 1 + 2 * pad;
    const long need_y = static_cast<long>(m) * (g.ny - 1) + 1 + 2 * pad;
    if (need_x > (1L << 30) / 2 || need_y > (1L << 30) / 2 || static_cast<double>(need_x) * static_cast<double>(need_y) > 4e9)
        throw ConfigError(fmt::format("kde: a {} x {} FFT lattice is too large; use a coarser cell or --method direct", need_x, need_y));
    const int nx = fft_friendly_size(static_cast<int>(need_x));
    const int ny = fft_friendly_size(static_cast<int>(need_y));
    const std::size_t n = static_cast<std::size_t>(nx) * static_cast<std::size_t>(ny);
    const std::size_t nc = static_cast<std::size_t>(ny) * static_cast<std::size_t>(nx / 2 + 1);

    std::unique_ptr<double, FftwFree> bins(fftw_alloc_real(n));
    std::unique_ptr<double, FftwFree> kern(fftw_alloc_real(n));
    std::unique_ptr<fftw_complex, FftwFree> bins_hat(fftw_alloc_complex(nc));
    std::unique_ptr<fftw_complex, FftwFree> kern_hat(fftw_alloc_complex(nc));
    if (!bins || !kern || !bins_hat || !kern_hat) throw Error(fmt::format("kde: out of memory for a {} x {} FFT", nx, ny));
    // Plans first: FFTW_ESTIMATE does not touch the arrays, but be explicit about the order.
    std::unique_ptr<fftw_plan_s, PlanDestroy> fwd_bins(fftw_plan_dft_r2c_2d(ny, nx, bins.get(), bins_hat.get(), FFTW_ESTIMATE));
    std::unique_ptr<fftw_plan_s, PlanDestroy> fwd_kern(fftw_plan_dft_r2c_2d(ny, nx, kern.get(), kern_hat.get(), FFTW_ESTIMATE));
    std::unique_ptr<fftw_plan_s, PlanDestroy> inverse(fftw_plan_dft_c2r_2d(ny, nx, bins_hat.get(), bins.get(), FFTW_ESTIMATE));
    std::fill_n(bins.get(), n, 0.0);
    std::fill_n(kern.get(), n, 0.0);

    // Node (a, b) sits at (ox + a d, oy + b d); cell centre (i, j) is node (pad + m i, pad + m j).
    const double ox = g.centre_x(0) - static_cast<double>(pad) * d;
    const double oy = g.centre_y(0) - static_cast<double>(pad) * d;
    const int taps = lattice.binning == Binning::linear ? 2 : 4;
    double* b = bins.get();
    // A point's 4 x 4 bins lie anywhere in a lattice of several MB: start loading the rows of
    // the point a few ahead, so that cache misses overlap instead of following one another.
    // Only timing changes: every bin still gets the same additions in the same order.
    constexpr std::size_t k_ahead = 16;
    auto prefetch = [&](const WeightedPoint& q) {
        const double fx = (q.x - ox) / d, fy = (q.y - oy) / d;
        if (!(fx > 0 && fx < nx && fy > 0 && fy < ny)) return;
        const long bi = static_cast<long>(fx), bj = static_cast<long>(fy);
        for (long j = std::max(0L, bj - 1); j <= std::min<long>(ny - 1, bj + 2); ++j) {
            const double* row = b + static_cast<std::size_t>(j) * nx + std::max(0L, bi - 1);
#if defined(__x86_64__)
            asm volatile("prefetcht0 %0" : : "m"(*row)); // GCC 12 drops __builtin_prefetch here (hash128_set.hpp)
#else
            __builtin_prefetch(row, 1);
#endif
        }
    };
    for (std::size_t k = 0; k < points.size(); ++k) {
        if (k + k_ahead < points.size()) prefetch(points[k + k_ahead]);
        const WeightedPoint& p = points[k];
        const double fx = (p.x - ox) / d, fy = (p.y - oy) / d;
        // Nodes outside the lattice lie beyond the kernel's reach of every cell centre.
        if (!(fx > -4 && fx < nx + 4 && fy > -4 && fy < ny + 4)) continue;
        const AxisWeights wx = axis_weights(fx, lattice.binning), wy = axis_weights(fy, lattice.binning);
        for (int tj = 0; tj < taps; ++tj) {
            const long bj = wy.first + tj;
            if (bj < 0 || bj >= ny) continue;
            const double wj = p.w * wy.w[tj];
            double* row = b + static_cast<std::size_t>(bj) * nx;
            for (int ti = 0; ti < taps; ++ti) {
                const long bi = wx.first + ti;
                if (bi >= 0 && bi < nx) row[bi] += wj * wx.w[ti];
            }
        }
    }
    // The kernel sampled at node offsets, wrapped for circular convolution.
    for (long dj = -reach; dj <= reach; ++dj)
        for (long di = -reach; di <= reach; ++di) {
            const double k = kernel_density(kernel, std::hypot(di * d, dj * d), h);
            if (k == 0) continue;
            const long ii = (di + nx) % nx, jj = (dj + ny) % ny;
            kern.get()[static_cast<std::size_t>(jj) * nx + ii] = k;
        }
    fftw_execute(fwd_bins.get());
    fftw_execute(fwd_kern.get());
    auto* a = reinterpret_cast<std::complex<double>*>(bins_hat.get());
    const auto* k = reinterpret_cast<const std::complex<double>*>(kern_hat.get());
    for (std::size_t q = 0; q < nc; ++q) a[q] *= k[q];
    fftw_execute(inverse.get());

    Surface out(g);
    const double scale = k_per_km2 / static_cast<double>(n); // FFTW's inverse is unnormalised
    for (int j = 0; j < g.ny; ++j) {
        const double* row = b + static_cast<std::size_t>(pad + static_cast<long>(m) * j) * nx + pad;
        for (int i = 0; i < g.nx; ++i) out.at(i, j) = std::max(0.0, row[static_cast<std::size_t>(m) * i] * scale);
    }
    return out;
}

} // namespace safermap::analysis
