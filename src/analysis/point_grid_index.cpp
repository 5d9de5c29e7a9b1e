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

std::optional<double> PointGridIndex::nearest_other_position(std::size_t i) const {
    const double x = m_x[i], y = m_y[i];
    const int c = col(x), r = row(y);
    double best2 = std::numeric_limits<double>::infinity();
    // Search square rings of buckets outwards; stop once the ring is farther than the best.
    for (int ring = 0; ring <= std::max(m_cols, m_rows); ++ring) {
        if (std::isfinite(best2)) {
            const double reach = (ring - 1) * m_bucket;
            if (reach > 0 && reach * reach > best2) break;
        }
        for (int rr = r - ring; rr <= r + ring; ++rr) {
            if (rr < 0 || rr >= m_rows) continue;
            for (int cc = c - ring; cc <= c + ring; ++cc) {
                if (cc < 0 || cc >= m_cols) continue;
                if (std::max(std::abs(rr - r), std::abs(cc - c)) != ring) continue; // ring edge only
                const std::size_t b = static_cast<std::size_t>(rr) * m_cols + cc;
                for (std::uint32_t k = m_start[b]; k < m_start[b + 1]; ++k) {
                    const std::uint32_t j = m_order[k];
                    const double dx = m_x[j] - x, dy = m_y[j] - y;
                    const double d2 = dx * dx + dy * dy;
                    if (d2 > 0 && d2 < best2) best2 = d2;
                }
            }
        }
    }
    if (!std::isfinite(best2)) return std::nullopt;
    return std::sqrt(best2);
}

} // namespace safermap::analysis
