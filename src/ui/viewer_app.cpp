// SPDX-License-Identifier: MIT
#include "ui/viewer_app.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "core/name_match.hpp"
#include "gl/gl_api.hpp"
#include "io/incidents/point_loader.hpp"
#include "jobs/disclosure.hpp"
#include "jobs/month_span.hpp"
#include "render/basemap.hpp"
#include "render/classify.hpp"
#include "render/map_style.hpp"
#include "render/png_image.hpp"

#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <imgui.h>
#include <imgui_impl_glfw.h>
#include <imgui_impl_opengl3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <numeric>
#include <set>

namespace safermap::ui {

namespace {

constexpr const char* k_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
constexpr const char* k_bold_font = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";

void glfw_error(int code, const char* text) { std::fprintf(stderr, "safermap-view: GLFW error %d: %s\n", code, text); }

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

} // namespace

ViewerApp::ViewerApp(ViewerOptions options) : m_opt(std::move(options)) {}

ViewerApp::~ViewerApp() {
    m_jobs.wait();
    m_renderer.reset();
    if (ImGui::GetCurrentContext()) {
        ImGui_ImplOpenGL3_Shutdown();
        ImGui_ImplGlfw_Shutdown();
        ImGui::DestroyContext();
    }
    if (m_window) glfwDestroyWindow(m_window);
    glfwTerminate();
}

void ViewerApp::init_window(bool visible) {
    glfwSetErrorCallback(glfw_error);
    if (!glfwInit())
        throw Error("cannot start GLFW: is there a display? Without one, run under `xvfb-run -a` (and use --screenshot)");
    glfwWindowHint(GLFW_CONTEXT_VERSION_MAJOR, 3);
    glfwWindowHint(GLFW_CONTEXT_VERSION_MINOR, 3);
    glfwWindowHint(GLFW_OPENGL_PROFILE, GLFW_OPENGL_CORE_PROFILE);
    glfwWindowHint(GLFW_OPENGL_FORWARD_COMPAT, GLFW_TRUE);
    glfwWindowHint(GLFW_VISIBLE, visible ? GLFW_TRUE : GLFW_FALSE);
    if (visible) glfwWindowHint(GLFW_SAMPLES, 4);
    const std::string title = fmt::format("SaferMap - {}", mask_credentials(m_opt.project));
    m_window = glfwCreateWindow(m_opt.width, m_opt.height, title.c_str(), nullptr, nullptr);
    if (!m_window) throw Error("cannot open an OpenGL 3.3 core window (a display with OpenGL 3.3 is needed; try `xvfb-run -a`)");
    glfwMakeContextCurrent(m_window);
    glfwSwapInterval(visible ? 1 : 0);

    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    io.IniFilename = visible ? "safermap-view.ini" : nullptr;
    for (const char* f : {k_font, k_bold_font})
        if (!std::filesystem::exists(f)) throw IoError(fmt::format("{}: font missing (install the Debian package fonts-dejavu-core)", f));
    m_font = io.Fonts->AddFontFromFileTTF(k_font, 16.f);
    m_large_font = io.Fonts->AddFontFromFileTTF(k_bold_font, 32.f);
    ImGui::StyleColorsLight();
    ImGui_ImplGlfw_InitForOpenGL(m_window, true);
    ImGui_ImplOpenGL3_Init("#version 330 core");
    m_renderer = std::make_unique<gl::MapRenderer>(gl::find_shader_dir(m_opt.executable));
}

void ViewerApp::init_state() {
    m_scene = scene::load_scene(m_opt.project, m_geos);
    m_renderer->upload(m_scene);
    auto add = [&](const std::string& id, const std::string& title, bool visible, float opacity, render::Rgba colour) {
        m_state.layers.push_back(LayerState{id, title, visible, opacity, colour});
    };
    if (!m_opt.basemap.empty()) add("basemap", "Basemap", true, 0.8f, {0, 0, 0, 255});
    for (const auto& a : m_scene.areas) {
        if (a.kind == "district") add("district", "District", true, 1.f, render::style::district_line);
        else if (a.kind == "ward") add("ward", "Wards", true, 1.f, render::style::ward_line);
        else if (a.kind == "lsoa") add("lsoa", "LSOAs", false, 1.f, render::style::lsoa_line);
        else if (a.kind != "priority") add(a.kind, a.kind, true, 1.f, render::style::other_area_line);
    }
    if (m_scene.area("ward")) add("ward_counts", "Incidents per ward (choropleth)", false, 0.8f, {0, 0, 0, 255});
    add("ward_hotspots", "Gi* hot spots (wards)", false, 0.8f, {0, 0, 0, 255});
    add("density", "Kernel density", false, 0.75f, {0, 0, 0, 255});
    add("hotspots", "Gi* hot spots (grid)", false, 0.8f, {0, 0, 0, 255});
    add("emerging", "Emerging hot spots", false, 0.85f, {0, 0, 0, 255});
    if (m_scene.area("priority")) add("priority", "Priority areas", true, 1.f, render::style::priority);
    add("clusters", "Point clusters (DBSCAN)", false, 1.f, render::style::cluster_line);
    add("incidents", "Incidents", true, 0.85f, {0, 0, 0, 255});
    if (!m_scene.cctv.empty()) add("cctv", "CCTV coverage", true, 1.f, {0, 114, 178, 255});
    if (!m_scene.proposed.empty()) add("proposed", "Proposed sites (safermap site)", true, 1.f, {230, 97, 1, 255});
    if (!m_scene.interventions.empty()) add("interventions", "Interventions", true, 1.f, {0, 0, 0, 255});
    add("labels", "Ward labels", true, 1.f, {40, 40, 40, 255});
    if (!m_scene.places.empty()) add("places", "Places (NaPTAN towns and estates)", false, 1.f, render::style::ink);
    m_state.categories.assign(m_scene.incidents.categories.size(), true);
    m_state.from_month = m_scene.incidents.first_month;
    m_state.to_month = m_scene.incidents.last_month;
    m_state.title = m_scene.name;
    m_camera = render::Camera(XY{}, 1, m_opt.width, m_opt.height);
}

void ViewerApp::fit_view(const render::WorldBounds& bounds) {
    const double s = m_state.presentation ? 1.6 : 1.0;
    const bool title = m_state.presentation || !m_opt.screenshot.empty();
    m_camera.fit(bounds, render::Camera::Margins{260 * s, (title ? 90 : 30) * s, 40 * s, 50 * s});
}

void ViewerApp::apply_options() {
    if (!m_opt.layers.empty()) {
        const auto wanted = split_commas(m_opt.layers);
        for (const auto& w : wanted)
            if (!m_state.layer(w)) {
                std::string known;
                for (const auto& l : m_state.layers) known += (known.empty() ? "" : ", ") + l.id;
                throw ConfigError(fmt::format("--layers: no layer '{}' in this project (layers: {})", w, known));
            }
        for (auto& l : m_state.layers) l.visible = std::find(wanted.begin(), wanted.end(), l.id) != wanted.end();
    }
    m_state.presentation = m_opt.presentation;
    const scene::Bookmark* whole = m_scene.bookmark("Whole area");
    fit_view(whole ? whole->bounds : m_scene.bounds);
    if (!m_opt.view.empty()) {
        const scene::Bookmark* b = m_scene.bookmark(m_opt.view);
        if (!b) {
            std::string known;
            for (const auto& v : m_scene.bookmarks) known += (known.empty() ? "" : ", ") + v.name;
            throw ConfigError(fmt::format("--view: no view '{}' (views: {})", m_opt.view, known));
        }
        fit_view(b->bounds);
        m_state.bookmark = static_cast<std::size_t>(b - m_scene.bookmarks.data());
    }
    if (!m_opt.from_month.empty()) m_state.from_month = io::month_index(m_opt.from_month, "--from");
    if (!m_opt.to_month.empty()) m_state.to_month = io::month_index(m_opt.to_month, "--to");
    if (!m_opt.categories.empty()) {
        m_state.categories.assign(m_scene.incidents.categories.size(), false);
        for (const auto& c : m_opt.categories) {
            auto it = std::find(m_scene.incidents.categories.begin(), m_scene.incidents.categories.end(), c);
            if (it == m_scene.incidents.categories.end()) throw ConfigError(fmt::format("--category: no incidents of type '{}'", c));
            m_state.categories[static_cast<std::size_t>(it - m_scene.incidents.categories.begin())] = true;
        }
    }
    if (!m_opt.area.empty()) {
        const scene::AreaLayer* wards = m_scene.area("ward");
        if (!wards) throw ConfigError("--area: the project has no wards");
        for (std::size_t i = 0; i < wards->names.size(); ++i)
            if (wards->names[i] == m_opt.area || wards->codes[i] == m_opt.area) m_state.ward = static_cast<std::int32_t>(i);
        if (m_state.ward < 0) throw ConfigError(fmt::format("--area: no ward named or coded '{}'", m_opt.area));
    }
    m_state.ramp = render::parse_ramp(m_opt.ramp);
    m_state.equal_interval = render::parse_classification(m_opt.classification) == render::Classification::equal_interval;
    if (m_opt.colour_by != "type" && m_opt.colour_by != "month") throw ConfigError("--colour-by: type or month");
    m_state.colour_points_by_month = m_opt.colour_by == "month";
    m_state.presentation = m_opt.presentation;
    m_state.public_mode = m_opt.public_mode;
    m_state.weigh_by_harm = m_opt.harm;
    if (!m_opt.title.empty()) m_state.title = m_opt.title;
    if (!m_opt.basemap.empty()) {
        if (render::is_raster(m_opt.basemap)) {
            const render::Basemap b = render::read_basemap(m_opt.basemap, m_scene.crs, m_scene.bounds, 4096);
            m_renderer->set_basemap(b.width, b.height, b.rgba, b.bounds);
        } else {
            m_renderer->set_basemap_lines(render::read_vector_basemap(m_opt.basemap, m_scene.crs, m_scene.bounds));
        }
    }
    for (const auto& a : split_commas(m_opt.analyses)) run_analysis_now(a);
    if (!m_opt.intervention.empty()) {
        std::vector<std::string> ids;
        for (const auto& iv : m_scene.interventions) ids.push_back(iv.id);
        const auto id = find_name(m_opt.intervention, ids);
        if (!id) throw ConfigError("--intervention: " + no_such_name_message("intervention", m_opt.intervention, m_opt.project, ids));
        select_intervention(static_cast<std::size_t>(std::find(ids.begin(), ids.end(), *id) - ids.begin()));
        if (!m_selected) throw ConfigError(fmt::format("--intervention {}: {}", *id, m_status));
        if (m_opt.view.empty()) zoom_to_selected();
    }
    if (m_opt.knox) {
        run_knox();
        if (!m_knox) throw ConfigError("Knox: " + m_status);
    }
}

scene::IncidentFilter ViewerApp::filter() const {
    scene::IncidentFilter f;
    f.from_month = m_state.from_month;
    f.to_month = m_state.to_month;
    f.categories = m_state.categories;
    f.ward = m_state.ward;
    if (m_state.weigh_by_harm) f.category_weight = m_scene.harm_weight;
    return f;
}

std::string ViewerApp::period_text() const { return jobs::long_period(m_state.from_month, m_state.to_month); }

void ViewerApp::start_analysis(const std::string& which) {
    const render::WorldBounds extent = m_scene.bounds;
    if (m_state.public_mode && which == "density") jobs::check_public_bandwidth(m_state.params.kde_bandwidth_m);
    if (m_state.public_mode && which == "clusters") jobs::refuse_public_points("clusters (their outlines run through incident positions)");
    if (which == "density") m_state.density_by_harm = m_state.weigh_by_harm && !m_scene.harm_weight.empty();
    if (which == "density") m_jobs.start(AnalysisJobs::Kind::density, m_scene.incidents, filter(), extent, m_state.params);
    else if (which == "hotspots") m_jobs.start(AnalysisJobs::Kind::grid_hotspots, m_scene.incidents, filter(), extent, m_state.params);
    else if (which == "emerging") m_jobs.start(AnalysisJobs::Kind::emerging, m_scene.incidents, filter(), extent, m_state.params);
    else if (which == "clusters") m_jobs.start(AnalysisJobs::Kind::clusters, m_scene.incidents, filter(), extent, m_state.params);
    else if (which == "ward_hotspots") {
        // Fast (one count per ward), and it uses the scene's GEOS context: on this thread.
        const scene::AreaLayer* wards = m_scene.area("ward");
        if (!wards) throw ConfigError("ward_hotspots: the project has no wards");
        m_ward_hotspots = scene::area_hotspots(*wards, m_scene.incidents, filter());
        refresh_area_colours();
        if (auto* l = m_state.layer("ward_hotspots")) l->visible = true;
        int hot = 0;
        for (int b : m_ward_hotspots->bin) hot += b > 0;
        m_state.hotspot_note = fmt::format("{} of {} wards hot (Gi*, queen contiguity, FDR)", hot, m_ward_hotspots->bin.size());
    } else {
        throw ConfigError(fmt::format("unknown analysis '{}' (density, hotspots, emerging, ward_hotspots, clusters)", which));
    }
}

void ViewerApp::run_analysis_now(const std::string& which) {
    start_analysis(which);
    m_jobs.wait();
    if (auto e = m_jobs.take_error(); !e.empty()) throw Error(e);
    collect_results();
}

void ViewerApp::collect_results() {
    if (auto d = m_jobs.take_density()) {
        m_renderer->set_density(*d);
        m_state.density_max = d->max_value;
        m_state.density_note = fmt::format("{} incidents, bandwidth {:.0f} m, peak {:.0f} per km²", d->points, d->bandwidth_m, d->max_value);
        m_state.raster_layer = "density";
        if (auto* l = m_state.layer("density")) l->visible = true;
    }
    if (auto h = m_jobs.take_grid_hotspots()) {
        m_renderer->set_grid_bins(*h);
        int hot = 0;
        for (double b : h->bins.values) hot += b > 0;
        m_state.hotspot_note = fmt::format("{} hot cells of {} m (Gi*, FDR)", hot, static_cast<int>(h->bins.grid.cell_size_m));
        m_state.raster_layer = "hotspots";
        if (auto* l = m_state.layer("hotspots")) l->visible = true;
    }
    if (auto e = m_jobs.take_emerging()) {
        m_renderer->set_grid_classes(e->category, scene::emerging_palette(), 8);
        std::set<int> codes;
        for (double c : e->category.values)
            if (c != 0) codes.insert(static_cast<int>(c));
        m_state.emerging_codes.assign(codes.begin(), codes.end());
        m_state.hotspot_note = fmt::format("emerging hot spots over {} months: {} categories present", e->months, codes.size());
        m_state.raster_layer = "emerging";
        if (auto* l = m_state.layer("emerging")) l->visible = true;
    }
    if (auto c = m_jobs.take_clusters()) {
        m_renderer->set_clusters(*c);
        m_state.cluster_note = fmt::format("{} clusters", c->hulls.size());
        if (auto* l = m_state.layer("clusters")) l->visible = true;
    }
    if (auto e = m_jobs.take_error(); !e.empty()) m_status = e;
}

void ViewerApp::refresh_area_colours() { m_ward_colouring.clear(); }

std::vector<double> ViewerApp::ward_breaks() const {
    std::vector<double> counts(m_counts.current.begin(), m_counts.current.end());
    return render::class_breaks(counts, m_state.classes,
                                m_state.equal_interval ? render::Classification::equal_interval : render::Classification::quantile);
}

void ViewerApp::colour_wards(const std::string& what) {
    std::size_t layer = m_scene.areas.size();
    for (std::size_t i = 0; i < m_scene.areas.size(); ++i)
        if (m_scene.areas[i].kind == "ward") layer = i;
    if (layer == m_scene.areas.size()) return;
    std::string key = what;
    if (what == "counts") {
        refresh_counts();
        key += m_counts_key + fmt::format("/{}{}{}", m_state.classes, m_state.equal_interval, static_cast<int>(m_state.ramp));
    }
    if (key == m_ward_colouring) return;
    std::vector<render::Rgba> colours;
    if (what == "hotspots" && m_ward_hotspots) {
        for (int b : m_ward_hotspots->bin) colours.push_back(render::gi_bin_colour(b));
    } else if (what == "counts") {
        const auto breaks = ward_breaks();
        const double n = static_cast<double>(breaks.size() + 1);
        for (auto c : m_counts.current)
            colours.push_back(render::sample_ramp(m_state.ramp, (render::class_of(static_cast<double>(c), breaks) + 0.5) / n));
    }
    m_renderer->set_area_colours(layer, colours);
    m_ward_colouring = key;
}

void ViewerApp::refresh_counts() {
    const scene::AreaLayer* wards = m_scene.area("ward");
    if (!wards) return;
    std::string key = fmt::format("{}-{}", m_state.from_month, m_state.to_month);
    for (bool c : m_state.categories) key += c ? '1' : '0';
    key += fmt::format("w{}", m_state.ward);
    if (key == m_counts_key) return;
    m_counts = scene::area_counts(*wards, m_scene.incidents, filter());
    m_counts_key = key;
}

void ViewerApp::draw_map(int width, int height) {
    m_camera.resize(width, height);
    m_renderer->begin_frame(width, height, render::style::background);
    auto layer_index = [&](const std::string& kind) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < m_scene.areas.size(); ++i)
            if (m_scene.areas[i].kind == kind) return i;
        return std::nullopt;
    };
    if (m_state.shows("basemap")) m_renderer->draw_basemap(m_camera, m_state.layer("basemap")->opacity);
    if (auto d = layer_index("district"); d && m_state.shows("district"))
        m_renderer->draw_area_fill(*d, m_camera, render::style::district_fill, 1.f, false);
    if (auto w = layer_index("ward"); w && m_state.shows("ward_counts")) {
        colour_wards("counts");
        m_renderer->draw_area_fill(*w, m_camera, render::Rgba{255, 255, 255, 255}, m_state.layer("ward_counts")->opacity, true);
    }
    if (auto w = layer_index("ward"); w && m_state.shows("ward_hotspots") && m_ward_hotspots) {
        colour_wards("hotspots");
        m_renderer->draw_area_fill(*w, m_camera, render::Rgba{255, 255, 255, 255}, m_state.layer("ward_hotspots")->opacity, true);
    }
    // One raster at a time: the latest of KDE, grid Gi* and emerging hot spots.
    if (m_renderer->has_raster() && !m_state.raster_layer.empty() && m_state.shows(m_state.raster_layer)) {
        gl::RasterStyle rs;
        rs.ramp = m_state.ramp;
        rs.opacity = m_state.layer(m_state.raster_layer)->opacity;
        // By default the faintest 2% stays clear so the map shows through.
        rs.low = m_state.density_max * m_state.density_low;
        rs.high = m_state.density_max * std::max(m_state.density_high, m_state.density_low + 0.01f);
        m_renderer->draw_raster(m_camera, rs);
    }
    for (const char* kind : {"lsoa", "ward", "estate", "custom", "district"})
        if (auto i = layer_index(kind); i && m_state.shows(kind)) m_renderer->draw_area_outline(*i, m_camera, m_state.layer(kind)->colour);
    if (auto p = layer_index("priority"); p && m_state.shows("priority")) {
        const LayerState* l = m_state.layer("priority");
        m_renderer->draw_area_fill(*p, m_camera, l->colour, static_cast<float>(render::style::priority_fill_opacity) * l->opacity, false);
        m_renderer->draw_area_outline(*p, m_camera, l->colour);
    }
    if (m_state.shows("clusters") && m_renderer->has_clusters())
        m_renderer->draw_clusters(m_camera, render::style::cluster_fill, render::style::cluster_line);
    if (m_state.shows("incidents")) {
        gl::PointStyle ps;
        ps.size_px = m_state.point_size_px * (m_state.presentation ? 1.4f : 1.f);
        ps.opacity = m_state.layer("incidents")->opacity;
        ps.by_month = m_state.colour_points_by_month;
        ps.from_month = m_state.from_month;
        ps.to_month = m_state.to_month;
        ps.categories = m_state.categories;
        ps.ward = m_state.ward;
        m_renderer->draw_points(m_camera, ps);
    }
}

