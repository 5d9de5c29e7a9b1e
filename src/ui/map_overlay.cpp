// SPDX-License-Identifier: MIT
#include "ui/map_overlay.hpp"

#include "render/color_ramp.hpp"
#include "render/map_overlays.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::ui {

namespace {

ImVec2 to_screen(const render::Camera& cam, XY w) {
    const XY s = cam.world_to_screen(w);
    return ImVec2(static_cast<float>(s.x), static_cast<float>(s.y));
}

void text_with_halo(ImDrawList& dl, ImFont* font, float size, ImVec2 at, ImU32 colour, const std::string& text) {
    const ImU32 halo = IM_COL32(255, 255, 255, 210);
    for (int dx = -1; dx <= 1; ++dx)
        for (int dy = -1; dy <= 1; ++dy)
            if (dx || dy) dl.AddText(font, size, ImVec2(at.x + static_cast<float>(dx), at.y + static_cast<float>(dy)), halo, text.c_str());
    dl.AddText(font, size, at, colour, text.c_str());
}

} // namespace

ImU32 to_imgui(render::Rgba c, float opacity) {
    return IM_COL32(c.r, c.g, c.b, static_cast<int>(std::lround(c.a * std::clamp(opacity, 0.f, 1.f))));
}

void draw_area_labels(ImDrawList& dl, const scene::AreaLayer& areas, const render::Camera& cam, ImFont* font, float size, ImU32 colour,
                      const std::vector<render::LabelCandidate>& taken) {
    std::vector<render::LabelCandidate> candidates;
    for (std::size_t i = 0; i < areas.names.size(); ++i) {
        const ImVec2 p = to_screen(cam, areas.label_points[i]);
        const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0.f, areas.names[i].c_str());
        const auto& b = areas.extents[i];
        // Bigger areas first: their labels matter more at any scale.
        const int priority = static_cast<int>(std::log10(std::max(1.0, (b.max_x - b.min_x) * (b.max_y - b.min_y))) * 100);
        candidates.push_back({p.x, p.y, extent.x, extent.y, priority});
    }
    for (std::size_t i : render::place_labels(candidates, cam.width(), cam.height(), 4, taken)) {
        const auto& c = candidates[i];
        text_with_halo(dl, font, size, ImVec2(static_cast<float>(c.x - c.width / 2), static_cast<float>(c.y - c.height / 2)), colour,
                       areas.names[i]);
    }
}

std::vector<render::LabelCandidate> draw_place_labels(ImDrawList& dl, const std::vector<scene::PlaceLabel>& places,
                                                      const render::Camera& cam, ImFont* font, ImFont* bold_font, float scale) {
    std::vector<render::LabelCandidate> candidates;
    for (const auto& p : places) {
        const ImVec2 at = to_screen(cam, p.xy);
        const float size = static_cast<float>(render::place_label_size(p.rank)) * scale;
        const ImVec2 extent = (p.rank <= 1 ? bold_font : font)->CalcTextSizeA(size, 1e9f, 0.f, p.name.c_str());
        candidates.push_back({at.x, at.y, extent.x, extent.y, 1000 - p.rank * 100});
    }
    std::vector<render::LabelCandidate> placed;
    for (std::size_t i : render::place_labels(candidates, cam.width(), cam.height(), 4)) {
        const auto& c = candidates[i];
        const auto& p = places[i];
        placed.push_back(c);
        text_with_halo(dl, p.rank <= 1 ? bold_font : font, static_cast<float>(render::place_label_size(p.rank)) * scale,
                       ImVec2(static_cast<float>(c.x - c.width / 2), static_cast<float>(c.y - c.height / 2)), to_imgui(render::style::ink),
                       p.name);
    }
    return placed;
}

void draw_cctv(ImDrawList& dl, const std::vector<scene::CctvSite>& sites, const render::Camera& cam, float opacity) {
    const render::Rgba fill = render::style::cctv_fill, edge = render::style::cctv_edge;
    for (const auto& s : sites) {
        const bool ptz = s.type == "ptz" || !s.has_direction;
        const auto pts = render::coverage_sector(s.xy, s.heading_deg, ptz ? 360 : s.fov_deg, s.range_m, ptz ? 36 : 12);
        std::vector<ImVec2> screen;
        for (const auto& p : pts) screen.push_back(to_screen(cam, p));
        if (ptz) {
            dl.AddConvexPolyFilled(screen.data(), static_cast<int>(screen.size()), to_imgui(fill, opacity));
            dl.AddPolyline(screen.data(), static_cast<int>(screen.size()), to_imgui(edge, opacity * 0.7f), ImDrawFlags_Closed, 1.f);
        } else {
            dl.AddConvexPolyFilled(screen.data(), static_cast<int>(screen.size()), to_imgui(fill, opacity));
            dl.AddPolyline(screen.data(), static_cast<int>(screen.size()), to_imgui(edge, opacity * 0.7f), ImDrawFlags_Closed, 1.f);
        }
        const ImVec2 c = to_screen(cam, s.xy);
        dl.AddCircleFilled(c, 3.5f, to_imgui(edge, opacity));
        dl.AddCircle(c, 3.5f, IM_COL32(255, 255, 255, static_cast<int>(220 * opacity)), 0, 1.f);
    }
}

