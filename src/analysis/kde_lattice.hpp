// SPDX-License-Identifier: MIT
#pragma once
// The lattice an FFT kernel density surface is computed on, chosen so that the surface stays
// close to the exact direct sums.

#include "analysis/kernel.hpp"

#include <string>

namespace safermap::analysis {

// How points are put on the lattice.
enum class Binning {
    linear, // each point's weight to the 2 x 2 nearest nodes (Wand & Jones 1995, ch. 5): error O(d²)
    cubic,  // to the 4 x 4 nearest nodes by cubic Lagrange weights, which keep the weight and its first
            // three moments, so the binned sum of any cubic equals the point sum: error O(d⁴) where
            // the kernel is smooth (higher-order binning, Hall & Wand 1996)
};

// `oversampling` nodes a cell along each axis (node spacing d = cell_size_m / oversampling),
// placed so that every cell centre is a node.
struct FftLattice {
    Binning binning = Binning::linear;
    int oversampling = 1;
    bool within_tolerance = false; // the measured error bound below holds for this lattice
};

// The relative L2 distance from the exact direct sums that an FFT surface may have to be chosen
// by --method auto (spatstat's density.ppp FFT is about 3e-3 off on the same data).
inline constexpr double k_fft_tolerance = 1e-3;

// The coarsest lattice (1 to 4 nodes a cell) on which the FFT surface with this kernel stays
// within k_fft_tolerance of the direct sums whatever the points, with a margin of 2 on the
// worst case, a lone point: cubic binning and a node spacing of at most 0.06 h (quartic),
// 0.25 h (Gaussian, h its standard deviation), 0.015 h (triangular) or 0.012 h (Epanechnikov),
// whose kinks slow the convergence. The bounds were measured against direct sums
// (kde_lattice.cpp; tests/analysis/kde_accuracy_test.cpp checks them on lone points and point
// sets). When no lattice of at most 4 nodes a cell is fine enough, or for the uniform kernel,
// whose step at h no binning resolves, within_tolerance is false and the lattice is the best
// effort: 4 nodes a cell with cubic binning, or 1 node a cell with linear binning (uniform).
// Expects cell_size_m > 0 and bandwidth_m > 0.
FftLattice fft_lattice_for(Kernel kernel, double cell_size_m, double bandwidth_m);

// "cubic binning", "cubic binning, 2x oversampled", "linear binning".
std::string describe(const FftLattice& lattice);

} // namespace safermap::analysis
