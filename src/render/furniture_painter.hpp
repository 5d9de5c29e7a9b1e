// SPDX-License-Identifier: MIT
#pragma once
// The furniture of a printed map, drawn on a render::Canvas from the shared MapFurniture: the
// title and subtitle, the legend in the side panel, a scale bar of a round length with the
// scale as 1:N, a north arrow, and a footer with the method, the attribution of the data shown
// and the protective marking (top and bottom of the page, as markings are printed).

#include "render/canvas.hpp"
#include "render/map_style.hpp"
#include "render/page_layout.hpp"

#include <string>

namespace safermap::render {

struct PrintedScale {
    double metres_per_point = 1;
    double denominator = 0;      // 1:N at the paper size
    std::string paper;           // "A4"
};

void paint_furniture(Canvas& canvas, const MapFurniture& furniture, const MapPageLayout& layout, const PrintedScale& scale);

// The legend alone, from the top of `box`, flowing into up to `columns` columns when it runs
// out of height; returns the height used. For report pages too.
double paint_legend(Canvas& canvas, const MapFurniture& furniture, const Box& box, double unit, int columns);

// Words of `text` wrapped into lines no wider than `width_pt` at `size_pt`.
std::vector<std::string> wrap_text(const std::string& text, double width_pt, double size_pt, bool bold);

// An intervention's symbol at `at` with half-size `r` (the viewer's symbols, drawn as paths).
void paint_symbol(Canvas& canvas, const std::string& type, XY at, double r);

} // namespace safermap::render
