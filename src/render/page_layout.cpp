// SPDX-License-Identifier: MIT
#include "render/page_layout.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::render {

PaperSize paper_size(std::string_view name, std::string_view orientation) {
    PaperSize p;
    const std::string key = name_key(name);
    // Short and long sides of ISO 216 sheets in points (mm / 25.4 * 72, rounded).
    double short_side = 0, long_side = 0;
    if (key == "a4") short_side = 595, long_side = 842, p.name = "A4";
    else if (key == "a3") short_side = 842, long_side = 1191, p.name = "A3";
    else if (key == "a2") short_side = 1191, long_side = 1684, p.name = "A2";
    else throw ConfigError(fmt::format("--paper '{}': give A4, A3 or A2", name));
    if (orientation == "landscape") p.landscape = true;
    else if (orientation == "portrait") p.landscape = false;
    else throw ConfigError(fmt::format("--orientation '{}': give landscape or portrait", orientation));
    p.width_pt = p.landscape ? long_side : short_side;
    p.height_pt = p.landscape ? short_side : long_side;
    return p;
}

MapPageLayout map_page_layout(const PaperSize& paper) {
    MapPageLayout l;
    // Type grows with the sheet so that an A2 print reads like an A4 one held closer.
    l.unit = std::min(paper.width_pt, paper.height_pt) / 595.0;
    const double u = l.unit, margin = 22 * u;
    l.page = {0, 0, paper.width_pt, paper.height_pt};
    l.title = {margin, 16 * u, paper.width_pt - 2 * margin, 50 * u};
    const double footer_h = 44 * u;
    l.footer = {margin, paper.height_pt - footer_h - 8 * u, paper.width_pt - 2 * margin, footer_h};
    const double top = l.title.bottom() + 4 * u, bottom = l.footer.y - 6 * u;
    if (paper.landscape) {
        const double panel_w = 196 * u;
        l.panel = {paper.width_pt - margin - panel_w, top, panel_w, bottom - top};
        l.map = {margin, top, l.panel.x - 10 * u - margin, bottom - top};
    } else {
        const double panel_h = 170 * u;
        l.panel = {margin, bottom - panel_h, paper.width_pt - 2 * margin, panel_h};
        l.map = {margin, top, paper.width_pt - 2 * margin, l.panel.y - 8 * u - top};
    }
    return l;
}

double parse_scale(std::string_view text) {
    std::string digits;
    const auto colon = text.find(':');
    if (colon != std::string_view::npos && text.substr(0, colon) == "1")
        for (char c : text.substr(colon + 1)) {
            if (c == ',' || c == ' ') continue;
            if (c < '0' || c > '9') {
                digits.clear();
                break;
            }
            digits += c;
        }
    if (digits.empty() || digits.size() > 9 || std::stod(digits) < 100)
        throw ConfigError(fmt::format("--scale '{}': give 1:N with N at least 100, e.g. 1:25000", text));
    return std::stod(digits);
}

} // namespace safermap::render
