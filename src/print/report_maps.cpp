// SPDX-License-Identifier: MIT
// The report pack's map sections: hotspot maps (KDE beside Gi*) for all crime and the top
// crime types, each priority area with its map and monthly trend, and CCTV coverage with any
// siting proposals. Maps are drawn by the same painter as `safermap map`.
#include "print/map_frame_painter.hpp"
#include "print/report_sections.hpp"

#include "jobs/siting_job.hpp"
#include "render/furniture_painter.hpp"
#include "render/map_style.hpp"
#include "scene/scene_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::print {

namespace {

using render::TextAlign;
using render::TextStyle;
namespace style = render::style;

constexpr double k_bandwidth_m = 250;  // at the public minimum, so internal and public packs agree
constexpr double k_kde_cell_m = 25;
constexpr double k_grid_cell_m = 250;
constexpr double k_dpi = 150;

MapLayers base_layers(const ReportContext& ctx, const scene::IncidentFilter& filter, std::vector<std::string> layers) {
    MapLayers m;
    m.scene = ctx.scene;
    m.geos = ctx.geos;
    m.filter = filter;
    m.shown.layers = std::move(layers);
    m.shown.public_audience = ctx.is_public;
    m.shown.categories = filter.categories;
    return m;
}

void add_density(MapLayers& m, const ReportContext& ctx) {
    m.density = scene::density(ctx.scene->incidents, m.filter, ctx.scene->bounds, k_kde_cell_m, k_bandwidth_m);
    m.shown.raster = "density";
    m.shown.density_max = m.density->max_value;
    m.shown.layers.push_back("density");
}

void add_hotspots(MapLayers& m, const ReportContext& ctx) {
    m.grid_hotspots = scene::grid_hotspots(ctx.scene->incidents, m.filter, ctx.scene->bounds, k_grid_cell_m);
    m.shown.raster = "hotspots";
    m.shown.layers.push_back("hotspots");
}

// A map in `frame` showing `view`, with its legend in `legend_box`.
void draw_map(ReportDocument& doc, const MapLayers& m, const render::Box& frame, const render::WorldBounds& view,
              const render::Box& legend_box, int legend_columns) {
    render::Camera cam(XY{}, 1, static_cast<int>(frame.w), static_cast<int>(frame.h));
    cam.fit(view, 4);
    paint_map_frame(doc.canvas(), m, cam, frame, k_dpi, 0.8);
    render::MapFurniture f = scene::describe_map(*m.scene, m.shown);
    if (legend_box.h > 0) render::paint_legend(doc.canvas(), f, legend_box, 0.75, legend_columns);
}

void attribution_footer(ReportDocument& doc, const ReportContext& ctx, const scene::MapShown& shown) {
    std::string text;
    for (const auto& a : scene::describe_map(*ctx.scene, shown).attribution) text += (text.empty() ? "" : "  |  ") + a;
    const render::Box b = doc.body();
    double y = b.bottom() - 8 * static_cast<double>(render::wrap_text(text, b.w, 6.5, false).size()) + 6;
    for (const auto& line : render::wrap_text(text, b.w, 6.5, false)) {
        doc.canvas().text({b.x, y}, line, TextStyle{6.5, false, style::attribution_ink});
        y += 8;
    }
}

render::WorldBounds whole_view(const scene::MapScene& s) {
    const scene::Bookmark* whole = s.bookmark("Whole area");
    return whole ? whole->bounds : s.bounds;
}

void hotspot_page(ReportDocument& doc, const ReportContext& ctx, const std::string& title, const scene::IncidentFilter& filter) {
    doc.new_page();
    doc.heading("Hotspots: " + title);
    doc.paragraph(fmt::format("{} incidents, {}. Left: kernel density (quartic, {:g} m radius). Right: Getis-Ord Gi* hot and cold "
                              "spots on {:g} m cells (FDR-corrected).",
                              ctx.headline(static_cast<long long>(scene::count_passing(ctx.scene->incidents, filter))), ctx.period(),
                              k_bandwidth_m, k_grid_cell_m),
                  9);
    const render::Box b = doc.body();
    const double top = doc.y() + 4, w = (b.w - 16) / 2, h = b.bottom() - top - 92;
    // Places, not ward names, on these small maps: two sets of labels would crowd them.
    const std::vector<std::string> layers = {"district", "ward", "priority", "places"};
    MapLayers kde = base_layers(ctx, filter, layers);
    add_density(kde, ctx);
    MapLayers gi = base_layers(ctx, filter, layers);
    add_hotspots(gi, ctx);
    const render::WorldBounds view = whole_view(*ctx.scene);
    draw_map(doc, kde, {b.x, top, w, h}, view, {b.x, top + h + 4, w, 60}, 2);
    draw_map(doc, gi, {b.x + w + 16, top, w, h}, view, {b.x + w + 16, top + h + 4, w, 60}, 2);
    attribution_footer(doc, ctx, kde.shown);
}

// Incidents of `filter`'s types inside priority area `i`, per month from `from` to `to`.
std::vector<long long> monthly_in_area(const ReportContext& ctx, const scene::AreaLayer& areas, std::size_t i, std::int32_t from, std::int32_t to) {
    std::vector<long long> counts(static_cast<std::size_t>(to - from + 1), 0);
    scene::IncidentFilter f = ctx.current;
    f.from_month = from;
    f.to_month = to;
    const auto& inc = ctx.scene->incidents;
    const auto& b = areas.extents[i];
    const GEOSGeometry* poly = areas.polygons->polygon(i);
    GEOSContextHandle_t h = areas.polygons->context().handle();
    const GEOSPreparedGeometry* prepared = GEOSPrepare_r(h, poly);
    for (std::size_t k = 0; k < inc.size(); ++k) {
        if (!f.passes(inc, k) || inc.x[k] < b.min_x || inc.x[k] > b.max_x || inc.y[k] < b.min_y || inc.y[k] > b.max_y) continue;
        GEOSGeometry* point = GEOSGeom_createPointFromXY_r(h, inc.x[k], inc.y[k]);
        if (GEOSPreparedIntersects_r(h, prepared, point) == 1) ++counts[static_cast<std::size_t>(inc.month[k] - from)];
        GEOSGeom_destroy_r(h, point);
    }
    GEOSPreparedGeom_destroy_r(h, prepared);
    return counts;
}

void bar_chart(ReportDocument& doc, const ReportContext& ctx, const render::Box& box, const std::vector<long long>& counts, std::int32_t from) {
    auto& c = doc.canvas();
    const long long top = std::max<long long>(*std::max_element(counts.begin(), counts.end()), jobs::k_small_count);
    const double base = box.bottom() - 16, height = box.h - 34;
    const double slot = box.w / static_cast<double>(counts.size());
    c.polyline({{box.x, base}, {box.right(), base}}, style::ink, 0.6, "chart");
    for (std::size_t i = 0; i < counts.size(); ++i) {
        const std::int32_t month = from + static_cast<std::int32_t>(i);
        const bool current = ctx.current_span.contains(month);
        const bool hidden = ctx.is_public && counts[i] < jobs::k_small_count;
        const double value = hidden ? static_cast<double>(jobs::k_small_count) : static_cast<double>(counts[i]);
        const double bh = height * value / static_cast<double>(top);
        const double x0 = box.x + slot * static_cast<double>(i) + slot * 0.15, x1 = x0 + slot * 0.7;
        const render::Rgba fill = hidden ? render::Rgba{215, 215, 210, 255} : current ? style::priority : render::Rgba{160, 160, 160, 255};
        c.polygon({{{x0, base}, {x1, base}, {x1, base - bh}, {x0, base - bh}}}, fill, std::nullopt, 0, "chart");
        c.text({(x0 + x1) / 2, base - bh - 3}, ctx.count(counts[i]), TextStyle{7, false, style::ink, TextAlign::centre});
        static const char* abbr[] = {"J", "F", "M", "A", "M", "J", "J", "A", "S", "O", "N", "D"};
        c.text({(x0 + x1) / 2, base + 10}, abbr[month % 12], TextStyle{7, false, style::ink, TextAlign::centre});
    }
    c.text({box.x, box.y + 8}, fmt::format("Incidents a month, {} (purple: this period)", jobs::short_period(from, from + static_cast<std::int32_t>(counts.size()) - 1)),
           TextStyle{8, true, style::ink});
}

} // namespace