void draw_proposed(ImDrawList& dl, ImFont* font, const std::vector<scene::ProposedSite>& sites, double range_m, double fov_deg,
                   const render::Camera& cam, float opacity, float scale) {
    const render::Rgba fill = render::style::proposed_fill, edge = render::style::proposed_edge;
    for (const auto& s : sites) {
        const bool sector = s.heading_deg && fov_deg < 360;
        if (range_m > 0) {
            const auto pts = render::coverage_sector(s.xy, s.heading_deg.value_or(0), sector ? fov_deg : 360, range_m, sector ? 12 : 36);
            std::vector<ImVec2> screen;
            for (const auto& p : pts) screen.push_back(to_screen(cam, p));
            dl.AddConvexPolyFilled(screen.data(), static_cast<int>(screen.size()), to_imgui(fill, opacity));
            dl.AddPolyline(screen.data(), static_cast<int>(screen.size()), to_imgui(edge, opacity), ImDrawFlags_Closed, 1.5f);
        }
        const ImVec2 c = to_screen(cam, s.xy);
        const float r = 7.f * scale;
        dl.AddCircleFilled(c, r, to_imgui(edge, opacity));
        const std::string label = std::to_string(s.rank);
        const float size = 11.f * scale;
        const ImVec2 extent = font->CalcTextSizeA(size, 1e9f, 0, label.c_str());
        dl.AddText(font, size, ImVec2(c.x - extent.x / 2, c.y - extent.y / 2), IM_COL32(255, 255, 255, static_cast<int>(255 * opacity)),
                   label.c_str());
    }
}

void draw_intervention_symbol(ImDrawList& dl, const std::string& type, ImVec2 at, float r, float opacity) {
    const render::SymbolStyle st = render::intervention_symbol(type);
    const ImU32 outline = to_imgui(st.outline, opacity);
    const ImU32 c = to_imgui(st.colour, opacity);
    switch (st.shape) {
    case render::SymbolShape::gate:
        dl.AddRectFilled(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), c);
        for (float k = -0.5f; k <= 0.5f; k += 0.5f)
            dl.AddLine(ImVec2(at.x + k * r, at.y - r), ImVec2(at.x + k * r, at.y + r), IM_COL32(255, 255, 255, static_cast<int>(230 * opacity)));
        dl.AddRect(ImVec2(at.x - r, at.y - r), ImVec2(at.x + r, at.y + r), outline);
        break;
    case render::SymbolShape::lamp:
        for (int i = 0; i < 8; ++i) {
            const float a = static_cast<float>(i) * 3.14159265f / 4;
            dl.AddLine(at, ImVec2(at.x + 1.4f * r * std::cos(a), at.y + 1.4f * r * std::sin(a)), c, 1.5f);
        }
        dl.AddCircleFilled(at, 0.7f * r, c);
        dl.AddCircle(at, 0.7f * r, outline);
        break;
    case render::SymbolShape::triangle:
        dl.AddTriangleFilled(ImVec2(at.x, at.y - r), ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y + r), c);
        dl.AddTriangle(ImVec2(at.x, at.y - r), ImVec2(at.x - r, at.y + r), ImVec2(at.x + r, at.y + r), outline);
        break;
    case render::SymbolShape::diamond: {
        const ImVec2 q[4] = {ImVec2(at.x, at.y - r), ImVec2(at.x + r, at.y), ImVec2(at.x, at.y + r), ImVec2(at.x - r, at.y)};
        dl.AddConvexPolyFilled(q, 4, c);
        dl.AddPolyline(q, 4, outline, ImDrawFlags_Closed, 1.f);
        break;
    }
    case render::SymbolShape::dot:
        dl.AddCircleFilled(at, r, c);
        dl.AddCircle(at, r, outline);
        break;
    }
}

void draw_interventions(ImDrawList& dl, const std::vector<scene::Intervention>& items, const render::Camera& cam, float opacity,
                        float size_px) {
    for (const auto& iv : items) draw_intervention_symbol(dl, iv.type, to_screen(cam, iv.anchor), size_px, opacity);
}

