// SPDX-License-Identifier: MIT
#include "render/furniture_painter.hpp"

#include "render/map_overlays.hpp"

#include <fmt/format.h>

#include <cmath>
#include <sstream>

namespace safermap::render {

namespace {

Ring rect(double x0, double y0, double x1, double y1) { return {{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}; }

std::string thousands(double n) {
    std::string digits = fmt::format("{:.0f}", n), out;
    for (std::size_t i = 0; i < digits.size(); ++i) {
        if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
        out += digits[i];
    }
    return out;
}

void paint_scale_bar(Canvas& c, const PrintedScale& scale, double x, double y, double u) {
    const ScaleBar bar = scale_bar(scale.metres_per_point, 150 * u);
    if (bar.pixels <= 0) return;
    const double h = 5 * u, mid = x + bar.pixels / 2;
    c.polygon({rect(x, y, mid, y + h)}, style::ink, std::nullopt, 0, "scale");
    c.polygon({rect(mid, y, x + bar.pixels, y + h)}, Rgba{255, 255, 255, 255}, std::nullopt, 0, "scale");
    c.polygon({rect(x, y, x + bar.pixels, y + h)}, std::nullopt, style::ink, 0.6 * u, "scale");
    const TextStyle small{7.5 * u, false, style::ink, TextAlign::centre};
    c.text({x, y + h + 9 * u}, "0", small);
    c.text({x + bar.pixels, y + h + 9 * u}, bar.label, small);
    if (scale.denominator > 0)
        c.text({x, y - 4 * u}, fmt::format("Scale 1:{} at {}", thousands(scale.denominator), scale.paper),
               TextStyle{7.5 * u, false, style::ink, TextAlign::left});
}

void paint_north_arrow(Canvas& c, double cx, double cy, double u) {
    const double r = 13 * u;
    // British National Grid north is up the page.
    c.polygon({{{cx, cy - r}, {cx - r * 0.5, cy + r * 0.6}, {cx, cy + r * 0.2}}}, style::ink, std::nullopt, 0, "north");
    c.polygon({{{cx, cy - r}, {cx + r * 0.5, cy + r * 0.6}, {cx, cy + r * 0.2}}}, Rgba{255, 255, 255, 255}, style::ink, 0.8 * u, "north");
    c.text({cx, cy + r + 9 * u}, "N", TextStyle{9 * u, true, style::ink, TextAlign::centre});
}

} // namespace

std::vector<std::string> wrap_text(const std::string& text, double width_pt, double size_pt, bool bold) {
    std::vector<std::string> lines;
    std::istringstream words(text);
    std::string word, line;
    while (words >> word) {
        const std::string candidate = line.empty() ? word : line + " " + word;
        if (!line.empty() && measure_text(candidate, size_pt, bold).width > width_pt) {
            lines.push_back(line);
            line = word;
        } else {
            line = candidate;
        }
    }
    if (!line.empty()) lines.push_back(line);
    return lines;
}

void paint_symbol(Canvas& c, const std::string& type, XY at, double r) {
    const SymbolStyle st = intervention_symbol(type);
    switch (st.shape) {
    case SymbolShape::gate:
        c.polygon({rect(at.x - r, at.y - r, at.x + r, at.y + r)}, st.colour, st.outline, 0.6, "intervention");
        for (double k : {-0.5, 0.0, 0.5}) c.polyline({{at.x + k * r, at.y - r}, {at.x + k * r, at.y + r}}, Rgba{255, 255, 255, 230}, 0.6, "intervention");
        break;
    case SymbolShape::lamp:
        for (int i = 0; i < 8; ++i) {
            const double a = i * M_PI / 4;
            c.polyline({at, {at.x + 1.4 * r * std::cos(a), at.y + 1.4 * r * std::sin(a)}}, st.colour, 1.0, "intervention");
        }
        c.polygon({circle_ring(at, 0.7 * r, 16)}, st.colour, st.outline, 0.6, "intervention");
        break;
    case SymbolShape::triangle:
        c.polygon({{{at.x, at.y - r}, {at.x - r, at.y + r}, {at.x + r, at.y + r}}}, st.colour, st.outline, 0.6, "intervention");
        break;
    case SymbolShape::diamond:
        c.polygon({{{at.x, at.y - r}, {at.x + r, at.y}, {at.x, at.y + r}, {at.x - r, at.y}}}, st.colour, st.outline, 0.6, "intervention");
        break;
    case SymbolShape::dot: c.polygon({circle_ring(at, r, 16)}, st.colour, st.outline, 0.6, "intervention"); break;
    }
}

double paint_legend(Canvas& c, const MapFurniture& f, const Box& box, double u, int columns) {
    const double fs = 8.5 * u, row = 14 * u, sw = 16 * u, gap = 12 * u;
    const TextStyle label{fs, false, style::ink, TextAlign::left};
    const double col_w = (box.w - gap * (columns - 1)) / columns;
    c.text({box.x, box.y + 10 * u}, "Legend", TextStyle{10 * u, true, style::ink, TextAlign::left});
    const double top = box.y + 18 * u;
    double x = box.x, y = top, lowest = top;
    using K = LegendEntry::Kind;
    for (const auto& e : f.legend) {
        const bool wide = e.kind == K::ramp || e.kind == K::bins;
        const auto lines = wrap_text(e.label, col_w - (wide ? 0 : sw + 6 * u), fs, false);
        const double height = std::max(row, static_cast<double>(lines.size()) * fs * 1.15 + 4 * u) + (wide ? 20 * u : 0);
        // Entries flow into the next column when this one is full.
        if (y + height > box.bottom() && y > top && x + 2 * col_w + gap <= box.right() + 1) {
            x += col_w + gap;
            y = top;
        }
        const double a_x = x, b_x = x + sw, a_y = y + 1 * u, b_y = y + fs;
        const XY mid{(a_x + b_x) / 2, (a_y + b_y) / 2};
        switch (e.kind) {
        case K::fill: c.polygon({rect(a_x, a_y, b_x, b_y)}, e.colour, style::rule, 0.4 * u, "legend"); break;
        case K::outline: c.polygon({rect(a_x + u, a_y + u, b_x - u, b_y - u)}, std::nullopt, e.colour, 1.6 * u, "legend"); break;
        case K::point: c.polygon({circle_ring(mid, 3 * u, 12)}, e.colour, std::nullopt, 0, "legend"); break;
        case K::sector:
            c.polygon({{{a_x, b_y}, {b_x, a_y}, {b_x, b_y}}}, e.colour, std::nullopt, 0, "legend");
            c.polygon({circle_ring({a_x, b_y}, 2.2 * u, 10)}, style::cctv_edge, std::nullopt, 0, "legend");
            break;
        case K::symbol: paint_symbol(c, e.symbol, mid, 4.5 * u); break;
        case K::ramp:
        case K::bins: break;
        }
        for (std::size_t i = 0; i < lines.size(); ++i)
            c.text({wide ? x : x + sw + 6 * u, y + fs * 0.85 + static_cast<double>(i) * fs * 1.15}, lines[i], label);
        double ly = y + std::max(row, static_cast<double>(lines.size()) * fs * 1.15 + 4 * u);
        if (e.kind == K::ramp) {
            const double x0 = x, x1 = x + col_w - 4 * u;
            for (int i = 0; i < 48; ++i) {
                const double t0 = i / 48.0, t1 = (i + 1) / 48.0;
                c.polygon({rect(x0 + (x1 - x0) * t0, ly, x0 + (x1 - x0) * t1 + 0.3, ly + 7 * u)}, sample_ramp(f.ramp, (t0 + t1) / 2),
                          std::nullopt, 0, "legend");
            }
            c.text({x0, ly + 15 * u}, f.ramp_low, TextStyle{7 * u, false, style::ink, TextAlign::left});
            c.text({x1, ly + 15 * u}, f.ramp_high, TextStyle{7 * u, false, style::ink, TextAlign::right});
        } else if (e.kind == K::bins) {
            const double x0 = x, cell = (col_w - 4 * u) / 7;
            for (int bin = -3; bin <= 3; ++bin) {
                const double cx = x0 + cell * (bin + 3);
                const Rgba col = gi_bin_colour(bin);
                c.polygon({rect(cx, ly, cx + cell - 1, ly + 7 * u)}, col.a ? std::optional<Rgba>(col) : std::nullopt,
                          col.a ? std::nullopt : std::optional<Rgba>(style::rule), 0.4 * u, "legend");
            }
            c.text({x0, ly + 15 * u}, "cold 99%", TextStyle{7 * u, false, style::ink, TextAlign::left});
            c.text({x0 + 3.5 * cell, ly + 15 * u}, "not significant", TextStyle{7 * u, false, style::ink, TextAlign::centre});
            c.text({x0 + 7 * cell, ly + 15 * u}, "hot 99%", TextStyle{7 * u, false, style::ink, TextAlign::right});
        }
        y += height;
        lowest = std::max(lowest, y);
    }
    return lowest - box.y;
}

void paint_furniture(Canvas& c, const MapFurniture& f, const MapPageLayout& l, const PrintedScale& scale) {
    const double u = l.unit;
    if (!f.marking.empty()) {
        const TextStyle marking{9 * u, true, style::ink, TextAlign::centre};
        c.text({l.page.w / 2, 11 * u}, f.marking, marking);
        c.text({l.page.w / 2, l.page.h - 4 * u}, f.marking, marking);
    }
    c.text({l.title.x, l.title.y + 20 * u}, f.title, TextStyle{19 * u, true, style::ink, TextAlign::left});
    if (!f.subtitle.empty()) c.text({l.title.x, l.title.y + 38 * u}, f.subtitle, TextStyle{11 * u, false, style::ink, TextAlign::left});

    if (l.panel.h >= l.panel.w) {
        // Side panel: legend from the top, north arrow and scale bar at the bottom.
        const Box legend{l.panel.x + 6 * u, l.panel.y + 4 * u, l.panel.w - 10 * u, l.panel.h - 80 * u};
        paint_legend(c, f, legend, u, 1);
        paint_north_arrow(c, l.panel.right() - 22 * u, l.panel.bottom() - 52 * u, u);
        paint_scale_bar(c, scale, l.panel.x + 6 * u, l.panel.bottom() - 22 * u, u);
    } else {
        // A band under the map (portrait): the legend in columns, scale and north arrow at the right.
        const double side = 170 * u;
        const Box legend{l.panel.x + 2 * u, l.panel.y + 4 * u, l.panel.w - side - 12 * u, l.panel.h - 8 * u};
        paint_legend(c, f, legend, u, 2);
        paint_north_arrow(c, l.panel.right() - 22 * u, l.panel.y + 30 * u, u);
        paint_scale_bar(c, scale, l.panel.right() - side, l.panel.bottom() - 22 * u, u);
    }

    // Footer: method, then attribution, in small type under the map.
    double y = l.footer.y + 8 * u;
    if (!f.method.empty()) {
        c.text({l.footer.x, y}, f.method, TextStyle{7.5 * u, false, style::ink, TextAlign::left});
        y += 10 * u;
    }
    std::string attribution;
    for (const auto& a : f.attribution) attribution += (attribution.empty() ? "" : "  |  ") + a;
    for (const auto& line : wrap_text(attribution, l.footer.w, 6.5 * u, false)) {
        c.text({l.footer.x, y}, line, TextStyle{6.5 * u, false, style::attribution_ink, TextAlign::left});
        y += 8 * u;
    }
}

} // namespace safermap::render
