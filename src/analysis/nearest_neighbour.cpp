// SPDX-License-Identifier: MIT
#include "analysis/nearest_neighbour.hpp"

#include "analysis/dbscan.hpp"
#include "analysis/nearest_position_index.hpp"

#include "analysis/distinct_positions.hpp"
#include "analysis/fdr.hpp"
#include "core/error.hpp"
#include "core/hilbert_curve.hpp"
#include "core/parallel_ranges.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>

namespace safermap::analysis {

NearestNeighbourIndex clark_evans(const std::vector<double>& x, const std::vector<double>& y, double area_m2) {
    const std::size_t n = x.size();
    if (n < 2) throw ConfigError(fmt::format("nni: needs at least 2 points (got {})", n));
    if (!(area_m2 > 0)) throw ConfigError(fmt::format("nni: study area must be > 0 m² (got {})", area_m2));
    // A point sharing its position has a nearest neighbour at 0; a lone one, at the nearest
    // other position.
    const DistinctPositions pos = distinct_positions(x, y);
    const NearestPositionIndex index(pos.x, pos.y);
    // The queries run on every core in curve order, so that consecutive ones walk the same
    // branches of the tree (in input order each one missed the cache); each distance has its own
    // slot and they are summed in position order, so the result never depends on either.
    const std::vector<std::uint32_t> order = hilbert_order(pos.x, pos.y);
    std::vector<double> nearest(pos.x.size(), 0.0);
    parallel_ranges(order.size(), [&](std::size_t from, std::size_t to) {
        for (std::size_t i = from; i < to; ++i) {
            const std::uint32_t p = order[i];
            if (pos.count[p] == 1) nearest[p] = index.nearest_other(pos.x[p], pos.y[p]).value_or(0.0);
        }
    });
    double sum = 0;
    for (std::size_t p = 0; p < pos.x.size(); ++p)
        if (pos.count[p] == 1) sum += nearest[p];
    NearestNeighbourIndex r;
    const double nd = static_cast<double>(n);
    r.n = n;
    r.area_m2 = area_m2;
    r.mean_observed_m = sum / nd;
    r.mean_expected_m = 0.5 * std::sqrt(area_m2 / nd);
    r.ratio = r.mean_observed_m / r.mean_expected_m;
    r.standard_error_m = 0.26136 * std::sqrt(area_m2 / (nd * nd));
    r.z = (r.mean_observed_m - r.mean_expected_m) / r.standard_error_m;
    r.p = two_sided_p(r.z);
    return r;
}

void NnhOptions::validate() const {
    if (!(p_value > 0 && p_value <= 0.5)) throw ConfigError(fmt::format("nnh: p_value must be in (0, 0.5] (got {})", p_value));
    if (min_points < 2) throw ConfigError(fmt::format("nnh: min_points must be >= 2 (got {})", min_points));
    if (max_order < 1) throw ConfigError(fmt::format("nnh: max_order must be >= 1 (got {})", max_order));
}

double normal_quantile(double p) {
    if (!(p > 0 && p < 1)) throw ConfigError(fmt::format("normal quantile of {} is undefined", p));
    static constexpr double a[] = {-3.969683028665376e+01, 2.209460984245205e+02, -2.759285104469687e+02,
                                   1.383577518672690e+02, -3.066479806614716e+01, 2.506628277459239e+00};
    static constexpr double b[] = {-5.447609879822406e+01, 1.615858368580409e+02, -1.556989798598866e+02,
                                   6.680131188771972e+01, -1.328068155288572e+01};
    static constexpr double c[] = {-7.784894002430293e-03, -3.223964580411365e-01, -2.400758277161838e+00,
                                   -2.549732539343734e+00, 4.374664141464968e+00, 2.938163982698783e+00};
    static constexpr double d[] = {7.784695709041462e-03, 3.224671290700398e-01, 2.445134137142996e+00, 3.754408661907416e+00};
    const double lo = 0.02425;
    double x;
    if (p < lo) {
        const double q = std::sqrt(-2 * std::log(p));
        x = (((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    } else if (p <= 1 - lo) {
        const double q = p - 0.5, r = q * q;
        x = (((((a[0] * r + a[1]) * r + a[2]) * r + a[3]) * r + a[4]) * r + a[5]) * q /
            (((((b[0] * r + b[1]) * r + b[2]) * r + b[3]) * r + b[4]) * r + 1);
    } else {
        const double q = std::sqrt(-2 * std::log(1 - p));
        x = -(((((c[0] * q + c[1]) * q + c[2]) * q + c[3]) * q + c[4]) * q + c[5]) / ((((d[0] * q + d[1]) * q + d[2]) * q + d[3]) * q + 1);
    }
    // One Newton step on Phi(x) - p.
    const double e = 0.5 * std::erfc(-x / std::sqrt(2.0)) - p;
    const double u = e * std::sqrt(2 * std::numbers::pi) * std::exp(x * x / 2);
    return x - u / (1 + x * u / 2);
}


std::vector<NnhLevel> nnh(const std::vector<double>& x0, const std::vector<double>& y0, double area_m2, const NnhOptions& o) {
    o.validate();
    if (!(area_m2 > 0)) throw ConfigError(fmt::format("nnh: study area must be > 0 m² (got {})", area_m2));
    std::vector<NnhLevel> levels;
    // First-order units are distinct positions weighted by their points (coincident points are
    // always linked, at distance 0); higher orders' units are clusters, one each.
    const DistinctPositions pos = distinct_positions(x0, y0);
    std::vector<double> x = pos.x, y = pos.y, unit_weight = pos.count;
    std::vector<std::vector<std::size_t>> unit_members(x.size());
    for (std::size_t i = 0; i < x0.size(); ++i) unit_members[pos.of_point[i]].push_back(i);
    double units_for_threshold = static_cast<double>(x0.size());
    const double z = normal_quantile(1 - o.p_value);
    for (int order = 1; order <= o.max_order; ++order) {
        const std::size_t n = x.size();
        if (units_for_threshold < o.min_points) break;
        const double nd = units_for_threshold;
        NnhLevel level;
        level.order = order;
        level.threshold_m = 0.5 * std::sqrt(area_m2 / nd) - z * 0.26136 * std::sqrt(area_m2 / (nd * nd));
        if (level.threshold_m <= 0) break;
        // Single linkage at the threshold: units strictly closer than it are linked. That is
        // DBSCAN with one point to a core (every unit core), whose grid algorithm never pairs up
        // the units of a dense hotspot one by one; a radius one ulp under the threshold keeps
        // "strictly closer".
        const std::vector<std::int32_t> component = dbscan(x, y, {std::nextafter(level.threshold_m, 0.0), 1});
        auto root = [&](std::size_t i) { return static_cast<std::size_t>(component[i]); };
        std::vector<double> size(n, 0.0);
        for (std::size_t i = 0; i < n; ++i) size[root(i)] += unit_weight[i];
        std::vector<std::int32_t> cluster_of_root(n, -1);
        level.labels.assign(n, -1);
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t r = root(i);
            if (size[r] < o.min_points) continue;
            if (cluster_of_root[r] < 0) {
                cluster_of_root[r] = static_cast<std::int32_t>(level.members.size());
                level.members.emplace_back();
                level.centre_x.push_back(0);
                level.centre_y.push_back(0);
            }
            const auto c = static_cast<std::size_t>(cluster_of_root[r]);
            level.labels[i] = cluster_of_root[r];
            level.centre_x[c] += x[i] * unit_weight[i] / size[r];
            level.centre_y[c] += y[i] * unit_weight[i] / size[r];
            level.members[c].insert(level.members[c].end(), unit_members[i].begin(), unit_members[i].end());
        }
        if (level.members.empty()) break;
        for (auto& m : level.members) std::sort(m.begin(), m.end());
        x = level.centre_x;
        y = level.centre_y;
        unit_weight.assign(x.size(), 1.0);
        units_for_threshold = static_cast<double>(x.size());
        unit_members = level.members;
        levels.push_back(std::move(level));
    }
    return levels;
}

} // namespace safermap::analysis
