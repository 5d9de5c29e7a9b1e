// SPDX-License-Identifier: MIT
// The viewer's Planning panel (issue #11): proposed camera sites with live coverage totals while
// a planner drags them, a selected intervention's areas and evaluation table, and the Knox
// near-repeat table as a heat table. The numbers come from scene/planning (the CLI's jobs).
#include "core/error.hpp"
#include "jobs/disclosure.hpp"
#include "render/map_style.hpp"
#include "scene/planning.hpp"
#include "ui/map_overlay.hpp"
#include "ui/viewer_app.hpp"

#include <fmt/format.h>
#include <imgui.h>

#include <algorithm>
#include <cmath>

namespace safermap::ui {

namespace {

std::vector<std::string> shown_categories(const scene::MapScene& s, const std::vector<bool>& shown) {
    std::vector<std::string> out;
    if (std::all_of(shown.begin(), shown.end(), [](bool b) { return b; })) return out; // all: no filter
    for (std::size_t i = 0; i < shown.size(); ++i)
        if (shown[i]) out.push_back(s.incidents.categories[i]);
    return out;
}

// "100,200,400" -> {100, 200, 400}; ConfigError naming `what` for anything else.
template <typename T> std::vector<T> parse_number_list(const char* text, const char* what) {
    std::vector<T> out;
    std::string item;
    const std::string all = std::string(text) + ",";
    for (char ch : all) {
        if (ch != ',') {
            if (ch != ' ') item += ch;
            continue;
        }
        if (item.empty()) continue;
        std::size_t used = 0;
        double v = 0;
        try {
            v = std::stod(item, &used);
        } catch (const std::exception&) {
            used = 0;
        }
        if (used != item.size()) throw ConfigError(fmt::format("{}: '{}' is not a number", what, item));
        out.push_back(static_cast<T>(v));
        item.clear();
    }
    if (out.empty()) throw ConfigError(fmt::format("{}: give edges such as 100,200,400", what));
    return out;
}

std::string pair_text(double before, double after, bool is_public) {
    return jobs::shown_count(std::llround(before), is_public) + " / " + jobs::shown_count(std::llround(after), is_public);
}

} // namespace

void ViewerApp::planning_panel() {
    const bool is_public = m_state.public_mode;
    // ---- proposed sites ----
    if (!m_scene.proposed.empty() || !m_scene.cctv.empty()) {
        ImGui::TextUnformatted("CCTV coverage of the incidents shown");
        const scene::SiteCoverTotals& t = site_cover();
        const auto pct = [&](std::size_t n) { return t.incidents ? 100.0 * static_cast<double>(n) / static_cast<double>(t.incidents) : 0.0; };
        ImGui::Text("Existing cameras: %s of %s (%.1f%%)", jobs::shown_count(static_cast<long long>(t.by_existing), is_public).c_str(),
                    jobs::shown_count(static_cast<long long>(t.incidents), is_public).c_str(), pct(t.by_existing));
        if (!m_scene.proposed.empty()) {
            ImGui::Text("With the proposed sites: %s (%.1f%%)", jobs::shown_count(static_cast<long long>(t.with_proposed), is_public).c_str(),
                        pct(t.with_proposed));
            ImGui::Checkbox("Move proposed sites (drag them on the map)", &m_state.move_sites);
            if (ImGui::BeginTable("proposed", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_SizingStretchProp)) {
                ImGui::TableSetupColumn("Rank");
                ImGui::TableSetupColumn("Site");
                ImGui::TableSetupColumn("Adds");
                ImGui::TableHeadersRow();
                for (std::size_t i = 0; i < m_scene.proposed.size(); ++i) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::Text("%d", m_scene.proposed[i].rank);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(m_scene.proposed[i].id.c_str());
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(i < t.added.size() ? jobs::shown_count(static_cast<long long>(t.added[i]), is_public).c_str() : "");
                }
                ImGui::EndTable();
            }
        }
        ImGui::Separator();
    }
    // ---- interventions ----
    if (!m_scene.interventions.empty()) {
        ImGui::TextUnformatted("Interventions (click one on the map, or pick it here)");
        for (std::size_t i = 0; i < m_scene.interventions.size(); ++i) {
            ImGui::PushID(static_cast<int>(i));
            if (ImGui::Selectable(m_scene.interventions[i].id.c_str(), m_selected && m_selected->index == i, 0, ImVec2(70, 0))) {
                select_intervention(i);
                zoom_to_selected();
            }
            ImGui::PopID();
            if (i % 4 != 3 && i + 1 < m_scene.interventions.size()) ImGui::SameLine();
        }
        if (m_selected) {
            const jobs::Evaluation& e = m_selected->evaluation;
            ImGui::TextWrapped("%s (%s), from %s: %s; ring %s; control %s", e.id.c_str(), e.type.c_str(), io::month_text(e.start_month).c_str(),
                               e.treatment_how.c_str(), e.buffer_how.c_str(), e.control_name.c_str());
            if (e.counted && ImGui::BeginTable("evaluation", 3, ImGuiTableFlags_RowBg | ImGuiTableFlags_Borders)) {
                ImGui::TableSetupColumn("Area");
                ImGui::TableSetupColumn("Before / after");
                ImGui::TableSetupColumn("Change");
                ImGui::TableHeadersRow();
                const auto row = [&](const char* name, double b, double a, const std::optional<double>& pct) {
                    ImGui::TableNextRow();
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(name);
                    ImGui::TableNextColumn();
                    ImGui::TextUnformatted(pair_text(b, a, is_public).c_str());
                    ImGui::TableNextColumn();
                    const bool hide = is_public && std::min(a, b) < static_cast<double>(jobs::k_small_count);
                    ImGui::TextUnformatted(pct && !hide ? fmt::format("{:+.0f}%", *pct).c_str() : "-");
                };
                row("Treatment", e.counts.treatment_before, e.counts.treatment_after, e.effect.treatment_change_pct);
                row("Ring", e.counts.buffer_before, e.counts.buffer_after, e.effect.buffer_change_pct);
                row("Control", e.counts.control_before, e.counts.control_after, e.effect.control_change_pct);
                ImGui::EndTable();
                const bool small = std::min({e.counts.treatment_before, e.counts.treatment_after, e.counts.buffer_before, e.counts.buffer_after}) <
                                   static_cast<double>(jobs::k_small_count);
                if (is_public && small) ImGui::TextUnformatted("Measures hidden in public mode: a count is under 5");
                else {
                    if (e.effect.wdq) ImGui::Text("WDQ %.2f", *e.effect.wdq);
                    if (e.effect.odds_ratio) ImGui::Text("Odds ratio %.2f", *e.effect.odds_ratio);
                    if (e.effect.total_net_effect) ImGui::Text("Total net effect %.1f", *e.effect.total_net_effect);
                }
            }
            for (const auto& w : e.effect.warnings) ImGui::TextWrapped("Note: %s", w.c_str());
        }
        ImGui::Separator();
    }
    // ---- Knox ----
    ImGui::TextUnformatted("Near repeats (Knox, months)");
    ImGui::InputText("Space bands (m)", m_knox_space, sizeof m_knox_space);
    ImGui::InputText("Time bands (months)", m_knox_time, sizeof m_knox_time);
    if (ImGui::Button("Run Knox on the incidents shown")) run_knox();
    if (m_knox) {
        const auto& r = m_knox->result;
        const std::size_t ns = r.space_bands(), nt = r.time_bands();
        ImGui::Text("%zu incidents, %d permutations; ratio observed / expected", m_knox->incidents, m_knox->parameters.value("permutations", 0));
        if (ImGui::BeginTable("knox", static_cast<int>(nt) + 1, ImGuiTableFlags_Borders)) {
            ImGui::TableSetupColumn("");
            for (std::size_t t = 0; t < nt; ++t) ImGui::TableSetupColumn(jobs::time_band_label(r, t).c_str());
            ImGui::TableHeadersRow();
            for (std::size_t s = 0; s < ns; ++s) {
                ImGui::TableNextRow();
                ImGui::TableNextColumn();
                ImGui::TextUnformatted(jobs::space_band_label(r, s).c_str());
                for (std::size_t t = 0; t < nt; ++t) {
                    ImGui::TableNextColumn();
                    const std::size_t c = s * nt + t;
                    const double ratio = c < r.ratio.size() ? r.ratio[c] : std::nan("");
                    // Heat: white at 1, red as pairs exceed chance, blue below it.
                    if (std::isfinite(ratio)) {
                        const double k = std::clamp(std::abs(ratio - 1) / 1.0, 0.0, 1.0);
                        const ImU32 bg = ratio >= 1 ? IM_COL32(255, static_cast<int>(255 - 180 * k), static_cast<int>(255 - 180 * k), 255)
                                                    : IM_COL32(static_cast<int>(255 - 150 * k), static_cast<int>(255 - 100 * k), 255, 255);
                        ImGui::TableSetBgColor(ImGuiTableBgTarget_CellBg, bg);
                    }
                    const char* mark = r.p.empty() ? "" : r.p[c] <= 0.01 ? "**" : r.p[c] <= 0.05 ? "*" : "";
                    ImGui::TextUnformatted(std::isfinite(ratio) ? fmt::format("{:.2f}{}", ratio, mark).c_str() : "-");
                }
            }
            ImGui::EndTable();
        }
        ImGui::TextUnformatted("* p <= 0.05, ** p <= 0.01 against permutations of the months");
    }
}

