// SPDX-License-Identifier: MIT
#include "analysis/nearest_position_index.hpp"

#include "core/error.hpp"

#include <nanoflann.hpp>

#include <array>
#include <cmath>
#include <limits>

namespace safermap::analysis {

namespace {

// nanoflann's dataset adaptor over the caller's arrays.
struct Cloud {
    const std::vector<double>& x;
    const std::vector<double>& y;
    std::size_t kdtree_get_point_count() const { return x.size(); }
    double kdtree_get_pt(std::size_t i, std::size_t dim) const { return dim == 0 ? x[i] : y[i]; }
    template <class Box> bool kdtree_get_bbox(Box&) const { return false; }
};

using KdTree = nanoflann::KDTreeSingleIndexAdaptor<nanoflann::L2_Simple_Adaptor<double, Cloud>, Cloud, 2, std::uint32_t>;

// nanoflann's result-set interface, keeping the nearest point at a non-zero distance: points
// at the query's own position are seen and passed over.
class NearestNonZero {
public:
    using DistanceType = double;
    using IndexType = std::uint32_t;
    using CountType = std::size_t;
    bool full() const { return true; }
    bool addPoint(double d2, std::uint32_t) {
        if (d2 > 0 && d2 < m_best) m_best = d2;
        return true;
    }
    double worstDist() const { return m_best; }
    double best() const { return m_best; }

private:
    double m_best = std::numeric_limits<double>::infinity();
};

} // namespace

struct NearestPositionIndex::Tree {
    Cloud cloud;
    KdTree index;
    Tree(const std::vector<double>& x, const std::vector<double>& y)
        : cloud{x, y}, index(2, cloud, nanoflann::KDTreeSingleIndexAdaptorParams(16)) {}
};

NearestPositionIndex::NearestPositionIndex(const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size()) throw Error("nearest position index: x and y differ in length");
    m_tree = std::make_unique<Tree>(x, y);
}

NearestPositionIndex::~NearestPositionIndex() = default;

std::optional<double> NearestPositionIndex::nearest_other(double x, double y) const {
    NearestNonZero result;
    const std::array<double, 2> q{x, y};
    m_tree->index.findNeighbors(result, q.data(), nanoflann::SearchParams());
    if (!std::isfinite(result.best())) return std::nullopt;
    return std::sqrt(result.best());
}

} // namespace safermap::analysis
