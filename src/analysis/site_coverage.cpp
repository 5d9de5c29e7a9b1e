// SPDX-License-Identifier: MIT
#include "analysis/site_coverage.hpp"

#include "analysis/distinct_positions.hpp"
#include "analysis/point_grid_index.hpp"
#include "analysis/sight_obstacles.hpp"
#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numbers>
#include <numeric>

namespace safermap::analysis {

namespace {

// atan2 of a point exactly on a field-of-view edge can miss the edge by an ulp or two.
constexpr double k_angle_tolerance_deg = 1e-9;

void check_points(const char* what, const std::vector<double>& x, const std::vector<double>& y) {
    if (x.size() != y.size())
        throw ConfigError(fmt::format("siting: {} x and y differ in length ({} and {})", what, x.size(), y.size()));
    for (std::size_t i = 0; i < x.size(); ++i)
        if (!std::isfinite(x[i]) || !std::isfinite(y[i]))
            throw ConfigError(fmt::format("siting: {} {} has a non-finite coordinate", what, i));
}

double bearing_deg(double dx, double dy) {
    const double b = std::atan2(dx, dy) * (180.0 / std::numbers::pi); // clockwise from +y
    return b < 0 ? b + 360.0 : b;
}

// Both angles in [0, 360] (a bearing of -1e-15 becomes 360 after adding it).
bool in_sector(double bearing, double heading, double half_fov) {
    double d = std::fabs(bearing - heading);
    if (d > 180) d = 360 - d;
    return d <= half_fov + k_angle_tolerance_deg;
}

double normalised_deg(double angle) {
    const double a = std::fmod(angle, 360.0);
    return a < 0 ? a + 360.0 : a;
}

// Renumbers positions row by row of buckets of `bucket_m`, so that a radius query reads a few
// runs of neighbouring entries instead of scattered ones (fewer cache misses on large inputs).
DistinctPositions in_bucket_order(DistinctPositions d, double bucket_m) {
    if (d.x.empty()) return d;
    const double x0 = *std::min_element(d.x.begin(), d.x.end()), y0 = *std::min_element(d.y.begin(), d.y.end());
    std::vector<std::pair<std::int64_t, std::int64_t>> key(d.x.size());
    for (std::size_t p = 0; p < d.x.size(); ++p)
        key[p] = {static_cast<std::int64_t>((d.y[p] - y0) / bucket_m), static_cast<std::int64_t>((d.x[p] - x0) / bucket_m)};
    std::vector<std::uint32_t> order(d.x.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) { return key[a] < key[b]; });
    DistinctPositions out;
    std::vector<std::uint32_t> renumber(d.x.size());
    for (std::size_t k = 0; k < order.size(); ++k) {
        renumber[order[k]] = static_cast<std::uint32_t>(k);
        out.x.push_back(d.x[order[k]]);
        out.y.push_back(d.y[order[k]]);
        out.count.push_back(d.count[order[k]]);
    }
    out.of_point.resize(d.of_point.size());
    for (std::size_t i = 0; i < d.of_point.size(); ++i) out.of_point[i] = renumber[d.of_point[i]];
    return out;
}

// The demand's distinct positions, the points at each (ascending), and a bucket grid over the
// positions: geometry is tested once per position however many incidents share it.
class DemandIndex {
public:
    DemandIndex(const std::vector<double>& x, const std::vector<double>& y, double bucket_m)
        : m_pos(in_bucket_order(distinct_positions(x, y), bucket_m)), m_grid(m_pos.x, m_pos.y, bucket_m) {
        m_start.assign(m_pos.x.size() + 1, 0);
        for (std::uint32_t p : m_pos.of_point) ++m_start[p + 1];
        for (std::size_t p = 0; p < m_pos.x.size(); ++p) m_start[p + 1] += m_start[p];
        m_points.resize(x.size());
        std::vector<std::uint32_t> fill(m_start.begin(), m_start.end() - 1);
        for (std::size_t i = 0; i < x.size(); ++i) m_points[fill[m_pos.of_point[i]]++] = static_cast<std::uint32_t>(i);
    }
    DemandIndex(const DemandIndex&) = delete;
    DemandIndex& operator=(const DemandIndex&) = delete;

