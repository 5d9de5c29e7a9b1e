// SPDX-License-Identifier: MIT
#include "analysis/spatial_weights.hpp"

#include "analysis/point_grid_index.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <string>

namespace safermap::analysis {

WeightStyle parse_weight_style(std::string_view text) {
    if (text == "binary") return WeightStyle::binary;
    if (text == "row") return WeightStyle::row;
    throw ConfigError("unknown weights '" + std::string(text) + "' (expected binary or row)");
}

SpatialWeights SpatialWeights::from_lists(const std::vector<std::vector<std::uint32_t>>& lists) {
    SpatialWeights w;
    w.start.reserve(lists.size() + 1);
    w.start.push_back(0);
    for (const auto& l : lists) {
        for (auto j : l) {
            w.neighbour.push_back(j);
            w.weight.push_back(1.0);
        }
        w.start.push_back(static_cast<std::uint32_t>(w.neighbour.size()));
    }
    return w;
}

void SpatialWeights::row_standardise() {
    for (std::size_t i = 0; i < units(); ++i) {
        double sum = 0;
        for (auto k = start[i]; k < start[i + 1]; ++k) sum += weight[k];
        if (sum > 0)
            for (auto k = start[i]; k < start[i + 1]; ++k) weight[k] /= sum;
    }
}

namespace {
template <typename Keep> SpatialWeights rebuild(const SpatialWeights& w, Keep keep, bool add_self) {
    std::vector<std::vector<std::uint32_t>> lists(w.units());
    std::vector<std::vector<double>> weights(w.units());
    for (std::size_t i = 0; i < w.units(); ++i) {
        bool has_self = false;
        for (auto k = w.start[i]; k < w.start[i + 1]; ++k) {
            if (w.neighbour[k] == i) has_self = true;
            if (!keep(i, w.neighbour[k])) continue;
            lists[i].push_back(w.neighbour[k]);
            weights[i].push_back(w.weight[k]);
        }
        if (add_self && !has_self) {
            lists[i].push_back(static_cast<std::uint32_t>(i));
            weights[i].push_back(1.0);
        }
    }
    SpatialWeights out = SpatialWeights::from_lists(lists);
    std::size_t e = 0;
    for (const auto& ws : weights)
        for (double v : ws) out.weight[e++] = v;
    return out;
}
} // namespace

void SpatialWeights::include_self() {
    *this = rebuild(*this, [](std::size_t, std::uint32_t) { return true; }, true);
}

void SpatialWeights::exclude_self() {
    *this = rebuild(*this, [](std::size_t i, std::uint32_t j) { return j != i; }, false);
}

std::vector<std::uint32_t> SpatialWeights::islands() const {
    std::vector<std::uint32_t> out;
    for (std::size_t i = 0; i < units(); ++i) {
        bool any = false;
        for (auto k = start[i]; k < start[i + 1]; ++k) any |= neighbour[k] != i;
        if (!any) out.push_back(static_cast<std::uint32_t>(i));
    }
    return out;
}

SpatialWeights grid_distance_band(const GridSpec& g, double band_m) {
    if (!(band_m > 0)) throw ConfigError(fmt::format("weights: distance band must be > 0 m (got {})", band_m));
    const int reach = static_cast<int>(std::floor(band_m / g.cell_size_m + 1e-9));
    // The offsets within the band are the same for every cell: work them out once.
    std::vector<std::pair<int, int>> offsets;
    for (int dj = -reach; dj <= reach; ++dj)
        for (int di = -reach; di <= reach; ++di)
            if (std::hypot(di, dj) * g.cell_size_m <= band_m * (1 + 1e-12)) offsets.emplace_back(di, dj);
    SpatialWeights w;
    w.start.reserve(g.cells() + 1);
    w.start.push_back(0);
    // At most every offset for every cell: reserving once saves a million-entry list from
    // being copied as it doubles.
    const std::size_t most = static_cast<std::size_t>(g.cells()) * offsets.size();
    w.neighbour.reserve(most);
    w.weight.reserve(most);
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            for (auto [di, dj] : offsets) {
                const int ii = i + di, jj = j + dj;
                if (ii < 0 || jj < 0 || ii >= g.nx || jj >= g.ny) continue;
                w.neighbour.push_back(static_cast<std::uint32_t>(jj * g.nx + ii));
                w.weight.push_back(1.0);
            }
            w.start.push_back(static_cast<std::uint32_t>(w.neighbour.size()));
        }
    return w;
}

SpatialWeights points_k_nearest(const std::vector<double>& x, const std::vector<double>& y, int k) {
    if (k < 1) throw ConfigError(fmt::format("weights: k must be >= 1 (got {})", k));
    const std::size_t n = x.size();
    if (static_cast<std::size_t>(k) >= n) throw ConfigError(fmt::format("weights: k = {} needs more than {} units", k, n));
    PointGridIndex index(x, y);
    std::vector<std::vector<std::uint32_t>> lists(n);
    std::vector<std::pair<double, std::uint32_t>> found;
    for (std::size_t i = 0; i < n; ++i) {
        // Widen the search until it holds k others, then keep all within the k-th distance.
        double radius = index.bucket_m();
        while (true) {
            found.clear();
            index.for_each_within(x[i], y[i], radius, [&](std::size_t j) {
                if (j != i) found.emplace_back(std::hypot(x[j] - x[i], y[j] - y[i]), static_cast<std::uint32_t>(j));
            });
            if (found.size() >= static_cast<std::size_t>(k)) break;
            radius *= 2;
        }
        std::sort(found.begin(), found.end());
        const double kth = found[static_cast<std::size_t>(k - 1)].first;
        lists[i].push_back(static_cast<std::uint32_t>(i));
        for (const auto& [d, j] : found) {
            if (d > kth * (1 + 1e-12)) break;
            lists[i].push_back(j);
        }
    }
    return SpatialWeights::from_lists(lists);
}

SpatialWeights points_distance_band(const std::vector<double>& x, const std::vector<double>& y, double band_m) {
    if (!(band_m > 0)) throw ConfigError(fmt::format("weights: distance band must be > 0 m (got {})", band_m));
    PointGridIndex index(x, y);
    std::vector<std::vector<std::uint32_t>> lists(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) {
        index.for_each_within(x[i], y[i], band_m * (1 + 1e-12), [&](std::size_t j) { lists[i].push_back(static_cast<std::uint32_t>(j)); });
        std::sort(lists[i].begin(), lists[i].end());
    }
    return SpatialWeights::from_lists(lists);
}

SpatialWeights grid_k_nearest(const GridSpec& g, int k) {
    std::vector<double> x, y;
    x.reserve(g.cells());
    y.reserve(g.cells());
    for (int j = 0; j < g.ny; ++j)
        for (int i = 0; i < g.nx; ++i) {
            x.push_back(g.centre_x(i));
            y.push_back(g.centre_y(j));
        }
    return points_k_nearest(x, y, k);
}

} // namespace safermap::analysis
