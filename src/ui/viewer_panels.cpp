// SPDX-License-Identifier: MIT
// The viewer's ImGui panels: layers, filters (with month animation), analysis, inspect
// (hotspot and ward table), saved views; and the hover tooltip.
#include "io/incidents/point_loader.hpp"
#include "jobs/disclosure.hpp"
#include "ui/viewer_app.hpp"

#include <GLFW/glfw3.h>
#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <numeric>

namespace safermap::ui {

namespace {

// In public mode a change between suppressed counts would give them away (jobs/disclosure).
std::string change_text(std::int64_t now, std::int64_t before, bool is_public) {
    if (is_public && (now < jobs::k_small_count || before < jobs::k_small_count)) return "-";
    if (before == 0) return now == 0 ? "-" : "new";
    return fmt::format("{:+.0f}%", 100.0 * static_cast<double>(now - before) / static_cast<double>(before));
}

} // namespace

void ViewerApp::panels() {
    const float w = ImGui::GetIO().DisplaySize.x;
    ImGui::SetNextWindowPos(ImVec2(w - 430, 10), ImGuiCond_FirstUseEver);
    ImGui::SetNextWindowSize(ImVec2(420, 0), ImGuiCond_FirstUseEver);
    ImGui::Begin("SaferMap");
    ImGui::TextUnformatted(m_scene.name.c_str());
    ImGui::Text("%zu incidents%s", m_scene.incidents.size(),
                m_scene.incidents.not_geocoded ? fmt::format(" ({} not geocoded)", m_scene.incidents.not_geocoded).c_str() : "");
    ImGui::Checkbox("Presentation mode (P)", &m_state.presentation);
    ImGui::SameLine();
    ImGui::Checkbox("Public (U)", &m_state.public_mode);
    if (m_state.public_mode) ImGui::TextColored(ImVec4(0.6f, 0.1f, 0.1f, 1), "Public mode: incident points hidden");
    // --open-panel opens one header whatever ImGui remembers.
    auto header = [&](const char* name, bool open_by_default) {
        if (m_opt.open_panel == name) ImGui::SetNextItemOpen(true, ImGuiCond_Always);
        else if (!m_opt.open_panel.empty()) ImGui::SetNextItemOpen(false, ImGuiCond_Always);
        return ImGui::CollapsingHeader(name, open_by_default ? ImGuiTreeNodeFlags_DefaultOpen : 0);
    };
    if (header("Layers", true)) layers_panel();
    if (header("Filters", true)) filter_panel();
    if (header("Analysis", true)) analysis_panel();
    if (header("Wards and hotspots", false)) inspect_panel();
    if (header("Planning", false)) planning_panel();
    if (header("Views", false)) views_panel();
    if (!m_status.empty()) ImGui::TextWrapped("%s", m_status.c_str());
    ImGui::End();
}

void ViewerApp::layers_panel() {
    // Bottom-to-top drawing order; the buttons move a layer within it.
    for (std::size_t i = 0; i < m_state.layers.size(); ++i) {
        LayerState& l = m_state.layers[i];
        ImGui::PushID(static_cast<int>(i));
        ImGui::Checkbox(l.title.c_str(), &l.visible);
        ImGui::SameLine(200);
        ImGui::SetNextItemWidth(80);
        ImGui::SliderFloat("##opacity", &l.opacity, 0.f, 1.f, "%.2f");
        ImGui::SameLine();
        if (ImGui::SmallButton("^") && i + 1 < m_state.layers.size()) std::swap(m_state.layers[i], m_state.layers[i + 1]);
        ImGui::SameLine();
        if (ImGui::SmallButton("zoom")) {
            if (const scene::AreaLayer* a = m_scene.area(l.id)) fit_view(a->bounds);
            else if (l.id == "incidents") fit_view(m_scene.bounds);
            else fit_view(m_scene.bookmarks.front().bounds);
        }
        ImGui::PopID();
    }
    int ramp = 0;
    const auto names = render::ramp_names();
    for (std::size_t i = 0; i < names.size(); ++i)
        if (names[i] == render::to_string(m_state.ramp)) ramp = static_cast<int>(i);
    const char* items[] = {"YlOrRd", "viridis", "Blues", "Purples"};
    if (ImGui::Combo("Density ramp", &ramp, items, 4)) m_state.ramp = render::parse_ramp(items[ramp]);
    ImGui::Checkbox("Equal intervals (not quantiles)", &m_state.equal_interval);
    ImGui::SliderInt("Ward classes", &m_state.classes, 2, 9);
    ImGui::SliderFloat("Density from", &m_state.density_low, 0.f, 0.5f, "%.2f of peak");
    ImGui::SliderFloat("Density to", &m_state.density_high, 0.1f, 1.f, "%.2f of peak");
    ImGui::SliderFloat("Point size (px)", &m_state.point_size_px, 1.f, 12.f, "%.0f");
    ImGui::Checkbox("Colour points by month", &m_state.colour_points_by_month);
    if (auto* l = m_state.layer("priority")) {
        float c[3] = {l->colour.r / 255.f, l->colour.g / 255.f, l->colour.b / 255.f};
        if (ImGui::ColorEdit3("Priority areas", c, ImGuiColorEditFlags_NoInputs))
            l->colour = render::Rgba{static_cast<std::uint8_t>(c[0] * 255), static_cast<std::uint8_t>(c[1] * 255),
                                     static_cast<std::uint8_t>(c[2] * 255), 255};
    }
}

void ViewerApp::filter_panel() {
    const auto& inc = m_scene.incidents;
    if (inc.first_month >= 0) {
        int from = m_state.from_month - inc.first_month, to = m_state.to_month - inc.first_month;
        const int last = inc.last_month - inc.first_month;
        ImGui::SliderInt("From", &from, 0, last, io::month_text(inc.first_month + from).c_str());
        ImGui::SliderInt("To", &to, 0, last, io::month_text(inc.first_month + to).c_str());
        if (to < from) to = from;
        m_state.from_month = inc.first_month + from;
        m_state.to_month = inc.first_month + to;
        if (ImGui::Button(m_state.playing ? "Pause" : "Play")) m_state.playing = !m_state.playing;
        ImGui::SameLine();
        if (ImGui::Button("<") && m_state.from_month > inc.first_month) --m_state.from_month, --m_state.to_month;
        ImGui::SameLine();
        if (ImGui::Button(">") && m_state.to_month < inc.last_month) ++m_state.from_month, ++m_state.to_month;
        ImGui::SameLine();
        if (ImGui::Button("All months")) m_state.from_month = inc.first_month, m_state.to_month = inc.last_month;
        ImGui::SameLine();
        ImGui::TextUnformatted(period_text().c_str());
    }
    if (const scene::AreaLayer* wards = m_scene.area("ward")) {
        const char* current = m_state.ward < 0 ? "All wards" : wards->names[static_cast<std::size_t>(m_state.ward)].c_str();
        if (ImGui::BeginCombo("Area", current)) {
            if (ImGui::Selectable("All wards", m_state.ward < 0)) m_state.ward = -1;
            for (std::size_t i = 0; i < wards->names.size(); ++i)
                if (ImGui::Selectable(wards->names[i].c_str(), m_state.ward == static_cast<int>(i))) m_state.ward = static_cast<int>(i);
            ImGui::EndCombo();
        }
    }
    if (ImGui::SmallButton("All types")) std::fill(m_state.categories.begin(), m_state.categories.end(), true);
    ImGui::SameLine();
    if (ImGui::SmallButton("None")) std::fill(m_state.categories.begin(), m_state.categories.end(), false);
    for (std::size_t i = 0; i < inc.categories.size(); ++i) {
        bool on = m_state.categories[i];
        const render::Rgba c = render::category_colour(i);
        ImGui::ColorButton(fmt::format("##c{}", i).c_str(), ImVec4(c.r / 255.f, c.g / 255.f, c.b / 255.f, 1.f), ImGuiColorEditFlags_NoTooltip,
                           ImVec2(12, 12));
        ImGui::SameLine();
        if (ImGui::Checkbox(inc.categories[i].c_str(), &on)) m_state.categories[i] = on;
    }
}

void ViewerApp::analysis_panel() {
    auto& p = m_state.params;
    const bool busy = m_jobs.busy();
    if (busy) ImGui::Text("Running %s ... %.1f s", m_jobs.running().c_str(), m_jobs.seconds_running());
    if (m_scene.harm_weight.empty()) ImGui::BeginDisabled();
    ImGui::Checkbox("Weigh by harm, not counts", &m_state.weigh_by_harm);
    if (m_scene.harm_weight.empty()) ImGui::EndDisabled();
    ImGui::TextWrapped("%s", m_scene.harm_note.c_str());
    // Public mode keeps surfaces coarse enough not to pin down an address (jobs/disclosure).
    const float min_bandwidth = m_state.public_mode ? static_cast<float>(jobs::k_public_min_bandwidth_m) : 50.f;
    ImGui::SliderFloat("KDE bandwidth (m)", &p.kde_bandwidth_m, min_bandwidth, 1000, "%.0f");
    if (m_state.public_mode && p.kde_bandwidth_m < min_bandwidth) p.kde_bandwidth_m = min_bandwidth;
    ImGui::SliderFloat("KDE cell (m)", &p.kde_cell_m, 10, 200, "%.0f");
    if (ImGui::Button("Run KDE") && !busy) start_analysis("density");
    if (!m_state.density_note.empty()) ImGui::TextWrapped("%s", m_state.density_note.c_str());
    ImGui::Separator();
    ImGui::SliderFloat("Gi* cell (m)", &p.grid_cell_m, 100, 1000, "%.0f");
    if (ImGui::Button("Run Gi* on grid") && !busy) start_analysis("hotspots");
    ImGui::SameLine();
    if (ImGui::Button("Run Gi* on wards")) start_analysis("ward_hotspots");
    if (ImGui::Button("Run emerging hot spots (Gi* each month)") && !busy) start_analysis("emerging");
    if (!m_state.hotspot_note.empty()) ImGui::TextWrapped("%s", m_state.hotspot_note.c_str());
    ImGui::Separator();
    ImGui::SliderFloat("DBSCAN eps (m)", &p.dbscan_eps_m, 10, 300, "%.0f");
    ImGui::SliderInt("DBSCAN min points", &p.dbscan_min_points, 3, 200);
    if (m_state.public_mode) ImGui::BeginDisabled();
    if (ImGui::Button("Run clusters") && !busy) start_analysis("clusters");
    if (m_state.public_mode) {
        ImGui::EndDisabled();
        ImGui::TextWrapped("Public mode: no clusters (their outlines run through incident positions)");
    }
    if (!m_state.cluster_note.empty()) ImGui::TextWrapped("%s", m_state.cluster_note.c_str());
    ImGui::TextDisabled("Analyses use the current filter (months and crime types).");
}

void ViewerApp::inspect_panel() {
    const scene::AreaLayer* wards = m_scene.area("ward");
    if (!wards) {
        ImGui::TextUnformatted("No wards in this project.");
        return;
    }
    refresh_counts();
    std::vector<std::size_t> order(wards->names.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return m_counts.current[a] > m_counts.current[b]; });
    ImGui::Text("%s vs the same months a year before; click to zoom", period_text().c_str());
    if (ImGui::BeginTable("wards", 5, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders | ImGuiTableFlags_ScrollY, ImVec2(0, 260))) {
        ImGui::TableSetupColumn("Ward");
        ImGui::TableSetupColumn("Now");
        ImGui::TableSetupColumn("Year before");
        ImGui::TableSetupColumn("Change");
        ImGui::TableSetupColumn("Gi*");
        ImGui::TableHeadersRow();
        for (std::size_t i : order) {
            ImGui::TableNextRow();
            ImGui::TableNextColumn();
            if (ImGui::Selectable(wards->names[i].c_str(), m_state.selected_area == static_cast<int>(i), ImGuiSelectableFlags_SpanAllColumns)) {
                m_state.selected_area = static_cast<int>(i);
                fit_view(wards->extents[i]);
            }
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(jobs::shown_count(m_counts.current[i], m_state.public_mode).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(jobs::shown_count(m_counts.last_year[i], m_state.public_mode).c_str());
            ImGui::TableNextColumn();
            ImGui::TextUnformatted(change_text(m_counts.current[i], m_counts.last_year[i], m_state.public_mode).c_str());
            ImGui::TableNextColumn();
            if (m_ward_hotspots) ImGui::Text("%+.2f", m_ward_hotspots->z[i]);
        }
        ImGui::EndTable();
    }
    if (m_state.selected_area >= 0) {
        const auto i = static_cast<std::size_t>(m_state.selected_area);
        ImGui::Text("Selected: %s (%s)", wards->names[i].c_str(), wards->codes[i].c_str());
        // The boundary's own source fields, as imported.
        if (!wards->attributes[i].empty()) ImGui::TextWrapped("%s", wards->attributes[i].c_str());
        if (ImGui::SmallButton("Show only this ward's incidents")) m_state.ward = m_state.selected_area;
    }
}

void ViewerApp::views_panel() {
    for (std::size_t i = 0; i < m_scene.bookmarks.size(); ++i) {
        if (ImGui::Selectable(m_scene.bookmarks[i].name.c_str(), m_state.bookmark == i)) {
            m_state.bookmark = i;
            fit_view(m_scene.bookmarks[i].bounds);
        }
    }
    static char name[64] = "";
    ImGui::InputText("##viewname", name, sizeof(name));
    ImGui::SameLine();
    if (ImGui::Button("Save view") && name[0]) {
        const scene::Bookmark b{name, m_camera.visible()};
        try {
            scene::save_bookmark(m_opt.project, b);
            m_scene.bookmarks.push_back(b);
            m_status = fmt::format("saved view '{}' in the project", b.name);
        } catch (const std::exception& e) {
            m_status = e.what();
        }
        name[0] = 0;
    }
    ImGui::TextDisabled("In presentation mode, arrow keys step through these views.");
}

void ViewerApp::hover_tooltip() {
    if (ImGui::GetIO().WantCaptureMouse) return;
    const scene::AreaLayer* wards = m_scene.area("ward");
    const ImVec2 mouse = ImGui::GetIO().MousePos;
    const XY world = m_camera.screen_to_world(XY{mouse.x, mouse.y});
    std::string text;
    // Interventions and cameras near the cursor first (within 8 px).
    const double near = 8 * m_camera.metres_per_pixel();
    for (const auto& iv : m_scene.interventions)
        if (std::hypot(iv.anchor.x - world.x, iv.anchor.y - world.y) < near && m_state.shows("interventions"))
            text += fmt::format("{} {}\ninstalled {} ({}){}\n{}\n", iv.type, iv.id, iv.install_date, iv.funding,
                                iv.illustrative ? "\nILLUSTRATIVE: not a real scheme" : "", iv.description);
    for (const auto& c : m_scene.cctv)
        if (std::hypot(c.xy.x - world.x, c.xy.y - world.y) < near && m_state.shows("cctv"))
            text += fmt::format("CCTV {} {} ({})\n{}{}\n", c.id, c.name, c.type, c.status,
                                c.illustrative ? "\nILLUSTRATIVE: not a real camera" : "");
    if (wards) {
        if (auto i = wards->polygons->locate(world.x, world.y)) {
            refresh_counts();
            text += fmt::format("{} ward ({})\n{}: {} incidents; same months a year before: {} ({})", wards->names[*i], wards->codes[*i],
                                period_text(), jobs::shown_count(m_counts.current[*i], m_state.public_mode),
                                jobs::shown_count(m_counts.last_year[*i], m_state.public_mode),
                                change_text(m_counts.current[*i], m_counts.last_year[*i], m_state.public_mode));
            if (m_ward_hotspots) text += fmt::format("\nGi* z {:+.2f}, bin {}", m_ward_hotspots->z[*i], m_ward_hotspots->bin[*i]);
            if (ImGui::IsMouseClicked(ImGuiMouseButton_Right)) m_state.selected_area = static_cast<int>(*i);
        }
    }
    if (!text.empty()) ImGui::SetTooltip("%s", text.c_str());
}

} // namespace safermap::ui