void ViewerApp::draw_frame(int width, int height) {
    ImGui_ImplOpenGL3_NewFrame();
    ImGui_ImplGlfw_NewFrame();
    ImGuiIO& io = ImGui::GetIO();
    io.DisplaySize = ImVec2(static_cast<float>(width), static_cast<float>(height));
    io.DisplayFramebufferScale = ImVec2(1, 1);
    ImGui::NewFrame();
    m_camera.resize(width, height);
    if (!m_state.presentation && (m_opt.screenshot.empty() || !m_opt.open_panel.empty())) {
        panels();
        hover_tooltip();
    }
    draw_overlays(width, height);
    ImGui::Render();
    draw_map(width, height);
    ImGui_ImplOpenGL3_RenderDrawData(ImGui::GetDrawData());
}

int ViewerApp::screenshot() {
    init_window(false);
    init_state();
    apply_options();
    gl::OffscreenTarget target(m_opt.width, m_opt.height);
    target.bind();
    // Two frames: the first lets ImGui settle its fonts and layout.
    for (int i = 0; i < 2; ++i) {
        target.bind();
        draw_frame(m_opt.width, m_opt.height);
    }
    glFinish();
    render::RgbaImage img;
    img.width = m_opt.width;
    img.height = m_opt.height;
    img.pixels.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
    target.read_rgba(img.pixels.data());
    render::write_png(m_opt.screenshot, img);
    if (m_opt.json)
        std::printf("{\n  \"method\": \"view\",\n  \"screenshot\": %s,\n  \"width\": %d,\n  \"height\": %d\n}\n",
                    nlohmann::json(m_opt.screenshot).dump().c_str(), img.width, img.height);
    else
        std::printf("wrote %s (%dx%d)\n", m_opt.screenshot.c_str(), img.width, img.height);
    return 0;
}

