// SPDX-License-Identifier: MIT
#pragma once
// The geometry of what is drawn over a map, worked out without a GL context: non-colliding
// labels, CCTV coverage sectors, and a scale bar of a round length.

#include "core/incident.hpp"

#include <string>
#include <vector>

namespace safermap::render {

// A label wanting a place on screen: a box centred on (x, y) in pixels.
struct LabelCandidate {
    double x = 0, y = 0;
    double width = 0, height = 0;
    int priority = 0; // higher first; ties keep input order
    int group = -1;   // alternative places for one label share a group: at most one is placed
};

// Greedy placement: candidates in priority order take their box unless it overlaps one
// already taken (with `gap_px` between), one of the `blocked` boxes (what the labels must not
// cover: the hotspots they explain), or leaves the screen. Returns the indexes placed.
std::vector<std::size_t> place_labels(const std::vector<LabelCandidate>& candidates, double screen_w, double screen_h,
                                      double gap_px, const std::vector<LabelCandidate>& blocked = {});

// A camera's view as a fan: the centre, then `segments` + 1 points along the arc from
// heading - fov/2 to heading + fov/2. Heading in degrees clockwise from grid north.
// A field of view of 360 (a PTZ camera that turns) gives a closed circle.
std::vector<XY> coverage_sector(XY centre, double heading_deg, double fov_deg, double range_m, int segments);

// A scale bar of a round length (1, 2 or 5 x 10^n metres) at most `max_px` long.
struct ScaleBar {
    double metres = 0;
    double pixels = 0;
    std::string label; // "500 m", "2 km"
};
ScaleBar scale_bar(double metres_per_pixel, double max_px);

} // namespace safermap::render
