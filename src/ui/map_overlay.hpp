// SPDX-License-Identifier: MIT
#pragma once
// What is drawn over the GL map with Dear ImGui's draw lists: area labels that do not
// collide, CCTV coverage sectors, intervention symbols, and the furniture a map for a
// meeting needs (title, legend, scale bar, north arrow, month, data attribution).

#include "render/camera.hpp"
#include "render/map_overlays.hpp"
#include "render/map_style.hpp"
#include "scene/map_scene.hpp"
#include "ui/viewer_state.hpp"

#include <imgui.h>

#include <string>
#include <vector>

namespace safermap::ui {

ImU32 to_imgui(render::Rgba c, float opacity = 1.f);

// Labels keep clear of `taken` (boxes already labelled, e.g. by draw_place_labels).
void draw_area_labels(ImDrawList& dl, const scene::AreaLayer& areas, const render::Camera& cam, ImFont* font, float size,
                      ImU32 colour, const std::vector<render::LabelCandidate>& taken = {});
// Towns, villages and estates (NaPTAN localities), sized by rank (render::place_label_size),
// towns first where labels would collide.
// Returns the boxes it labelled, for the labels drawn after it to keep clear of.
std::vector<render::LabelCandidate> draw_place_labels(ImDrawList& dl, const std::vector<scene::PlaceLabel>& places,
                                                      const render::Camera& cam, ImFont* font, ImFont* bold_font, float scale);
void draw_cctv(ImDrawList& dl, const std::vector<scene::CctvSite>& sites, const render::Camera& cam, float opacity);
// Proposed sites (orange, apart from existing cameras' blue): coverage sectors of `range_m` and
// `fov_deg` (a full circle without a heading) and each site's rank on its marker.
void draw_proposed(ImDrawList& dl, ImFont* font, const std::vector<scene::ProposedSite>& sites, double range_m, double fov_deg,
                   const render::Camera& cam, float opacity, float scale);
void draw_interventions(ImDrawList& dl, const std::vector<scene::Intervention>& items, const render::Camera& cam, float opacity,
                        float size_px);
// Symbol of an intervention type, for the map and the legend.
void draw_intervention_symbol(ImDrawList& dl, const std::string& type, ImVec2 at, float size_px, float opacity);

// The shared description (render::MapFurniture) plus what ImGui needs to draw it.
struct Furniture {
    render::MapFurniture map;
    ImFont* font = nullptr;
    ImFont* large_font = nullptr;
    float scale = 1;                    // 1.6 in presentation mode
};
void draw_furniture(ImDrawList& dl, const Furniture& f, const render::Camera& cam);

} // namespace safermap::ui