const scene::SiteCoverTotals& ViewerApp::site_cover() {
    // Recounted when the filter or a proposed site moves.
    std::string key = fmt::format("{}-{}-{}", m_state.from_month, m_state.to_month, m_state.ward);
    for (bool c : m_state.categories) key += c ? '1' : '0';
    for (const auto& p : m_scene.proposed) key += fmt::format(";{:.1f},{:.1f}", p.xy.x, p.xy.y);
    if (key != m_site_cover_key) {
        scene::IncidentFilter f = filter();
        f.category_weight.clear();
        m_site_cover = scene::proposed_cover(m_scene, f);
        m_site_cover_key = key;
    }
    return m_site_cover;
}

void ViewerApp::select_intervention(std::size_t index) {
    jobs::EvaluationRequest r;
    r.before_months = 5;
    r.after_months = 5;
    r.buffer_m = 400;
    r.radius_m = 200;
    r.control.automatic = true;
    r.control.kind = "ward";
    try {
        m_selected = scene::evaluate_selected(m_scene, m_geos, index, r, shown_categories(m_scene, m_state.categories));
        m_status.clear();
    } catch (const Error& e) {
        m_selected.reset();
        m_status = e.what();
    }
}

void ViewerApp::zoom_to_selected() {
    if (!m_selected) return;
    render::WorldBounds b;
    for (const auto* rings : {&m_selected->treatment, &m_selected->ring})
        for (const auto& r : *rings)
            for (const auto& p : r) b.include(p.x, p.y);
    if (!b.empty()) fit_view(b);
}