int ViewerApp::bench() {
    init_window(false);
    init_state();
    apply_options();
    gl::OffscreenTarget target(m_opt.width, m_opt.height);
    std::vector<double> ms;
    for (int i = 0; i < m_opt.bench_frames + 3; ++i) {
        const auto t0 = std::chrono::steady_clock::now();
        target.bind();
        // Pan a little each frame, as a user would, so nothing can be cached.
        m_camera.pan_pixels(1, 0);
        draw_frame(m_opt.width, m_opt.height);
        glFinish();
        if (i >= 3) ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count());
    }
    std::sort(ms.begin(), ms.end());
    const double mean = std::accumulate(ms.begin(), ms.end(), 0.0) / static_cast<double>(ms.size());
    std::printf("frames %zu  incidents %zu  sprites %zu  size %dx%d  mean %.1f ms  median %.1f ms  p95 %.1f ms\n", ms.size(),
                m_scene.incidents.size(), m_scene.incidents.draw_category.size(),
                m_opt.width, m_opt.height, mean, ms[ms.size() / 2], ms[std::min(ms.size() - 1, ms.size() * 95 / 100)]);
    std::printf("renderer: %s\n", reinterpret_cast<const char*>(glGetString(GL_RENDERER)));
    return 0;
}

int ViewerApp::run() {
    if (m_opt.bench_frames > 0) return bench();
    if (!m_opt.screenshot.empty()) return screenshot();
    init_window(true);
    init_state();
    apply_options();
    while (!glfwWindowShouldClose(m_window)) {
        glfwPollEvents();
        collect_results();
        handle_input();
        int w = 0, h = 0;
        glfwGetFramebufferSize(m_window, &w, &h);
        if (w > 0 && h > 0) {
            glBindFramebuffer(GL_FRAMEBUFFER, 0);
            draw_frame(w, h);
            glfwSwapBuffers(m_window);
        }
        if (m_jobs.busy() == false && !m_state.playing) glfwWaitEventsTimeout(0.25);
    }
    return 0;
}

