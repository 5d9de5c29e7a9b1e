// SPDX-License-Identifier: MIT
#include "analysis/point_grid_index.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace safermap::analysis {

PointGridIndex::PointGridIndex(const std::vector<double>& x, const std::vector<double>& y, double bucket_m)
    : m_x(x), m_y(y) {
    if (x.size() != y.size()) throw Error("PointGridIndex: x and y differ in length");
    if (x.size() >= std::numeric_limits<std::uint32_t>::max()) throw Error("PointGridIndex: too many points");
    if (x.empty()) {
        m_start = {0, 0};
        return;
    }
    auto [xmin, xmax] = std::minmax_element(x.begin(), x.end());
    auto [ymin, ymax] = std::minmax_element(y.begin(), y.end());
    m_min_x = *xmin;
    m_min_y = *ymin;
    const double w = std::max(*xmax - *xmin, 1e-9), h = std::max(*ymax - *ymin, 1e-9);
    if (bucket_m <= 0) bucket_m = std::sqrt(w * h * 2.0 / static_cast<double>(x.size()));
    // Keep the bucket count sane for degenerate (collinear, clustered) inputs.
    const double max_buckets = std::max(16.0, 4.0 * static_cast<double>(x.size()));
    while ((w / bucket_m + 1) * (h / bucket_m + 1) > max_buckets) bucket_m *= 2;
    m_bucket = std::max(bucket_m, 1e-9);
    m_cols = static_cast<int>(w / m_bucket) + 1;
    m_rows = static_cast<int>(h / m_bucket) + 1;
    const std::size_t buckets = static_cast<std::size_t>(m_cols) * static_cast<std::size_t>(m_rows);
    m_start.assign(buckets + 1, 0);
    for (std::size_t i = 0; i < x.size(); ++i) ++m_start[static_cast<std::size_t>(bucket_of(x[i], y[i])) + 1];
    for (std::size_t b = 0; b < buckets; ++b) m_start[b + 1] += m_start[b];
    m_order.resize(x.size());
    std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
    for (std::size_t i = 0; i < x.size(); ++i) m_order[fill[static_cast<std::size_t>(bucket_of(x[i], y[i]))]++] = static_cast<std::uint32_t>(i);
}

int PointGridIndex::col(double x) const {
    return std::clamp(static_cast<int>(std::floor((x - m_min_x) / m_bucket)), 0, m_cols - 1);
}

int PointGridIndex::row(double y) const {
    return std::clamp(static_cast<int>(std::floor((y - m_min_y) / m_bucket)), 0, m_rows - 1);
}

std::int64_t PointGridIndex::bucket_of(double x, double y) const {
    return static_cast<std::int64_t>(row(y)) * m_cols + col(x);
}

} // namespace safermap::analysis
