// SPDX-License-Identifier: MIT
#pragma once
// A page to draw a map on, in points (1/72 inch) from the top left, y down. Two back ends:
// Cairo (PDF, PNG) and SVG written as text, so that SVG labels are real <text> elements (Cairo's
// SVG surface would turn them into glyph outlines). Painters draw through this interface only,
// so a map looks the same in every format.

#include "core/incident.hpp"
#include "render/color_ramp.hpp"
#include "render/png_image.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

namespace safermap::render {

using Ring = std::vector<XY>;

enum class TextAlign { left, centre, right };

struct TextStyle {
    TextStyle() = default;
    TextStyle(double size, bool is_bold, Rgba ink, TextAlign how = TextAlign::left, std::optional<Rgba> outline = std::nullopt)
        : size_pt(size), bold(is_bold), colour(ink), align(how), halo(outline) {}
    double size_pt = 10;
    bool bold = false;
    Rgba colour{25, 25, 25, 255};
    TextAlign align = TextAlign::left;
    std::optional<Rgba> halo; // a outline behind the letters, for labels over the map
};

class Canvas {
public:
    virtual ~Canvas() = default;

    // Later drawing is clipped to the rectangle until pop_clip().
    virtual void push_clip(double x, double y, double w, double h) = 0;
    virtual void pop_clip() = 0;
    // Filled and/or stroked closed rings (even-odd: holes stay open). `group` names what is
    // drawn (an SVG class), e.g. "ward", "cctv".
    virtual void polygon(const std::vector<Ring>& rings, std::optional<Rgba> fill, std::optional<Rgba> stroke, double width_pt,
                         const std::string& group) = 0;
    virtual void polyline(const Ring& points, Rgba stroke, double width_pt, const std::string& group) = 0;
    // Incident points only: the one primitive public outputs never hold.
    virtual void point_marker(XY centre, double radius_pt, Rgba fill) = 0;
    // Text with its baseline at `at`.y; `at`.x is its left, centre or right per the style.
    virtual void text(XY at, const std::string& utf8, const TextStyle& style) = 0;
    // `image` drawn into the rectangle (embedded as a raster).
    virtual void image(const RgbaImage& image, double x, double y, double w, double h) = 0;
    // Ends a page and starts the next (PDF); a no-op where a format has one page.
    virtual void next_page() = 0;
};

// A document of pages of one size: PDF (several pages), SVG or PNG (one page each). Writes
// `path` as it goes; finish() completes it (call it before renaming a temporary into place).
class PageDocument : public Canvas {
public:
    virtual void finish() = 0;
};

enum class PageFormat { pdf, svg, png };
// By the extension of `path` (any case). Throws ConfigError naming the formats.
PageFormat page_format_of(const std::string& path);
// `dpi` sets a PNG's pixels (points x dpi / 72) and the resolution of images in a PDF or SVG
// (the caller renders them at it). Throws IoError naming `path`.
std::unique_ptr<PageDocument> open_page_document(PageFormat format, const std::string& path, double width_pt, double height_pt,
                                                 double dpi);

// Width and height of text in points, as both back ends lay it out (DejaVu Sans through Cairo).
struct TextExtent {
    double width = 0, ascent = 0, descent = 0;
};
TextExtent measure_text(const std::string& utf8, double size_pt, bool bold);

// Points in a circle of `radius_pt` around `centre`, for round symbols drawn as polygons.
Ring circle_ring(XY centre, double radius_pt, int segments = 24);

} // namespace safermap::render
