// SPDX-License-Identifier: MIT
#include "analysis/cluster_shapes.hpp"

#include "core/incident.hpp"

#include "core/error.hpp"

#include <algorithm>
#include <cmath>
#include <numbers>

namespace safermap::analysis {

StandardEllipse standard_ellipse(const std::vector<double>& x, const std::vector<double>& y) {
    StandardEllipse e;
    const std::size_t n = x.size();
    if (n == 0) return e;
    for (std::size_t i = 0; i < n; ++i) e.centre_x += x[i], e.centre_y += y[i];
    e.centre_x /= static_cast<double>(n);
    e.centre_y /= static_cast<double>(n);
    double sxx = 0, syy = 0, sxy = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - e.centre_x, dy = y[i] - e.centre_y;
        sxx += dx * dx, syy += dy * dy, sxy += dx * dy;
    }
    // The principal axis of the 2 x 2 scatter matrix.
    e.angle_rad = 0.5 * std::atan2(2 * sxy, sxx - syy);
    const double c = std::cos(e.angle_rad), s = std::sin(e.angle_rad);
    double major = 0, minor = 0;
    for (std::size_t i = 0; i < n; ++i) {
        const double dx = x[i] - e.centre_x, dy = y[i] - e.centre_y;
        const double along = dx * c + dy * s, across = -dx * s + dy * c;
        major += along * along, minor += across * across;
    }
    e.sigma_major = std::sqrt(major / static_cast<double>(n));
    e.sigma_minor = std::sqrt(minor / static_cast<double>(n));
    return e;
}

namespace {

// The points on the convex hull of (x, y) (Andrew's monotone chain), each once; every point
// when there are fewer than three distinct ones. GEOS then builds the hull from these alone.
std::vector<XY> hull_points(const std::vector<double>& x, const std::vector<double>& y) {
    std::vector<XY> p(x.size());
    for (std::size_t i = 0; i < x.size(); ++i) p[i] = {x[i], y[i]};
    std::sort(p.begin(), p.end(), [](const XY& a, const XY& b) { return a.x < b.x || (a.x == b.x && a.y < b.y); });
    p.erase(std::unique(p.begin(), p.end(), [](const XY& a, const XY& b) { return a.x == b.x && a.y == b.y; }), p.end());
    if (p.size() < 3) return p;
    auto cross = [](const XY& o, const XY& a, const XY& b) { return (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x); };
    std::vector<XY> hull(2 * p.size());
    std::size_t k = 0;
    for (std::size_t i = 0; i < p.size(); ++i) { // lower chain
        while (k >= 2 && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
        hull[k++] = p[i];
    }
    for (std::size_t i = p.size() - 1, lower = k + 1; i-- > 0;) { // upper chain
        while (k >= lower && cross(hull[k - 2], hull[k - 1], p[i]) <= 0) --k;
        hull[k++] = p[i];
    }
    hull.resize(k - 1); // the last point repeats the first
    // Collinear input leaves its two ends: GEOS makes the line from them.
    return hull;
}

geo::GeomPtr ellipse_polygon(const geo::GeosContext& ctx, const StandardEllipse& e) {
    auto h = ctx.handle();
    constexpr int k_vertices = 72;
    GEOSCoordSequence* seq = GEOSCoordSeq_create_r(h, k_vertices + 1, 2);
    const double c = std::cos(e.angle_rad), s = std::sin(e.angle_rad);
    for (int k = 0; k <= k_vertices; ++k) {
        const double t = 2 * std::numbers::pi * (k % k_vertices) / k_vertices;
        const double a = e.sigma_major * std::cos(t), b = e.sigma_minor * std::sin(t);
        GEOSCoordSeq_setXY_r(h, seq, static_cast<unsigned>(k), e.centre_x + a * c - b * s, e.centre_y + a * s + b * c);
    }
    GEOSGeometry* ring = GEOSGeom_createLinearRing_r(h, seq);
    return geo::make_geom(ctx, GEOSGeom_createPolygon_r(h, ring, nullptr, 0));
}

} // namespace

std::vector<ClusterShape> cluster_shapes(const geo::GeosContext& ctx, const std::vector<double>& x, const std::vector<double>& y,
                                         const std::vector<double>& w, const std::vector<std::int32_t>& labels,
                                         std::optional<double> concave_ratio) {
    auto h = ctx.handle();
    std::int32_t clusters = 0;
    for (auto l : labels) clusters = std::max(clusters, l + 1);
    std::vector<std::vector<std::size_t>> members(static_cast<std::size_t>(clusters));
    for (std::size_t i = 0; i < labels.size(); ++i)
        if (labels[i] >= 0) members[static_cast<std::size_t>(labels[i])].push_back(i);
    std::vector<ClusterShape> out;
    for (std::int32_t c = 0; c < clusters; ++c) {
        const auto& m = members[static_cast<std::size_t>(c)];
        ClusterShape shape;
        shape.cluster = c;
        shape.count = m.size();
        std::vector<double> cx, cy;
        for (std::size_t i : m) {
            cx.push_back(x[i]);
            cy.push_back(y[i]);
            shape.weight += w.empty() ? 1.0 : w[i];
        }
        // GEOS takes one geometry per point: give its convex hull only the points on the hull
        // (found by a monotone chain), so a cluster of a million points costs no million geometries.
        auto multipoint = [&](const std::vector<XY>& pts) {
            std::vector<GEOSGeometry*> g;
            for (const auto& p : pts) g.push_back(GEOSGeom_createPointFromXY_r(h, p.x, p.y));
            return geo::make_geom(ctx, GEOSGeom_createCollection_r(h, GEOS_MULTIPOINT, g.data(), static_cast<unsigned>(g.size())));
        };
        shape.convex_hull = geo::make_geom(ctx, GEOSConvexHull_r(h, multipoint(hull_points(cx, cy)).get()));
        if (concave_ratio) {
            std::vector<XY> all(cx.size());
            for (std::size_t k = 0; k < cx.size(); ++k) all[k] = {cx[k], cy[k]};
            shape.concave_hull = geo::make_geom(ctx, GEOSConcaveHull_r(h, multipoint(all).get(), *concave_ratio, 0));
        }
        if (!shape.convex_hull || (concave_ratio && !shape.concave_hull)) throw Error("GEOS hull failed: " + ctx.last_message());
        GEOSArea_r(h, shape.convex_hull.get(), &shape.convex_area_m2);
        shape.sde = standard_ellipse(cx, cy);
        shape.mean_x = shape.sde.centre_x;
        shape.mean_y = shape.sde.centre_y;
        shape.ellipse = ellipse_polygon(ctx, shape.sde);
        out.push_back(std::move(shape));
    }
    return out;
}

} // namespace safermap::analysis
