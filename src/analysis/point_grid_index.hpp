// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <optional>
#include <vector>

namespace safermap::analysis {

// A uniform bucket grid over a point set, for radius queries in O(neighbours) rather than O(n)
// (Knox pairs, spatial weights, NNH, adaptive bandwidths). Nearest-neighbour distances use the
// k-d tree of nearest_position_index.hpp: a grid sized for the mean density is slow in hotspots.
// Holds indices into the caller's coordinate arrays, which must outlive it unchanged.
class PointGridIndex {
public:
    // `bucket_m` <= 0 chooses a size giving about 2 points a bucket over the points' extent.
    PointGridIndex(const std::vector<double>& x, const std::vector<double>& y, double bucket_m = 0);

    // Calls fn(j) for every point j within `radius` of (x, y), itself included if it is a point.
    template <typename Fn> void for_each_within(double x, double y, double radius, Fn&& fn) const;

    double bucket_m() const { return m_bucket; }

private:
    std::int64_t bucket_of(double x, double y) const;
    int col(double x) const;
    int row(double y) const;

    const std::vector<double>& m_x;
    const std::vector<double>& m_y;
    double m_min_x = 0, m_min_y = 0, m_bucket = 1;
    int m_cols = 1, m_rows = 1;
    std::vector<std::uint32_t> m_start; // CSR: points of bucket b are m_order[m_start[b] .. m_start[b+1])
    std::vector<std::uint32_t> m_order;
};

template <typename Fn> void PointGridIndex::for_each_within(double x, double y, double radius, Fn&& fn) const {
    if (m_order.empty()) return;
    const int c0 = col(x - radius), c1 = col(x + radius), r0 = row(y - radius), r1 = row(y + radius);
    const double r2 = radius * radius;
    for (int r = r0; r <= r1; ++r)
        for (int c = c0; c <= c1; ++c) {
            const std::size_t b = static_cast<std::size_t>(r) * m_cols + c;
            for (std::uint32_t k = m_start[b]; k < m_start[b + 1]; ++k) {
                const std::uint32_t j = m_order[k];
                const double dx = m_x[j] - x, dy = m_y[j] - y;
                if (dx * dx + dy * dy <= r2) fn(static_cast<std::size_t>(j));
            }
        }
}

} // namespace safermap::analysis
