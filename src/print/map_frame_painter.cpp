// SPDX-License-Identifier: MIT
#include "print/map_frame_painter.hpp"

#include "render/furniture_painter.hpp"
#include "render/map_overlays.hpp"
#include "render/map_style.hpp"
#include "render/tessellate.hpp"

#include <algorithm>
#include <cmath>

namespace safermap::print {

namespace {

using render::Rgba;
using render::Ring;
namespace style = render::style;

Rgba with_alpha(Rgba c, double opacity) {
    c.a = static_cast<std::uint8_t>(std::lround(c.a * std::clamp(opacity, 0.0, 1.0)));
    return c;
}

// World to page points.
struct Projection {
    const render::Camera& cam;
    render::Box frame;
    XY operator()(XY w) const {
        const XY s = cam.world_to_screen(w);
        return {s.x + frame.x, s.y + frame.y};
    }
    std::vector<Ring> rings(const geo::GeosContext& ctx, const GEOSGeometry* g) const {
        auto out = render::polygon_rings(ctx, g);
        for (auto& r : out)
            for (auto& p : r) p = (*this)(p);
        return out;
    }
};

bool visible(const render::WorldBounds& view, const render::WorldBounds& b) {
    return !(b.max_x < view.min_x || b.min_x > view.max_x || b.max_y < view.min_y || b.min_y > view.max_y);
}

void paint_areas(render::Canvas& c, const Projection& to_page, const scene::AreaLayer& a, std::optional<Rgba> fill,
                 const std::vector<Rgba>* fills, std::optional<Rgba> stroke, double width, const std::string& group) {
    const render::WorldBounds view = to_page.cam.visible();
    for (std::size_t i = 0; i < a.names.size(); ++i) {
        if (!visible(view, a.extents[i])) continue;
        std::optional<Rgba> f = fill;
        if (fills && i < fills->size()) f = (*fills)[i].a ? std::optional<Rgba>((*fills)[i]) : std::nullopt;
        if (!f && !stroke) continue;
        c.polygon(to_page.rings(a.polygons->context(), a.polygons->polygon(i)), f, stroke, width, group);
    }
}

// The value of a surface at a world point, interpolated between cell centres (KDE), or the
// value of the cell it falls in (classes).
double bilinear(const analysis::Surface& s, double x, double y) {
    const auto& g = s.grid;
    const double fx = (x - g.min_x) / g.cell_size_m - 0.5, fy = (y - g.min_y) / g.cell_size_m - 0.5;
    const int i0 = static_cast<int>(std::floor(fx)), j0 = static_cast<int>(std::floor(fy));
    const double tx = fx - i0, ty = fy - j0;
    auto at = [&](int i, int j) { return s.at(std::clamp(i, 0, g.nx - 1), std::clamp(j, 0, g.ny - 1)); };
    if (fx < -0.5 || fy < -0.5 || fx > g.nx - 0.5 || fy > g.ny - 0.5) return 0;
    return (1 - tx) * (1 - ty) * at(i0, j0) + tx * (1 - ty) * at(i0 + 1, j0) + (1 - tx) * ty * at(i0, j0 + 1) + tx * ty * at(i0 + 1, j0 + 1);
}
double cell_value(const analysis::Surface& s, double x, double y) {
    const auto& g = s.grid;
    const int i = static_cast<int>(std::floor((x - g.min_x) / g.cell_size_m)), j = static_cast<int>(std::floor((y - g.min_y) / g.cell_size_m));
    if (i < 0 || j < 0 || i >= g.nx || j >= g.ny) return 0;
    return s.at(i, j);
}

// The raster at the output resolution, and boxes (in page points) over its hottest parts that
// labels must leave clear.
render::RgbaImage raster_image(const MapLayers& m, const render::Camera& cam, const render::Box& frame, double dpi,
                               std::vector<render::LabelCandidate>& hot) {
    render::RgbaImage img;
    img.width = std::max(1, static_cast<int>(std::lround(frame.w * dpi / 72)));
    img.height = std::max(1, static_cast<int>(std::lround(frame.h * dpi / 72)));
    img.pixels.assign(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4, 0);
    const double pt_per_px = 72 / dpi;
    // Label blocking on a coarse grid of 8 pt blocks.
    const int block_px = std::max(1, static_cast<int>(std::lround(8 / pt_per_px)));
    const int bw = (img.width + block_px - 1) / block_px, bh = (img.height + block_px - 1) / block_px;
    std::vector<char> blocked(static_cast<std::size_t>(bw) * static_cast<std::size_t>(bh), 0);
    const auto palette = scene::emerging_palette();
    const double low = m.shown.density_max * m.shown.density_low, high = m.shown.density_max * m.shown.density_high;
    for (int j = 0; j < img.height; ++j)
        for (int i = 0; i < img.width; ++i) {
            const XY w = cam.screen_to_world({(i + 0.5) * pt_per_px, (j + 0.5) * pt_per_px});
            Rgba c{0, 0, 0, 0};
            bool is_hot = false;
            if (m.shown.raster == "density" && m.density) {
                const double v = bilinear(m.density->surface, w.x, w.y);
                if (v > low && high > low) {
                    const double t = std::clamp((v - low) / (high - low), 0.0, 1.0);
                    c = with_alpha(render::sample_ramp(m.shown.ramp, t), 0.75);
                    is_hot = t >= 0.5;
                }
            } else if (m.shown.raster == "hotspots" && m.grid_hotspots) {
                const int bin = static_cast<int>(cell_value(m.grid_hotspots->bins, w.x, w.y));
                c = with_alpha(render::gi_bin_colour(bin), 0.8);
                is_hot = bin >= 2;
            } else if (m.shown.raster == "emerging" && m.emerging) {
                const int code = static_cast<int>(cell_value(m.emerging->category, w.x, w.y));
                if (code != 0) c = with_alpha(palette[static_cast<std::size_t>(std::clamp(code, -8, 8) + 8)], 0.85);
                is_hot = code > 0;
            }
            std::uint8_t* p = &img.pixels[(static_cast<std::size_t>(j) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(i)) * 4];
            p[0] = c.r, p[1] = c.g, p[2] = c.b, p[3] = c.a;
            if (is_hot) blocked[static_cast<std::size_t>(j / block_px) * static_cast<std::size_t>(bw) + static_cast<std::size_t>(i / block_px)] = 1;
        }
    const double block_pt = block_px * pt_per_px;
    for (int by = 0; by < bh; ++by)
        for (int bx = 0; bx < bw; ++bx)
            if (blocked[static_cast<std::size_t>(by) * static_cast<std::size_t>(bw) + static_cast<std::size_t>(bx)])
                hot.push_back({frame.x + (bx + 0.5) * block_pt, frame.y + (by + 0.5) * block_pt, block_pt, block_pt, 0});
    return img;
}

void paint_sector(render::Canvas& c, const Projection& to_page, XY centre, double heading, double fov, double range, Rgba fill, Rgba edge,
                  double width, const std::string& group) {
    const bool circle = fov >= 360;
    Ring ring;
    for (const auto& p : render::coverage_sector(centre, heading, fov, range, circle ? 36 : 12)) ring.push_back(to_page(p));
    if (circle && ring.size() > 1) ring.pop_back();
    c.polygon({ring}, fill, edge, width, group);
}

void paint_incidents(render::Canvas& c, const Projection& to_page, const MapLayers& m, double u) {
    const auto& inc = m.scene->incidents;
    const render::WorldBounds view = to_page.cam.visible();
    for (std::size_t k = 0; k < inc.draw_category.size(); ++k) {
        const double x = inc.origin.x + inc.draw_xy[2 * k], y = inc.origin.y + inc.draw_xy[2 * k + 1];
        if (x < view.min_x || x > view.max_x || y < view.min_y || y > view.max_y) continue;
        const auto& f = m.filter;
        const std::int32_t month = inc.draw_month[k];
        if ((f.from_month >= 0 && month < f.from_month) || (f.to_month >= 0 && month > f.to_month)) continue;
        if (!f.categories.empty() && !f.categories[inc.draw_category[k]]) continue;
        if (f.ward >= 0 && inc.draw_ward[k] != f.ward) continue;
        c.point_marker(to_page({x, y}), 1.3 * u, with_alpha(render::category_colour(inc.draw_category[k]), 0.85));
    }
}

std::size_t paint_labels(render::Canvas& c, const Projection& to_page, const MapLayers& m, const render::Box& frame,
                         const std::vector<render::LabelCandidate>& hot, double u) {
    struct Label {
        std::string text;
        double size;
        bool bold;
        Rgba colour;
    };
    std::vector<Label> labels;
    std::vector<render::LabelCandidate> candidates;
    // Each label may sit on its point or beside it (above, below, right, left, then a little
    // further), so that a town whose centre is a hotspot is still named, next to it.
    int group = 0;
    auto add = [&](const std::string& text, XY world, double size, bool bold, Rgba colour, int priority) {
        const XY p = to_page(world);
        const auto e = render::measure_text(text, size, bold);
        const double w = e.width + 2 * u, h = e.ascent + e.descent;
        const double offsets[9][2] = {{0, 0},          {0, -h - 2 * u},          {0, h + 2 * u},          {w / 2 + 4 * u, 0},          {-w / 2 - 4 * u, 0},
                                      {0, -2 * h - 6 * u}, {0, 2 * h + 6 * u}, {w / 2 + 4 * u, -h - 2 * u}, {-w / 2 - 4 * u, h + 2 * u}};
        for (int k = 0; k < 9; ++k) {
            candidates.push_back({p.x - frame.x + offsets[k][0], p.y - frame.y + offsets[k][1], w, h, priority - k, group});
            labels.push_back({text, size, bold, colour});
        }
        ++group;
    };
    // Priority areas first: they are what the meeting is about.
    if (m.shown.shows("priority"))
        if (const scene::AreaLayer* areas = m.scene->area("priority"))
            for (std::size_t i = 0; i < areas->names.size(); ++i)
                add(areas->names[i], areas->label_points[i], 8 * u, true, style::priority, 1200);
    if (m.shown.shows("places"))
        for (const auto& p : m.scene->places)
            add(p.name, p.xy, render::place_label_size(p.rank) * u * 0.75, p.rank <= 1, style::ink, 1000 - p.rank * 100);
    if (m.shown.shows("labels"))
        if (const scene::AreaLayer* wards = m.scene->area("ward"))
            for (std::size_t i = 0; i < wards->names.size(); ++i)
                add(wards->names[i], wards->label_points[i], 7 * u, false, Rgba{90, 90, 90, 255}, 500);
    std::vector<render::LabelCandidate> blocked;
    for (const auto& h : hot) blocked.push_back({h.x - frame.x, h.y - frame.y, h.width, h.height, 0});
    const auto placed = render::place_labels(candidates, frame.w, frame.h, 3 * u, blocked);
    for (std::size_t i : placed) {
        const auto& l = labels[i];
        const auto& cand = candidates[i];
        const auto e = render::measure_text(l.text, l.size, l.bold);
        c.text({frame.x + cand.x, frame.y + cand.y + (e.ascent - e.descent) / 2}, l.text,
               render::TextStyle{l.size, l.bold, l.colour, render::TextAlign::centre, Rgba{255, 255, 255, 220}});
    }
    return placed.size();
}

} // namespace

std::size_t paint_map_frame(render::Canvas& c, const MapLayers& m, const render::Camera& cam, const render::Box& frame, double dpi,
                            double u) {
    const scene::MapScene& s = *m.scene;
    const Projection to_page{cam, frame};
    c.polygon({{{frame.x, frame.y}, {frame.right(), frame.y}, {frame.right(), frame.bottom()}, {frame.x, frame.bottom()}}}, style::background,
              std::nullopt, 0, "ground");
    c.push_clip(frame.x, frame.y, frame.w, frame.h);
    if (const auto* d = s.area("district"); d && m.shown.shows("district"))
        paint_areas(c, to_page, *d, style::district_fill, nullptr, std::nullopt, 0, "district");
    if (const auto* w = s.area("ward"); w && !m.ward_fill.empty())
        paint_areas(c, to_page, *w, std::nullopt, &m.ward_fill, std::nullopt, 0, "ward_fill");
    std::vector<render::LabelCandidate> hot;
    if (!m.shown.raster.empty() && m.shown.shows(m.shown.raster)) {
        const render::RgbaImage img = raster_image(m, cam, frame, dpi, hot);
        c.image(img, frame.x, frame.y, frame.w, frame.h);
    }
    const std::pair<const char*, Rgba> outlines[] = {{"lsoa", style::lsoa_line}, {"ward", style::ward_line}, {"estate", style::other_area_line},
                                                     {"custom", style::other_area_line}, {"district", style::district_line}};
    for (const auto& [kind, colour] : outlines)
        if (const auto* a = s.area(kind); a && m.shown.shows(kind))
            paint_areas(c, to_page, *a, std::nullopt, nullptr, colour, (std::string(kind) == "district" ? 1.2 : 0.6) * u, kind);
    if (const auto* p = s.area("priority"); p && m.shown.shows("priority"))
        paint_areas(c, to_page, *p, with_alpha(style::priority, style::priority_fill_opacity), nullptr, style::priority, 1.5 * u, "priority");
    if (m.clusters && m.shown.shows("clusters"))
        for (const auto& hull : m.clusters->hulls)
            c.polygon(to_page.rings(*m.geos, hull.get()),
                      style::cluster_fill, style::cluster_line, 1.0 * u, "cluster");
    if (m.shown.shows("incidents")) paint_incidents(c, to_page, m, u);
    if (m.shown.shows("cctv"))
        for (const auto& site : s.cctv) {
            const bool ptz = site.type == "ptz" || !site.has_direction;
            paint_sector(c, to_page, site.xy, site.heading_deg, ptz ? 360 : site.fov_deg, site.range_m, style::cctv_fill,
                         with_alpha(style::cctv_edge, 0.7), 0.5 * u, "cctv");
            c.polygon({render::circle_ring(to_page(site.xy), 2.2 * u, 12)}, style::cctv_edge, Rgba{255, 255, 255, 220}, 0.5 * u, "cctv");
        }
    if (m.shown.shows("proposed"))
        for (const auto& site : s.proposed) {
            const bool sector = site.heading_deg && s.proposed_fov_deg < 360;
            if (s.proposed_range_m > 0)
                paint_sector(c, to_page, site.xy, site.heading_deg.value_or(0), sector ? s.proposed_fov_deg : 360, s.proposed_range_m,
                             style::proposed_fill, style::proposed_edge, 0.8 * u, "proposed");
            const XY p = to_page(site.xy);
            c.polygon({render::circle_ring(p, 5 * u, 16)}, style::proposed_edge, std::nullopt, 0, "proposed");
            c.text({p.x, p.y + 2.3 * u}, std::to_string(site.rank), render::TextStyle{6.5 * u, true, Rgba{255, 255, 255, 255}, render::TextAlign::centre});
        }
    if (m.shown.shows("interventions"))
        for (const auto& iv : s.interventions) render::paint_symbol(c, iv.type, to_page(iv.anchor), 4 * u);
    const std::size_t labels = paint_labels(c, to_page, m, frame, hot, u);
    c.pop_clip();
    c.polygon({{{frame.x, frame.y}, {frame.right(), frame.y}, {frame.right(), frame.bottom()}, {frame.x, frame.bottom()}}}, std::nullopt,
              style::rule, 0.6 * u, "frame");
    return labels;
}

} // namespace safermap::print