    double x(std::size_t p) const { return m_pos.x[p]; }
    double y(std::size_t p) const { return m_pos.y[p]; }
    void append_points_at(std::size_t p, std::vector<std::uint32_t>& out) const {
        if (m_start[p + 1] - m_start[p] == 1) out.push_back(m_points[m_start[p]]); // distinct points: most
        else out.insert(out.end(), m_points.begin() + m_start[p], m_points.begin() + m_start[p + 1]);
    }
    template <typename Fn> void for_each_within(double x0, double y0, double radius, Fn&& fn) const {
        m_grid.for_each_within(x0, y0, radius, fn);
    }

private:
    DistinctPositions m_pos; // before m_grid, which refers to its coordinates
    PointGridIndex m_grid;
    std::vector<std::uint32_t> m_start, m_points;
};

// Positions within range of (sx, sy) that the site can see.
void visible_positions(const DemandIndex& index, double sx, double sy, double range, const SightObstacles* obstacles,
                       std::vector<std::uint32_t>& out) {
    out.clear();
    index.for_each_within(sx, sy, range, [&](std::size_t p) {
        if (obstacles && obstacles->blocks(sx, sy, index.x(p), index.y(p))) return;
        out.push_back(static_cast<std::uint32_t>(p));
    });
}

void close_option(SiteCoverage& c, std::size_t site, std::optional<double> heading) {
    c.option_site.push_back(static_cast<std::uint32_t>(site));
    c.option_heading_deg.push_back(heading);
    c.start.push_back(c.points.size());
}

} // namespace

SiteKind parse_site_kind(std::string_view text) {
    if (text == "ptz") return SiteKind::ptz;
    if (text == "fixed") return SiteKind::fixed;
    if (text == "lighting") return SiteKind::lighting;
    throw ConfigError(fmt::format("siting: unknown site kind '{}' (expected ptz, fixed or lighting)", text));
}

void CoverageOptions::validate() const {
    if (!(range_m > 0) || !std::isfinite(range_m))
        throw ConfigError(fmt::format("siting: range_m must be > 0 (got {})", range_m));
    if (kind == SiteKind::fixed) {
        if (!(fov_deg > 0 && fov_deg <= 360))
            throw ConfigError(fmt::format("siting: fov_deg must be in (0, 360] (got {})", fov_deg));
        if (headings < 1) throw ConfigError(fmt::format("siting: headings must be >= 1 (got {})", headings));
    }
}

SiteCoverage point_site_coverage(const std::vector<double>& demand_x, const std::vector<double>& demand_y,
                                 const std::vector<double>& site_x, const std::vector<double>& site_y,
                                 const CoverageOptions& options, const SightObstacles* obstacles) {
    options.validate();
    check_points("demand point", demand_x, demand_y);
    check_points("candidate", site_x, site_y);
    SiteCoverage c;
    c.candidates = site_x.size();
    c.demand_points = demand_x.size();
    const DemandIndex index(demand_x, demand_y, options.range_m);
    const bool fixed = options.kind == SiteKind::fixed;
    const int n_headings = fixed ? options.headings : 1;
    const double half_fov = options.fov_deg / 2, step = 360.0 / n_headings;
    std::vector<std::uint32_t> seen;
    std::vector<std::vector<std::uint32_t>> per_heading(static_cast<std::size_t>(n_headings));
    for (std::size_t j = 0; j < site_x.size(); ++j) {
        const double sx = site_x[j], sy = site_y[j];
        visible_positions(index, sx, sy, options.range_m, obstacles, seen);
        if (!fixed) {
            for (std::uint32_t p : seen) index.append_points_at(p, c.points);
            close_option(c, j, std::nullopt);
            continue;
        }
        // Test each position against only the headings near its bearing (fov / step + 4 of
        // them, not all n): the in_sector test still decides, the window only skips the rest.
        for (auto& list : per_heading) list.clear();
        for (std::uint32_t p : seen) {
            const double dx = index.x(p) - sx, dy = index.y(p) - sy;
            if (dx == 0 && dy == 0) { // at the site: every heading sees it
                for (auto& list : per_heading) index.append_points_at(p, list);
                continue;
            }
            const double b = bearing_deg(dx, dy);
            const int lo = static_cast<int>(std::floor((b - half_fov) / step)) - 1;
            const int hi = static_cast<int>(std::ceil((b + half_fov) / step)) + 1;
            const bool all = hi - lo + 1 >= n_headings;
            for (int t = all ? 0 : lo; t <= (all ? n_headings - 1 : hi); ++t) {
                const int h = ((t % n_headings) + n_headings) % n_headings;
                if (in_sector(b, step * h, half_fov)) index.append_points_at(p, per_heading[h]);
            }
        }
        for (int h = 0; h < n_headings; ++h) {
            c.points.insert(c.points.end(), per_heading[h].begin(), per_heading[h].end());
            close_option(c, j, step * h);
        }
    }
    return c;
}

