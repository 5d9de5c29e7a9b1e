// SPDX-License-Identifier: MIT
#pragma once

#include <string_view>

namespace safermap::analysis {

// Kernel shapes for density estimation. All are normalised in two dimensions, so that
// K integrates to 1 over the plane and a surface of sum w_i K(d_i) integrates to sum w_i.
//   quartic (biweight)  K(d) = 3 / (pi h^2) (1 - d^2/h^2)^2   for d < h  (h: search radius)
//   epanechnikov        K(d) = 2 / (pi h^2) (1 - d^2/h^2)     for d < h
//   triangular (cone)   K(d) = 3 / (pi h^2) (1 - d/h)         for d < h
//   uniform (disc)      K(d) = 1 / (pi h^2)                   for d < h
//   gaussian            K(d) = 1 / (2 pi h^2) exp(-d^2 / (2 h^2))   (h: standard deviation)
// (Silverman 1986, ch. 4; CrimeStat IV ch. 10.) QGIS's heatmap scales its quartic kernel by
// 3/pi without dividing by h^2, so its "scaled" output is not a density; these are.
enum class Kernel { quartic, epanechnikov, triangular, uniform, gaussian };

std::string_view to_string(Kernel kernel);
// Throws ConfigError naming the allowed kernels.
Kernel parse_kernel(std::string_view text);

// K(d) in 1/m² for distance d and bandwidth h, both in metres (h > 0).
double kernel_density(Kernel kernel, double distance_m, double bandwidth_m);

// The distance beyond which K is taken as 0: h, or 4h for the Gaussian (which leaves
// exp(-8), 0.03%, of its mass outside).
double kernel_support_m(Kernel kernel, double bandwidth_m);

} // namespace safermap::analysis