void ViewerApp::handle_input() {
    ImGuiIO& io = ImGui::GetIO();
    const double now = glfwGetTime();
    if (m_state.playing && now - m_last_step >= m_state.play_seconds_per_month) {
        m_last_step = now;
        const std::int32_t span = m_state.to_month - m_state.from_month;
        if (m_state.to_month + 1 > m_scene.incidents.last_month) {
            m_state.from_month = m_scene.incidents.first_month;
            m_state.to_month = m_state.from_month + span;
        } else {
            ++m_state.from_month;
            ++m_state.to_month;
        }
    }
    if (!io.WantCaptureMouse) {
        double x = 0, y = 0;
        glfwGetCursorPos(m_window, &x, &y);
        if (glfwGetMouseButton(m_window, GLFW_MOUSE_BUTTON_LEFT) == GLFW_PRESS) {
            if (!m_dragging) {
                // A press on a proposed site (when moving sites) picks it up; on an intervention selects it.
                m_dragging_site = -1;
                const auto near = [&](XY w, double px) {
                    const XY sxy = m_camera.world_to_screen(w);
                    return std::hypot(sxy.x - x, sxy.y - y) <= px;
                };
                if (m_state.move_sites && m_state.shows("proposed"))
                    for (std::size_t i = 0; i < m_scene.proposed.size(); ++i)
                        if (near(m_scene.proposed[i].xy, 10)) m_dragging_site = static_cast<int>(i);
                if (m_dragging_site < 0 && m_state.shows("interventions"))
                    for (std::size_t i = 0; i < m_scene.interventions.size(); ++i)
                        if (near(m_scene.interventions[i].anchor, 8)) {
                            select_intervention(i);
                            break;
                        }
            }
            if (m_dragging_site >= 0) m_scene.proposed[static_cast<std::size_t>(m_dragging_site)].xy = m_camera.screen_to_world(XY{x, y});
            else if (m_dragging) m_camera.pan_pixels(x - m_last_x, y - m_last_y);
            m_dragging = true;
        } else {
            m_dragging = false;
            m_dragging_site = -1;
        }
        m_last_x = x;
        m_last_y = y;
        if (io.MouseWheel != 0) m_camera.zoom_about(XY{x, y}, std::pow(1.2, io.MouseWheel));
    }
    if (io.WantCaptureKeyboard) return;
    auto step_view = [&](int by) {
        if (m_scene.bookmarks.empty()) return;
        const auto n = static_cast<int>(m_scene.bookmarks.size());
        m_state.bookmark = static_cast<std::size_t>(((static_cast<int>(m_state.bookmark) + by) % n + n) % n);
        fit_view(m_scene.bookmarks[m_state.bookmark].bounds);
    };
    const double pan = 80;
    if (ImGui::IsKeyPressed(GLFW_KEY_P, false) || ImGui::IsKeyPressed(GLFW_KEY_F11, false)) {
        m_state.presentation = !m_state.presentation;
        GLFWmonitor* monitor = glfwGetPrimaryMonitor();
        if (m_state.presentation && monitor) {
            const GLFWvidmode* mode = glfwGetVideoMode(monitor);
            glfwSetWindowMonitor(m_window, monitor, 0, 0, mode->width, mode->height, mode->refreshRate);
        } else if (!m_state.presentation) {
            glfwSetWindowMonitor(m_window, nullptr, 80, 80, m_opt.width, m_opt.height, 0);
        }
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_ESCAPE, false) && m_state.presentation) {
        m_state.presentation = false;
        glfwSetWindowMonitor(m_window, nullptr, 80, 80, m_opt.width, m_opt.height, 0);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_U, false)) m_state.public_mode = !m_state.public_mode;
    if (ImGui::IsKeyPressed(GLFW_KEY_SPACE, false)) m_state.playing = !m_state.playing;
    if (ImGui::IsKeyPressed(GLFW_KEY_HOME, false)) fit_view(m_scene.bookmarks.front().bounds);
    if (ImGui::IsKeyPressed(GLFW_KEY_EQUAL) || ImGui::IsKeyPressed(GLFW_KEY_KP_ADD))
        m_camera.zoom_about(XY{m_camera.width() / 2.0, m_camera.height() / 2.0}, 1.25);
    if (ImGui::IsKeyPressed(GLFW_KEY_MINUS) || ImGui::IsKeyPressed(GLFW_KEY_KP_SUBTRACT))
        m_camera.zoom_about(XY{m_camera.width() / 2.0, m_camera.height() / 2.0}, 0.8);
    if (m_state.presentation) {
        // Arrow keys step through the saved views in a meeting.
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT, false) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_DOWN, false)) step_view(1);
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT, false) || ImGui::IsKeyPressed(GLFW_KEY_PAGE_UP, false)) step_view(-1);
    } else {
        if (ImGui::IsKeyPressed(GLFW_KEY_LEFT)) m_camera.pan_pixels(pan, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_RIGHT)) m_camera.pan_pixels(-pan, 0);
        if (ImGui::IsKeyPressed(GLFW_KEY_UP)) m_camera.pan_pixels(0, pan);
        if (ImGui::IsKeyPressed(GLFW_KEY_DOWN)) m_camera.pan_pixels(0, -pan);
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_PERIOD) && m_state.to_month < m_scene.incidents.last_month) {
        ++m_state.from_month;
        ++m_state.to_month;
    }
    if (ImGui::IsKeyPressed(GLFW_KEY_COMMA) && m_state.from_month > m_scene.incidents.first_month) {
        --m_state.from_month;
        --m_state.to_month;
    }
}

} // namespace safermap::ui
