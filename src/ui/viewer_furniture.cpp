// SPDX-License-Identifier: MIT
// What the viewer draws over the map: CCTV sectors, intervention symbols, ward labels, and in
// every mode the title, period, legend, scale bar, north arrow and attribution (larger in
// presentation mode).
#include "render/classify.hpp"
#include "scene/map_legend.hpp"
#include "scene/scene_analysis.hpp"
#include "ui/map_overlay.hpp"
#include "ui/viewer_app.hpp"

#include <fmt/format.h>
#include <imgui.h>


namespace safermap::ui {

void ViewerApp::draw_overlays(int width, int height) {
    (void)width;
    (void)height;
    ImDrawList& dl = *ImGui::GetBackgroundDrawList();
    const float scale = m_state.presentation ? 1.6f : 1.f;
    if (m_state.shows("cctv")) draw_cctv(dl, m_scene.cctv, m_camera, m_state.layer("cctv")->opacity);
    if (m_state.shows("proposed"))
        draw_proposed(dl, m_font, m_scene.proposed, m_scene.proposed_range_m, m_scene.proposed_fov_deg, m_camera,
                      m_state.layer("proposed")->opacity, scale);
    if (m_state.shows("interventions")) {
        draw_interventions(dl, m_scene.interventions, m_camera, m_state.layer("interventions")->opacity, 6 * scale);
        // Close in, each scheme says when it went in.
        if (m_camera.metres_per_pixel() < 4)
            for (const auto& iv : m_scene.interventions) {
                const XY s = m_camera.world_to_screen(iv.anchor);
                dl.AddText(m_font, 12.f * scale, ImVec2(static_cast<float>(s.x) + 9 * scale, static_cast<float>(s.y) - 7 * scale),
                           IM_COL32(40, 40, 40, 255), iv.install_date.c_str());
            }
    }
    draw_selected_intervention(dl);
    // Places first (towns above villages and estates), then ward names where they leave room.
    std::vector<render::LabelCandidate> taken;
    if (m_state.shows("places")) taken = draw_place_labels(dl, m_scene.places, m_camera, m_font, m_large_font, scale);
    if (m_state.shows("labels"))
        if (const scene::AreaLayer* wards = m_scene.area("ward"))
            draw_area_labels(dl, *wards, m_camera, m_font, 14.f * scale, IM_COL32(40, 40, 40, 255), taken);

    scene::MapShown shown;
    for (const auto& l : m_state.layers)
        if (m_state.shows(l.id)) shown.layers.push_back(l.id);
    shown.public_audience = m_state.public_mode;
    shown.ramp = m_state.ramp;
    if (const LayerState* l = m_state.layer("priority")) shown.priority_colour = l->colour;
    if (const LayerState* l = m_state.layer("ward")) shown.ward_colour = l->colour;
    if (m_state.shows("ward_counts") && !m_counts.current.empty()) {
        shown.ward_counts = m_counts.current;
        shown.ward_breaks = ward_breaks();
    }
    shown.raster = m_state.raster_layer;
    shown.density_max = m_state.density_max;
    shown.density_low = m_state.density_low;
    shown.density_high = m_state.density_high;
    shown.density_by_harm = m_state.density_by_harm;
    shown.emerging_codes = m_state.emerging_codes;
    shown.clusters = m_renderer->has_clusters();
    shown.points_by_month = m_state.colour_points_by_month;
    shown.categories = m_state.categories;

    Furniture f;
    f.map = scene::describe_map(m_scene, shown);
    if (m_selected) {
        // The selected scheme's areas, as drawn by draw_selected_intervention.
        using K = render::LegendEntry::Kind;
        const auto& e = m_selected->evaluation;
        f.map.legend.push_back({K::outline, "Scheme area (" + e.id + ")", {200, 20, 40, 255}, ""});
        f.map.legend.push_back({K::outline, "Displacement ring", {230, 97, 1, 255}, ""});
        if (!e.control_name.empty()) f.map.legend.push_back({K::outline, "Control: " + e.control_name, {0, 114, 178, 255}, ""});
    }
    f.font = m_font;
    f.large_font = m_large_font;
    f.scale = scale;
    if (m_state.presentation || !m_opt.screenshot.empty()) f.map.title = m_state.title;
    f.map.subtitle = period_text();
    if (m_state.ward >= 0)
        if (const scene::AreaLayer* wards = m_scene.area("ward"))
            f.map.subtitle += ", " + wards->names[static_cast<std::size_t>(m_state.ward)] + " ward only";
    draw_furniture(dl, f, m_camera);
}

} // namespace safermap::ui