SiteCoverage line_site_coverage(const geo::GeosContext& ctx, const std::vector<double>& demand_x,
                                const std::vector<double>& demand_y, const std::vector<const GEOSGeometry*>& lines,
                                const CoverageOptions& options, const SightObstacles* obstacles) {
    options.validate();
    if (options.kind != SiteKind::lighting)
        throw ConfigError("siting: street-segment (line) candidates are for lighting only; cameras are points");
    check_points("demand point", demand_x, demand_y);
    GEOSContextHandle_t h = ctx.handle();
    for (std::size_t j = 0; j < lines.size(); ++j) {
        const int type = lines[j] ? GEOSGeomTypeId_r(h, lines[j]) : -1;
        if (type != GEOS_LINESTRING && type != GEOS_MULTILINESTRING && type != GEOS_LINEARRING)
            throw ConfigError(fmt::format("siting: street candidate {} is not a line", j));
    }
    SiteCoverage c;
    c.candidates = lines.size();
    c.demand_points = demand_x.size();
    const DemandIndex index(demand_x, demand_y, options.range_m);
    for (std::size_t j = 0; j < lines.size(); ++j) {
        const GEOSGeometry* line = lines[j];
        if (GEOSisEmpty_r(h, line) == 1) {
            close_option(c, j, std::nullopt);
            continue;
        }
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        GEOSGeom_getXMin_r(h, line, &x0);
        GEOSGeom_getYMin_r(h, line, &y0);
        GEOSGeom_getXMax_r(h, line, &x1);
        GEOSGeom_getYMax_r(h, line, &y1);
        // A circle round the envelope, grown by the range, holds every point the line can cover.
        const double cx = (x0 + x1) / 2, cy = (y0 + y1) / 2;
        const double reach = std::hypot(x1 - x0, y1 - y0) / 2 + options.range_m;
        const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, line);
        index.for_each_within(cx, cy, reach, [&](std::size_t p) {
            geo::GeomPtr point = geo::make_geom(ctx, GEOSGeom_createPointFromXY_r(h, index.x(p), index.y(p)));
            if (GEOSPreparedDistanceWithin_r(h, prepared, point.get(), options.range_m) != 1) return;
            if (obstacles) {
                GEOSCoordSequence* nearest = GEOSNearestPoints_r(h, line, point.get());
                double nx = index.x(p), ny = index.y(p);
                if (nearest) {
                    GEOSCoordSeq_getXY_r(h, nearest, 0, &nx, &ny);
                    GEOSCoordSeq_destroy_r(h, nearest);
                }
                if (obstacles->blocks(nx, ny, index.x(p), index.y(p))) return;
            }
            index.append_points_at(p, c.points);
        });
        GEOSPreparedGeom_destroy_r(h, prepared);
        close_option(c, j, std::nullopt);
    }
    return c;
}

std::vector<std::uint8_t> existing_coverage(const std::vector<double>& demand_x, const std::vector<double>& demand_y,
                                            const std::vector<ExistingSite>& sites, const CoverageOptions& options,
                                            const SightObstacles* obstacles) {
    options.validate();
    check_points("demand point", demand_x, demand_y);
    for (std::size_t j = 0; j < sites.size(); ++j)
        if (!std::isfinite(sites[j].x) || !std::isfinite(sites[j].y) ||
            (sites[j].heading_deg && !std::isfinite(*sites[j].heading_deg)))
            throw ConfigError(fmt::format("siting: existing site {} has a non-finite coordinate or heading", j));
    std::vector<std::uint8_t> covered(demand_x.size(), 0);
    const DemandIndex index(demand_x, demand_y, options.range_m);
    std::vector<std::uint32_t> seen, points;
    for (const ExistingSite& s : sites) {
        visible_positions(index, s.x, s.y, options.range_m, obstacles, seen);
        const bool sector = options.kind == SiteKind::fixed && s.heading_deg;
        points.clear();
        for (std::uint32_t p : seen) {
            const double dx = index.x(p) - s.x, dy = index.y(p) - s.y;
            if (sector && !(dx == 0 && dy == 0) && !in_sector(bearing_deg(dx, dy), normalised_deg(*s.heading_deg), options.fov_deg / 2))
                continue;
            index.append_points_at(p, points);
        }
        for (std::uint32_t i : points) covered[i] = 1;
    }
    return covered;
}

} // namespace safermap::analysis
