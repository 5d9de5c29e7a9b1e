// SPDX-License-Identifier: MIT
#include "print/map_export.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "core/name_match.hpp"
#include "core/output_file.hpp"
#include "jobs/month_span.hpp"
#include "print/map_frame_painter.hpp"
#include "render/classify.hpp"
#include "render/furniture_painter.hpp"
#include "scene/scene_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace safermap::print {

namespace {

constexpr double k_kde_cell_m = 25;      // as the viewer's KDE
constexpr double k_grid_cell_m = 250;    // Gi* and emerging hot spots, as the viewer's
constexpr double k_default_bandwidth_m = 250;
const std::vector<std::string> k_layer_ids = {"district", "ward", "lsoa", "priority", "incidents", "density", "hotspots", "emerging",
                                              "ward_counts", "ward_hotspots", "clusters", "cctv", "proposed", "interventions",
                                              "labels", "places"};
const std::vector<std::string> k_analyses = {"density", "hotspots", "emerging", "ward_hotspots", "clusters"};

std::vector<std::string> split_commas(const std::vector<std::string>& items) {
    std::vector<std::string> out;
    for (const auto& item : items) {
        std::size_t i = 0;
        while (i <= item.size()) {
            std::size_t j = item.find(',', i);
            if (j == std::string::npos) j = item.size();
            if (j > i) out.push_back(item.substr(i, j - i));
            i = j + 1;
        }
    }
    return out;
}

std::string joined(const std::vector<std::string>& names) {
    std::string s;
    for (const auto& n : names) s += (s.empty() ? "" : ", ") + n;
    return s;
}

render::WorldBounds view_bounds(const scene::MapScene& scene, const MapRequest& r) {
    if (!r.view.empty() && !r.bounds.empty()) throw ConfigError("give --view or --bounds, not both");
    if (!r.bounds.empty()) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (std::sscanf(r.bounds.c_str(), "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) != 4 || !(x1 > x0) || !(y1 > y0))
            throw ConfigError(fmt::format("--bounds '{}': give XMIN,YMIN,XMAX,YMAX with XMAX > XMIN and YMAX > YMIN", r.bounds));
        render::WorldBounds b;
        b.include(x0, y0);
        b.include(x1, y1);
        return b;
    }
    if (!r.view.empty()) {
        std::vector<std::string> names;
        for (const auto& b : scene.bookmarks) names.push_back(b.name);
        const auto name = find_name(r.view, names);
        if (!name) throw ConfigError("--view: " + no_such_name_message("view", r.view, scene.project, names));
        return scene.bookmark(*name)->bounds;
    }
    const scene::Bookmark* whole = scene.bookmark("Whole area");
    return whole ? whole->bounds : scene.bounds;
}

std::vector<std::string> chosen_layers(const scene::MapScene& scene, const MapRequest& r, const std::vector<std::string>& analyses) {
    std::vector<std::string> layers;
    if (!r.layers.empty()) {
        for (const auto& l : split_commas(r.layers)) {
            if (std::find(k_layer_ids.begin(), k_layer_ids.end(), l) == k_layer_ids.end())
                throw ConfigError(fmt::format("--layers: no layer '{}' (layers: {})", l, joined(k_layer_ids)));
            layers.push_back(l);
        }
    } else {
        for (const char* l : {"district", "ward", "priority", "labels"}) layers.push_back(l);
        if (!scene.places.empty()) layers.push_back("places");
        if (!scene.cctv.empty()) layers.push_back("cctv");
        if (!scene.proposed.empty()) layers.push_back("proposed");
        if (!scene.interventions.empty()) layers.push_back("interventions");
        if (analyses.empty()) layers.push_back("ward_counts");
    }
    for (const auto& a : analyses)
        if (std::find(layers.begin(), layers.end(), a) == layers.end()) layers.push_back(a);
    return layers;
}

std::string method_line(const std::vector<std::string>& analyses, double bandwidth_m, const std::string& period, bool ward_counts) {
    std::vector<std::string> parts;
    for (const auto& a : analyses) {
        if (a == "density") parts.push_back(fmt::format("Quartic KDE, {:g} m radius, {:g} m cells", bandwidth_m, k_kde_cell_m));
        else if (a == "hotspots") parts.push_back(fmt::format("Getis-Ord Gi* on {:g} m cells, neighbours within {:g} m, FDR-corrected", k_grid_cell_m, 1.5 * k_grid_cell_m));
        else if (a == "emerging") parts.push_back(fmt::format("Emerging hot spots: Gi* each month on {:g} m cells with Mann-Kendall trends", k_grid_cell_m));
        else if (a == "ward_hotspots") parts.push_back("Getis-Ord Gi* on incidents per ward, queen contiguity, FDR-corrected");
        else if (a == "clusters") parts.push_back("DBSCAN clusters, 50 m, at least 20 incidents");
    }
    if (parts.empty() && ward_counts) parts.push_back("Incidents per ward (quantile classes)");
    std::string line;
    for (const auto& p : parts) line += (line.empty() ? "" : "; ") + p;
    return line.empty() ? period : line + ", " + period;
}

} // namespace

ResultMetadata export_map(const MapRequest& r) {
    const render::PageFormat format = render::page_format_of(r.out);
    const render::PaperSize paper = render::paper_size(r.paper, r.orientation);
    if (!(r.dpi >= 36 && r.dpi <= 600)) throw ConfigError(fmt::format("--dpi {:g}: give 36 to 600", r.dpi));
    const bool is_public = r.audience.public_audience;
    const std::vector<std::string> analyses = split_commas(r.analyses);
    for (const auto& a : analyses)
        if (std::find(k_analyses.begin(), k_analyses.end(), a) == k_analyses.end())
            throw ConfigError(fmt::format("--analysis: no analysis '{}' (analyses: {})", a, joined(k_analyses)));
    const double bandwidth_m = r.bandwidth_m.value_or(k_default_bandwidth_m);
    if (!(bandwidth_m > 0)) throw ConfigError(fmt::format("--bandwidth {:g}: give a positive radius in metres", bandwidth_m));
    // Public mode's refusals come before any work.
    if (is_public) {
        for (const auto& l : split_commas(r.layers))
            if (l == "incidents") jobs::refuse_public_points("--layers incidents");
        if (std::find(analyses.begin(), analyses.end(), "clusters") != analyses.end())
            jobs::refuse_public_points("--analysis clusters (cluster outlines run through incident positions)");
        if (std::find(analyses.begin(), analyses.end(), "density") != analyses.end()) jobs::check_public_bandwidth(bandwidth_m);
    }
    // Refuse a GeoPackage target before loading anything.
    ReplacementFile file(r.out, format == render::PageFormat::pdf ? "PDF" : format == render::PageFormat::svg ? "SVG" : "PNG");

    geo::GeosContext geos;
    const scene::MapScene scene = scene::load_scene(r.project, geos);
    if (scene.incidents.size() == 0 && !analyses.empty())
        throw ConfigError(fmt::format("{} holds no incidents with a position to analyse", r.project));
    scene::IncidentFilter filter;
    if (scene.incidents.size() > 0) filter = scene::resolve_scene_filter(scene, {r.from, r.to, r.categories, ""});

    MapLayers m;
    m.scene = &scene;
    m.geos = &geos;
    m.filter = filter;
    m.shown.layers = chosen_layers(scene, r, analyses);
    m.shown.public_audience = is_public;
    m.shown.categories = filter.categories;
    const render::WorldBounds extent = scene.bounds;
    for (const auto& a : analyses) {
        if (a == "density") {
            m.density = scene::density(scene.incidents, filter, extent, k_kde_cell_m, bandwidth_m);
            m.shown.raster = "density";
            m.shown.density_max = m.density->max_value;
        } else if (a == "hotspots") {
            m.grid_hotspots = scene::grid_hotspots(scene.incidents, filter, extent, k_grid_cell_m);
            m.shown.raster = "hotspots";
        } else if (a == "emerging") {
            m.emerging = scene::emerging_grid(scene.incidents, filter, extent, k_grid_cell_m);
            m.shown.raster = "emerging";
            std::vector<int> codes;
            for (double c : m.emerging->category.values)
                if (c != 0 && std::find(codes.begin(), codes.end(), static_cast<int>(c)) == codes.end()) codes.push_back(static_cast<int>(c));
            std::sort(codes.begin(), codes.end());
            m.shown.emerging_codes = codes;
        } else if (a == "clusters") {
            m.clusters = scene::point_clusters(geos, scene.incidents, filter, 50, 20);
            m.shown.clusters = true;
        }
    }
    const scene::AreaLayer* wards = scene.area("ward");
    if (wards && m.shown.shows("ward_hotspots")) {
        const auto h = scene::area_hotspots(*wards, scene.incidents, filter);
        for (int b : h.bin) m.ward_fill.push_back(render::gi_bin_colour(b));
        for (auto& c : m.ward_fill) c.a = static_cast<std::uint8_t>(c.a * 0.8);
    } else if (wards && m.shown.shows("ward_counts")) {
        const auto counts = scene::area_counts(*wards, scene.incidents, filter);
        m.shown.ward_counts = counts.current;
        std::vector<double> values(counts.current.begin(), counts.current.end());
        m.shown.ward_breaks = render::class_breaks(values, 5, render::Classification::quantile);
        const double n = static_cast<double>(m.shown.ward_breaks.size() + 1);
        for (auto c : counts.current) {
            render::Rgba col = render::sample_ramp(m.shown.ramp, (render::class_of(static_cast<double>(c), m.shown.ward_breaks) + 0.5) / n);
            col.a = 200;
            m.ward_fill.push_back(col);
        }
    }

    // Page, frame and scale.
    const render::MapPageLayout layout = render::map_page_layout(paper);
    const render::Box& frame = layout.map;
    render::Camera cam(XY{}, 1, static_cast<int>(frame.w), static_cast<int>(frame.h));
    const render::WorldBounds view = view_bounds(scene, r);
    double denominator = 0;
    if (!r.scale.empty()) {
        denominator = render::parse_scale(r.scale);
        cam = render::Camera(XY{(view.min_x + view.max_x) / 2, (view.min_y + view.max_y) / 2}, render::metres_per_point(denominator),
                             static_cast<int>(frame.w), static_cast<int>(frame.h));
    } else {
        cam.fit(view, 6 * layout.unit);
        denominator = cam.metres_per_pixel() * 72 / 0.0254;
    }

    const std::string period = jobs::long_period(filter.from_month, filter.to_month);
    std::string types = "All crime";
    if (!filter.categories.empty()) {
        std::vector<std::string> names;
        for (std::size_t i = 0; i < filter.categories.size(); ++i)
            if (filter.categories[i]) names.push_back(scene.incidents.categories[i]);
        types = joined(names);
    }
    render::MapFurniture f = scene::describe_map(scene, m.shown);
    f.title = r.title.empty() ? scene.name : r.title;
    f.subtitle = r.subtitle.empty() ? (period.empty() ? types : types + ", " + period) : r.subtitle;
    f.method = method_line(analyses, bandwidth_m, jobs::short_period(filter.from_month, filter.to_month), m.shown.shows("ward_counts"));
    f.marking = r.audience.printed_marking();

    auto doc = render::open_page_document(format, file.temp_path(), paper.width_pt, paper.height_pt, r.dpi);
    const std::size_t labels = paint_map_frame(*doc, m, cam, frame, r.dpi, layout.unit);
    render::paint_furniture(*doc, f, layout, {cam.metres_per_pixel(), std::round(denominator), paper.name});
    doc->finish();
    doc.reset();
    file.commit();

    ResultMetadata out;
    out["method"] = "map";
    out["input"] = mask_credentials(r.project);
    out["output"] = r.out;
    out["format"] = format == render::PageFormat::pdf ? "pdf" : format == render::PageFormat::svg ? "svg" : "png";
    out["paper"] = paper.name;
    out["orientation"] = paper.landscape ? "landscape" : "portrait";
    out["page_width_pt"] = paper.width_pt;
    out["page_height_pt"] = paper.height_pt;
    if (format == render::PageFormat::png) {
        out["width_px"] = std::lround(paper.width_pt * r.dpi / 72);
        out["height_px"] = std::lround(paper.height_pt * r.dpi / 72);
    }
    out["dpi"] = r.dpi;
    out["scale"] = fmt::format("1:{:.0f}", std::round(denominator));
    out["title"] = f.title;
    out["subtitle"] = f.subtitle;
    out["method_line"] = f.method;
    out["layers"] = m.shown.layers;
    out["analyses"] = analyses;
    if (m.density) out["bandwidth_m"] = bandwidth_m;
    out["public"] = is_public;
    out["marking"] = f.marking;
    out["legend"] = nlohmann::ordered_json::array();
    for (const auto& e : f.legend) out["legend"].push_back(e.label);
    out["attribution"] = f.attribution;
    out["labels_placed"] = labels;
    return out;
}

} // namespace safermap::print
