// SPDX-License-Identifier: MIT
#pragma once
// Paper and the places on a printed map page: a title band across the top, the map frame
// filling most of the page, a side panel for the legend, scale bar and north arrow, and a
// footer for the method, attribution and protective marking. Sizes in points (1/72 inch).

#include <string>
#include <string_view>

namespace safermap::render {

struct PaperSize {
    std::string name;          // "A4"
    bool landscape = true;
    double width_pt = 0, height_pt = 0;
};
// A4, A3 or A2 (ISO 216, rounded to whole points: A4 is 842 x 595 in landscape), "landscape"
// or "portrait". Throws ConfigError naming what is allowed.
PaperSize paper_size(std::string_view name, std::string_view orientation);

struct Box {
    double x = 0, y = 0, w = 0, h = 0;
    double right() const { return x + w; }
    double bottom() const { return y + h; }
};

struct MapPageLayout {
    double unit = 1;           // type and line scale: 1 on A4, larger on bigger paper
    Box page, title, map, panel, footer;
};
// The map frame takes what the title band, side panel (or, in portrait, a band under the map)
// and footer leave.
MapPageLayout map_page_layout(const PaperSize& paper);

// "1:25000" or "1:25,000" -> 25000. Throws ConfigError for anything else.
double parse_scale(std::string_view text);

// Metres on the ground per point on paper at scale 1:denominator.
inline double metres_per_point(double denominator) { return denominator * 0.0254 / 72; }

} // namespace safermap::render