void draw_furniture(ImDrawList& dl, const Furniture& furniture, const render::Camera& cam) {
    const render::MapFurniture& m = furniture.map;
    const Furniture& f = furniture;
    const float s = f.scale;
    const float fs = 15.f * s;
    const float w = static_cast<float>(cam.width()), h = static_cast<float>(cam.height());
    const ImU32 ink = to_imgui(render::style::ink), paper = to_imgui(render::style::paper), rule = to_imgui(render::style::rule);
    // Title and period, top left.
    float y = 12 * s;
    if (!m.title.empty()) {
        const float ts = 26.f * s;
        const ImVec2 size = f.large_font->CalcTextSizeA(ts, 1e9f, 0.f, m.title.c_str());
        dl.AddRectFilled(ImVec2(8 * s, y - 4 * s), ImVec2(16 * s + size.x, y + size.y + 4 * s), paper, 4 * s);
        dl.AddText(f.large_font, ts, ImVec2(12 * s, y), ink, m.title.c_str());
        y += size.y + 10 * s;
    }
    if (!m.subtitle.empty()) {
        const ImVec2 size = f.font->CalcTextSizeA(fs * 1.2f, 1e9f, 0.f, m.subtitle.c_str());
        dl.AddRectFilled(ImVec2(8 * s, y - 3 * s), ImVec2(16 * s + size.x, y + size.y + 3 * s), paper, 4 * s);
        dl.AddText(f.font, fs * 1.2f, ImVec2(12 * s, y), ink, m.subtitle.c_str());
    }
    // Legend, bottom left.
    if (!m.legend.empty()) {
        const float row = fs + 6 * s, sw = 18 * s;
        float width = 0;
        for (const auto& e : m.legend) width = std::max(width, f.font->CalcTextSizeA(fs, 1e9f, 0.f, e.label.c_str()).x);
        int rows = 0;
        for (const auto& e : m.legend) rows += e.kind == render::LegendEntry::Kind::ramp || e.kind == render::LegendEntry::Kind::bins ? 2 : 1;
        const float box_w = std::max(width + sw + 24 * s, 200 * s), box_h = static_cast<float>(rows) * row + 12 * s;
        const float x0 = 8 * s, y0 = h - box_h - 40 * s;
        dl.AddRectFilled(ImVec2(x0, y0), ImVec2(x0 + box_w, y0 + box_h), paper, 4 * s);
        dl.AddRect(ImVec2(x0, y0), ImVec2(x0 + box_w, y0 + box_h), rule, 4 * s);
        float ly = y0 + 6 * s;
        for (const auto& e : m.legend) {
            const ImVec2 a(x0 + 8 * s, ly + 2 * s), b(x0 + 8 * s + sw, ly + fs - 2 * s);
            const ImVec2 mid((a.x + b.x) / 2, (a.y + b.y) / 2);
            switch (e.kind) {
            case render::LegendEntry::Kind::fill:
                dl.AddRectFilled(a, b, to_imgui(e.colour));
                dl.AddRect(a, b, rule);
                break;
            case render::LegendEntry::Kind::outline: dl.AddRect(a, b, to_imgui(e.colour), 0, 0, 2 * s); break;
            case render::LegendEntry::Kind::point: dl.AddCircleFilled(mid, 4 * s, to_imgui(e.colour)); break;
            case render::LegendEntry::Kind::sector: {
                const ImVec2 fan[4] = {ImVec2(a.x, b.y), ImVec2(b.x, a.y), ImVec2(b.x, b.y), ImVec2(a.x, b.y)};
                dl.AddConvexPolyFilled(fan, 3, to_imgui(e.colour));
                dl.AddCircleFilled(ImVec2(a.x, b.y), 3 * s, to_imgui(render::style::cctv_edge));
                break;
            }
            case render::LegendEntry::Kind::symbol: draw_intervention_symbol(dl, e.symbol, mid, 6 * s, 1.f); break;
            case render::LegendEntry::Kind::ramp:
            case render::LegendEntry::Kind::bins: break;
            }
            dl.AddText(f.font, fs, ImVec2(x0 + 16 * s + sw, ly), ink, e.label.c_str());
            ly += row;
            if (e.kind == render::LegendEntry::Kind::ramp) {
                const float bx0 = x0 + 8 * s, bx1 = x0 + box_w - 8 * s;
                for (int i = 0; i < 64; ++i) {
                    const float t0 = static_cast<float>(i) / 64, t1 = static_cast<float>(i + 1) / 64;
                    dl.AddRectFilled(ImVec2(bx0 + (bx1 - bx0) * t0, ly), ImVec2(bx0 + (bx1 - bx0) * t1 + 1, ly + 8 * s),
                                     to_imgui(render::sample_ramp(m.ramp, (t0 + t1) / 2)));
                }
                dl.AddText(f.font, fs * 0.8f, ImVec2(bx0, ly + 8 * s), ink, m.ramp_low.c_str());
                const float hw = f.font->CalcTextSizeA(fs * 0.8f, 1e9f, 0.f, m.ramp_high.c_str()).x;
                dl.AddText(f.font, fs * 0.8f, ImVec2(bx1 - hw, ly + 8 * s), ink, m.ramp_high.c_str());
                ly += row;
            } else if (e.kind == render::LegendEntry::Kind::bins) {
                const float bx0 = x0 + 8 * s, cell = (box_w - 16 * s) / 7;
                for (int bin = -3; bin <= 3; ++bin) {
                    const float cx = bx0 + cell * static_cast<float>(bin + 3);
                    const render::Rgba c = render::gi_bin_colour(bin);
                    if (c.a) dl.AddRectFilled(ImVec2(cx, ly), ImVec2(cx + cell - 1, ly + 8 * s), to_imgui(c));
                    else dl.AddRect(ImVec2(cx, ly), ImVec2(cx + cell - 1, ly + 8 * s), rule);
                }
                dl.AddText(f.font, fs * 0.8f, ImVec2(bx0, ly + 8 * s), ink, "cold 99%");
                const char* hot = "hot 99%";
                const float hw = f.font->CalcTextSizeA(fs * 0.8f, 1e9f, 0.f, hot).x;
                dl.AddText(f.font, fs * 0.8f, ImVec2(bx0 + 7 * cell - hw, ly + 8 * s), ink, hot);
                ly += row;
            }
        }
    }
    // Scale bar, bottom right above the attribution.
    const render::ScaleBar bar = render::scale_bar(cam.metres_per_pixel(), 160 * s);
    if (bar.pixels > 0) {
        const float x1 = w - 20 * s, x0 = x1 - static_cast<float>(bar.pixels), yb = h - 44 * s;
        dl.AddRectFilled(ImVec2(x0 - 6 * s, yb - fs - 8 * s), ImVec2(x1 + 6 * s, yb + 6 * s), paper, 3 * s);
        dl.AddRectFilled(ImVec2(x0, yb - 4 * s), ImVec2((x0 + x1) / 2, yb), ink);
        dl.AddRectFilled(ImVec2((x0 + x1) / 2, yb - 4 * s), ImVec2(x1, yb), IM_COL32(255, 255, 255, 255));
        dl.AddRect(ImVec2(x0, yb - 4 * s), ImVec2(x1, yb), ink);
        const float lw = f.font->CalcTextSizeA(fs, 1e9f, 0.f, bar.label.c_str()).x;
        dl.AddText(f.font, fs, ImVec2((x0 + x1 - lw) / 2, yb - fs - 6 * s), ink, bar.label.c_str());
    }
    // North arrow, top right: British National Grid north is up.
    {
        const float cx = w - 30 * s, cy = 40 * s, r = 16 * s;
        dl.AddCircleFilled(ImVec2(cx, cy), r + 8 * s, paper);
        dl.AddTriangleFilled(ImVec2(cx, cy - r), ImVec2(cx - r * 0.5f, cy + r * 0.6f), ImVec2(cx, cy + r * 0.2f), ink);
        dl.AddTriangle(ImVec2(cx, cy - r), ImVec2(cx + r * 0.5f, cy + r * 0.6f), ImVec2(cx, cy + r * 0.2f), ink);
        const float nw = f.font->CalcTextSizeA(fs, 1e9f, 0.f, "N").x;
        dl.AddText(f.font, fs, ImVec2(cx - nw / 2, cy + r * 0.6f), ink, "N");
    }
    // Attribution, bottom edge.
    if (!m.attribution.empty()) {
        std::string text;
        for (const auto& a : m.attribution) text += (text.empty() ? "" : "  |  ") + a;
        const float as = fs * 0.75f;
        const ImVec2 size = f.font->CalcTextSizeA(as, w - 16 * s, w - 16 * s, text.c_str());
        dl.AddRectFilled(ImVec2(0, h - size.y - 10 * s), ImVec2(w, h), paper);
        dl.AddText(f.font, as, ImVec2(8 * s, h - size.y - 5 * s), to_imgui(render::style::attribution_ink), text.c_str(), nullptr, w - 16 * s);
    }
}

} // namespace safermap::ui
