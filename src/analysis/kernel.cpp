// SPDX-License-Identifier: MIT
#include "analysis/kernel.hpp"

#include "core/error.hpp"

#include <array>
#include <cmath>
#include <numbers>
#include <string>
#include <utility>

namespace safermap::analysis {

namespace {
constexpr std::array<std::pair<Kernel, std::string_view>, 5> k_names{{
    {Kernel::quartic, "quartic"},
    {Kernel::epanechnikov, "epanechnikov"},
    {Kernel::triangular, "triangular"},
    {Kernel::uniform, "uniform"},
    {Kernel::gaussian, "gaussian"},
}};
constexpr double k_gaussian_support_sd = 4.0;
} // namespace

std::string_view to_string(Kernel kernel) {
    for (const auto& [k, name] : k_names)
        if (k == kernel) return name;
    return "quartic";
}

Kernel parse_kernel(std::string_view text) {
    for (const auto& [k, name] : k_names)
        if (name == text) return k;
    if (text == "biweight") return Kernel::quartic;
    throw ConfigError("unknown kernel '" + std::string(text) +
                      "' (expected quartic, epanechnikov, triangular, uniform or gaussian)");
}

double kernel_density(Kernel kernel, double d, double h) {
    using std::numbers::pi;
    const double h2 = h * h;
    if (kernel == Kernel::gaussian) {
        if (d > k_gaussian_support_sd * h) return 0.0;
        return std::exp(-d * d / (2 * h2)) / (2 * pi * h2);
    }
    if (d >= h) return 0.0;
    const double u2 = d * d / h2;
    switch (kernel) {
    case Kernel::quartic: return 3.0 / (pi * h2) * (1 - u2) * (1 - u2);
    case Kernel::epanechnikov: return 2.0 / (pi * h2) * (1 - u2);
    case Kernel::triangular: return 3.0 / (pi * h2) * (1 - d / h);
    case Kernel::uniform: return 1.0 / (pi * h2);
    case Kernel::gaussian: break;
    }
    return 0.0;
}

double kernel_support_m(Kernel kernel, double h) { return kernel == Kernel::gaussian ? k_gaussian_support_sd * h : h; }

} // namespace safermap::analysis
