// SPDX-License-Identifier: MIT
// What the viewer draws over the map: CCTV sectors, intervention symbols, ward labels, and in
// every mode the title, period, legend, scale bar, north arrow and attribution (larger in
// presentation mode).
#include "analysis/emerging_hotspots.hpp"
#include "render/classify.hpp"
#include "scene/scene_analysis.hpp"
#include "ui/map_overlay.hpp"
#include "ui/viewer_app.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <set>

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
    if (m_state.shows("labels"))
        if (const scene::AreaLayer* wards = m_scene.area("ward"))
            draw_area_labels(dl, *wards, m_camera, m_font, 14.f * scale, IM_COL32(40, 40, 40, 255));

    Furniture f;
    f.font = m_font;
    f.large_font = m_large_font;
    f.scale = scale;
    f.ramp = m_state.ramp;
    if (m_state.presentation || !m_opt.screenshot.empty()) f.title = m_state.title;
    f.month = period_text();
    if (m_state.ward >= 0)
        if (const scene::AreaLayer* wards = m_scene.area("ward"))
            f.month += ", " + wards->names[static_cast<std::size_t>(m_state.ward)] + " ward only";
    using K = LegendEntry::Kind;
    if (m_state.shows("priority")) f.legend.push_back({K::outline, "Priority area", m_state.layer("priority")->colour, ""});
    if (m_state.shows("ward")) f.legend.push_back({K::outline, "Ward boundary", m_state.layer("ward")->colour, ""});
    if (m_state.shows("ward_counts") && !m_counts.current.empty()) {
        // One entry per class, with its range of counts.
        const auto breaks = ward_breaks();
        const double n = static_cast<double>(breaks.size() + 1);
        const auto [lo, hi] = std::minmax_element(m_counts.current.begin(), m_counts.current.end());
        for (std::size_t k = 0; k <= breaks.size(); ++k) {
            const double from = k == 0 ? static_cast<double>(*lo) : breaks[k - 1];
            const std::string label = k == breaks.size() ? fmt::format("{:.0f} to {} incidents", from, *hi)
                                                         : fmt::format("{:.0f} to under {:.0f}", from, breaks[k]);
            f.legend.push_back({K::fill, label, render::sample_ramp(m_state.ramp, (static_cast<double>(k) + 0.5) / n), ""});
        }
    }
    const std::string& raster = m_state.raster_layer;
    if (raster == "density" && m_state.shows("density") && m_state.density_max > 0) {
        f.legend.push_back({K::ramp, m_state.density_by_harm ? "Harm per km² (KDE, ONS CSS days)" : "Incidents per km² (KDE)", {}, ""});
        f.ramp_low = fmt::format("{:.0f}", m_state.density_max * m_state.density_low);
        f.ramp_high = fmt::format("{:.0f}", m_state.density_max * m_state.density_high);
    }
    if ((raster == "hotspots" && m_state.shows("hotspots")) || (m_state.shows("ward_hotspots") && m_ward_hotspots))
        f.legend.push_back({K::bins, "Gi* hot and cold spots (FDR)", {}, ""});
    if (raster == "emerging" && m_state.shows("emerging")) {
        const auto palette = scene::emerging_palette();
        for (int code : m_state.emerging_codes)
            f.legend.push_back({K::fill, std::string(analysis::describe(code)), palette[static_cast<std::size_t>(code + 8)], ""});
    }
    if (m_state.shows("clusters") && m_renderer->has_clusters()) f.legend.push_back({K::outline, "Point cluster (DBSCAN)", {213, 94, 0, 255}, ""});
    if (m_state.shows("incidents")) {
        if (m_state.colour_points_by_month) {
            f.legend.push_back({K::point, "Incident (colour: month)", render::sample_ramp(render::Ramp::viridis, 0.5), ""});
        } else {
            // One entry per type shown, most common first would need counts; input order is stable.
            std::size_t shown = 0;
            for (std::size_t i = 0; i < m_state.categories.size() && shown < 8; ++i)
                if (m_state.categories[i]) {
                    f.legend.push_back({K::point, m_scene.incidents.categories[i], render::category_colour(i), ""});
                    ++shown;
                }
            const auto total = static_cast<std::size_t>(std::count(m_state.categories.begin(), m_state.categories.end(), true));
            if (total > shown) f.legend.push_back({K::point, fmt::format("... and {} more types", total - shown), {150, 150, 150, 255}, ""});
        }
    }
    if (m_state.shows("cctv")) {
        bool illustrative = false;
        for (const auto& c : m_scene.cctv) illustrative |= c.illustrative;
        f.legend.push_back({K::sector, illustrative ? "CCTV coverage (ILLUSTRATIVE)" : "CCTV coverage", {0, 114, 178, 110}, ""});
    }
    if (m_state.shows("proposed"))
        f.legend.push_back({K::sector, fmt::format("Proposed site, by rank ({} m)", m_scene.proposed_range_m), {230, 97, 1, 110}, ""});
    if (m_state.shows("interventions")) {
        std::set<std::string> types;
        bool illustrative = false;
        for (const auto& iv : m_scene.interventions) {
            types.insert(iv.type);
            illustrative |= iv.illustrative;
        }
        for (const auto& t : types) {
            std::string label = t;
            for (auto& ch : label)
                if (ch == '_') ch = ' ';
            f.legend.push_back({K::symbol, label + (illustrative ? " (ILLUSTRATIVE)" : ""), {}, t});
        }
    }
    if (m_state.public_mode) f.legend.push_back({K::fill, "Public map: no incident locations", {255, 255, 255, 255}, ""});
    // Owed only by what is on the map: the layers drawn from incidents, each boundary kind shown.
    f.attribution = io::attribution_for(m_scene.attribution, [&](const std::string& layer) {
        if (layer == "incidents")
            return m_state.shows("incidents") || m_state.shows("clusters") || m_state.shows("ward_counts") || m_state.shows("ward_hotspots") ||
                   (m_state.shows(m_state.raster_layer) && !m_state.raster_layer.empty());
        if (layer == "ward") return m_state.shows("ward") || m_state.shows("ward_counts") || m_state.shows("ward_hotspots");
        return m_state.shows(layer);
    });
    if (m_state.density_by_harm && m_state.shows("density"))
        f.attribution.push_back("Harm weights: Office for National Statistics, Crime Severity Score, OGL v3.0");
    draw_furniture(dl, f, m_camera);
}

} // namespace safermap::ui