void ViewerApp::run_knox() {
    jobs::KnoxRequest r;
    try {
        r.space_edges_m = parse_number_list<double>(m_knox_space, "space bands");
        r.time_edges = parse_number_list<int>(m_knox_time, "time bands");
        m_knox = scene::knox_of(m_scene, filter(), r);
        m_status.clear();
    } catch (const Error& e) {
        m_knox.reset();
        m_status = e.what();
    }
}

void ViewerApp::draw_selected_intervention(ImDrawList& dl) {
    if (!m_selected) return;
    auto outline = [&](const std::vector<render::Ring>& rings, ImU32 colour, float width) {
        for (const auto& ring : rings) {
            std::vector<ImVec2> pts;
            for (const auto& p : ring) {
                const XY s = m_camera.world_to_screen(p);
                pts.emplace_back(static_cast<float>(s.x), static_cast<float>(s.y));
            }
            dl.AddPolyline(pts.data(), static_cast<int>(pts.size()), colour, ImDrawFlags_Closed, width);
        }
    };
    outline(m_selected->control, IM_COL32(0, 114, 178, 230), 2.f);
    outline(m_selected->ring, IM_COL32(230, 97, 1, 230), 2.f);
    outline(m_selected->treatment, IM_COL32(200, 20, 40, 255), 2.5f);
}

} // namespace safermap::ui
