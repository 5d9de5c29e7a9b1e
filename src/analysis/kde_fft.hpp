// SPDX-License-Identifier: MIT
#pragma once
// The FFT evaluation of a fixed-bandwidth kernel density surface: points are binned to a
// lattice, the lattice is convolved with the sampled kernel, and the surface is read at the
// lattice nodes that are cell centres.

#include "analysis/grid.hpp"
#include "analysis/kde.hpp"
#include "analysis/kde_lattice.hpp"

#include <vector>

namespace safermap::analysis {

// Intensity per km² at every cell centre, as kde() defines it, for a fixed bandwidth, on
// `lattice` (see fft_lattice_for() for how close it is to the direct sums). Values below 0
// (rounding, or cubic weights) are set to 0. Throws ConfigError when the lattice would be
// too large to allocate, Error when the FFT buffers cannot be allocated.
Surface kde_fft(const std::vector<WeightedPoint>& points, const GridSpec& grid, Kernel kernel, double bandwidth_m,
                const FftLattice& lattice);

// The smallest size >= n whose prime factors are 2, 3, 5 and 7 (FFTW is fastest on those).
int fft_friendly_size(int n);

} // namespace safermap::analysis
