// SPDX-License-Identifier: MIT
#pragma once
// The distance from a point to the nearest point at another position, through a k-d tree
// (nanoflann, a Debian library): about log n a query whatever the clustering. A uniform bucket
// grid sized for the mean density (PointGridIndex) makes each query cost the points of a dense
// hotspot's bucket, so clustered distinct data (force XYs, geocoded reports) went quadratic in
// the points per bucket. Coincident points (police.uk snap points) are allowed and skipped.

#include <memory>
#include <optional>
#include <vector>

namespace safermap::analysis {

class NearestPositionIndex {
public:
    // Indexes (x, y), which must outlive the index unchanged. Throws Error for arrays of
    // unequal length.
    NearestPositionIndex(const std::vector<double>& x, const std::vector<double>& y);
    ~NearestPositionIndex();
    NearestPositionIndex(const NearestPositionIndex&) = delete;
    NearestPositionIndex& operator=(const NearestPositionIndex&) = delete;

    // The distance from (x, y) to the nearest indexed point not at (x, y) itself; empty when
    // there is none (every point at that one position).
    std::optional<double> nearest_other(double x, double y) const;

private:
    struct Tree;
    std::unique_ptr<Tree> m_tree;
};

} // namespace safermap::analysis