void write_hotspot_maps(ReportDocument& doc, const ReportContext& ctx) {
    hotspot_page(doc, ctx, ctx.types, ctx.current);
    // The top crime types of the period, when the pack covers more than one.
    const auto& inc = ctx.scene->incidents;
    std::vector<std::pair<long long, std::size_t>> by_type(inc.categories.size());
    for (std::size_t c = 0; c < by_type.size(); ++c) by_type[c] = {0, c};
    for (std::size_t i = 0; i < inc.size(); ++i)
        if (ctx.current.passes(inc, i)) ++by_type[inc.category[i]].first;
    std::stable_sort(by_type.begin(), by_type.end(), [](const auto& a, const auto& b) { return a.first > b.first; });
    const long long types_present = std::count_if(by_type.begin(), by_type.end(), [](const auto& t) { return t.first > 0; });
    if (types_present > 1)
        for (std::size_t k = 0; k < 3 && k < by_type.size() && by_type[k].first > 0; ++k) {
            scene::IncidentFilter f = ctx.current;
            f.categories.assign(inc.categories.size(), false);
            f.categories[by_type[k].second] = true;
            hotspot_page(doc, ctx, inc.categories[by_type[k].second], f);
        }
    ctx.section("hotspot maps");
}

void write_priority_areas(ReportDocument& doc, const ReportContext& ctx) {
    const scene::AreaLayer* areas = ctx.scene->area("priority");
    if (!areas || areas->names.empty()) {
        doc.new_page();
        doc.heading("Priority areas");
        doc.paragraph("Left out: the project has no priority areas (import them with --kind priority).");
        ctx.omitted("priority areas", "the project has no priority areas");
        return;
    }
    for (std::size_t i = 0; i < areas->names.size(); ++i) {
        doc.new_page();
        doc.heading("Priority area: " + areas->names[i]);
        const std::int32_t to = ctx.current_span.to, from = std::max(ctx.scene->incidents.first_month, to - 11);
        const auto counts = monthly_in_area(ctx, *areas, i, from, to);
        long long now = 0;
        for (std::size_t k = 0; k < counts.size(); ++k)
            if (ctx.current_span.contains(from + static_cast<std::int32_t>(k))) now += counts[k];
        doc.paragraph(fmt::format("{}: {} incidents inside the area in {}.", ctx.types, ctx.headline(now), ctx.period()), 10);
        const render::Box b = doc.body();
        const double top = doc.y() + 4, w = b.w * 0.58, h = b.bottom() - top - 30;
        MapLayers m = base_layers(ctx, ctx.current, {"ward", "priority", "cctv", "interventions", "places"});
        add_density(m, ctx);
        render::WorldBounds view = areas->extents[i];
        const double pad = std::max(300.0, 0.25 * std::max(view.max_x - view.min_x, view.max_y - view.min_y));
        view.include(view.min_x - pad, view.min_y - pad);
        view.include(view.max_x + pad, view.max_y + pad);
        draw_map(doc, m, {b.x, top, w, h}, view, {b.x + w + 16, top + 190, b.w - w - 16, h - 190}, 1);
        bar_chart(doc, ctx, {b.x + w + 16, top, b.w - w - 16, 170}, counts, from);
        attribution_footer(doc, ctx, m.shown);
    }
    ctx.section("priority areas");
}

