// SPDX-License-Identifier: MIT
#include "render/map_overlays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace safermap::render {

std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& c, double screen_w, double screen_h, double gap_px,
                                      const std::vector<LabelCandidate>& blocked) {
    std::vector<std::size_t> order(c.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return c[a].priority > c[b].priority; });
    std::vector<std::size_t> placed;
    std::vector<int> groups_placed;
    for (std::size_t i : order) {
        const auto& l = c[i];
        if (l.group >= 0 && std::find(groups_placed.begin(), groups_placed.end(), l.group) != groups_placed.end()) continue;
        const double x0 = l.x - l.width / 2, x1 = l.x + l.width / 2, y0 = l.y - l.height / 2, y1 = l.y + l.height / 2;
        if (x0 < 0 || y0 < 0 || x1 > screen_w || y1 > screen_h) continue;
        auto overlaps = [&](const LabelCandidate& o, double gap) {
            return x0 < o.x + o.width / 2 + gap && o.x - o.width / 2 - gap < x1 && y0 < o.y + o.height / 2 + gap && o.y - o.height / 2 - gap < y1;
        };
        const bool clash = std::any_of(placed.begin(), placed.end(), [&](std::size_t j) { return overlaps(c[j], gap_px); }) ||
                           std::any_of(blocked.begin(), blocked.end(), [&](const LabelCandidate& b) { return overlaps(b, 0); });
        if (!clash) {
            placed.push_back(i);
            if (l.group >= 0) groups_placed.push_back(l.group);
        }
    }
    return placed;
}

std::vector<XY> coverage_sector(XY centre, double heading_deg, double fov_deg, double range_m, int segments) {
    std::vector<XY> pts;
    segments = std::max(segments, 2);
    const bool circle = fov_deg >= 360;
    if (!circle) pts.push_back(centre);
    const double start = circle ? 0.0 : heading_deg - fov_deg / 2;
    const double span = circle ? 360.0 : fov_deg;
    for (int i = 0; i <= segments; ++i) {
        const double a = (start + span * i / segments) * M_PI / 180.0;
        // Compass bearings: 0 is north (+y), 90 east (+x).
        pts.push_back(XY{centre.x + range_m * std::sin(a), centre.y + range_m * std::cos(a)});
    }
    return pts;
}

ScaleBar scale_bar(double mpp, double max_px) {
    ScaleBar bar;
    if (!(mpp > 0) || !(max_px > 0)) return bar;
    const double max_m = mpp * max_px;
    const double power = std::pow(10.0, std::floor(std::log10(max_m)));
    for (double step : {5.0, 2.0, 1.0}) {
        if (step * power <= max_m) {
            bar.metres = step * power;
            break;
        }
    }
    bar.pixels = bar.metres / mpp;
    bar.label = bar.metres >= 1000 ? fmt::format("{:g} km", bar.metres / 1000) : fmt::format("{:g} m", bar.metres);
    return bar;
}

} // namespace safermap::render