void write_cctv(ReportDocument& doc, const ReportContext& ctx) {
    doc.new_page();
    doc.heading("CCTV");
    const auto& s = *ctx.scene;
    if (s.cctv.empty()) {
        doc.paragraph("Left out: the project records no CCTV cameras (import them with --cctv).");
        ctx.omitted("cctv", "the project records no CCTV cameras");
        return;
    }
    const io::PointSet points = jobs::load_points(ctx.points);
    const jobs::CameraCover cover = jobs::project_camera_cover(ctx.request->project, points, 100);
    const bool illustrative = std::any_of(s.cctv.begin(), s.cctv.end(), [](const scene::CctvSite& c) { return c.illustrative; });
    doc.paragraph(fmt::format("{} cameras{} ({} with a recorded view sector) cover {} of the {} incidents of {} ({:.0f}%).", cover.cameras,
                              illustrative ? " (ILLUSTRATIVE positions)" : "", cover.with_sector, ctx.headline(static_cast<long long>(cover.covered)),
                              ctx.headline(static_cast<long long>(cover.incidents)), ctx.period(), 100 * cover.share()),
                  10);
    if (s.proposed.empty()) {
        doc.paragraph("No siting proposals in the project (run `safermap site ... --out PROJECT` to add them).", 9);
        ctx.omitted("cctv siting proposals", "the project holds no proposed_sites layer");
    } else {
        doc.subheading("Proposed sites (safermap site), by rank");
        Table t;
        t.headers = {"Rank", "Site", "Incidents it adds"};
        t.widths = {0.6, 1.5, 1.5};
        t.align = {TextAlign::right, TextAlign::left, TextAlign::right};
        for (const auto& p : s.proposed) t.rows.push_back({std::to_string(p.rank), p.id, ctx.count(std::llround(p.marginal_demand))});
        doc.table(t);
    }
    if (doc.room() < 200) doc.new_page();
    const render::Box b = doc.body();
    const double top = doc.y() + 4, h = b.bottom() - top - 30, w = std::min(b.w * 0.7, h * 1.5);
    MapLayers m = base_layers(ctx, ctx.current, {"district", "ward", "priority", "cctv", "proposed", "labels", "places"});
    add_density(m, ctx);
    render::WorldBounds view;
    for (const auto& c : s.cctv) view.include(c.xy.x, c.xy.y);
    for (const auto& p : s.proposed) view.include(p.xy.x, p.xy.y);
    view.include(view.min_x - 300, view.min_y - 300);
    view.include(view.max_x + 300, view.max_y + 300);
    draw_map(doc, m, {b.x, top, w, h}, view, {b.x + w + 16, top, b.w - w - 16, h}, 1);
    attribution_footer(doc, ctx, m.shown);
    ctx.section("cctv");
}

} // namespace safermap::print
