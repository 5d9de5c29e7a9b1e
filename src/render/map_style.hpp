// SPDX-License-Identifier: MIT
#pragma once
// The one description of how a SaferMap map looks, shared by the viewer (GL + ImGui) and the
// exports (Cairo PDF/SVG/PNG): each layer's colours, the symbols of interventions, the legend's
// entries and the furniture every map carries. Two back ends draw it; neither picks colours of
// its own (MapLibre's style/ apart from its renderer/).

#include "render/color_ramp.hpp"

#include <string>
#include <string_view>
#include <vector>

namespace safermap::render {

// Colours of the map's layers, one place for every face.
namespace style {
inline constexpr Rgba background{247, 247, 244, 255};
inline constexpr Rgba district_fill{238, 234, 224, 255};
inline constexpr Rgba district_line{90, 90, 90, 255};
inline constexpr Rgba ward_line{110, 110, 110, 255};
inline constexpr Rgba lsoa_line{170, 170, 170, 255};
inline constexpr Rgba other_area_line{120, 120, 120, 255};
inline constexpr Rgba priority{118, 42, 131, 255};
inline constexpr double priority_fill_opacity = 0.12;
inline constexpr Rgba cluster_fill{213, 94, 0, 60};
inline constexpr Rgba cluster_line{213, 94, 0, 255};
inline constexpr Rgba cctv_fill{0, 114, 178, 70};
inline constexpr Rgba cctv_edge{0, 84, 140, 255};
inline constexpr Rgba proposed_fill{230, 97, 1, 70};
inline constexpr Rgba proposed_edge{166, 54, 3, 255};
inline constexpr Rgba label_ink{40, 40, 40, 255};
inline constexpr Rgba ink{25, 25, 25, 255};
inline constexpr Rgba paper{255, 255, 255, 225};
inline constexpr Rgba rule{120, 120, 120, 255};
inline constexpr Rgba attribution_ink{60, 60, 60, 255};
} // namespace style

// How an intervention type is drawn: alley gates as barred purple squares, street lighting as a
// yellow lamp, CCTV as a blue triangle, target hardening as a green diamond, the rest a pink dot.
enum class SymbolShape { gate, lamp, triangle, diamond, dot };
struct SymbolStyle {
    SymbolShape shape = SymbolShape::dot;
    Rgba colour;
    Rgba outline{30, 30, 30, 255};
};
SymbolStyle intervention_symbol(std::string_view type);
// "alley_gate" -> "alley gate".
std::string intervention_label(std::string_view type);

// Place labels (NaPTAN localities) are sized by rank so that towns stand above villages and
// villages above estates: the size in points at the viewer's 1x scale (12 px) and on paper.
double place_label_size(int rank);

struct LegendEntry {
    enum class Kind { fill, outline, point, ramp, bins, sector, symbol } kind = Kind::fill;
    std::string label;
    Rgba colour;
    std::string symbol; // intervention type for Kind::symbol
    bool operator==(const LegendEntry&) const = default;
};

// Everything around the map: the same fields on screen and on paper.
struct MapFurniture {
    std::string title;
    std::string subtitle;                // crime types and period, e.g. "All crime, January to March 2025"
    std::string method;                  // e.g. "Quartic KDE, 250 m radius, 50 m cells, Jan-Dec 2025"; may be empty
    std::string marking;                 // protective marking; empty on public outputs
    std::vector<LegendEntry> legend;
    Ramp ramp = Ramp::ylorrd;
    std::string ramp_low, ramp_high;     // labels at the ends of a ramp entry
    std::vector<std::string> attribution;
};

} // namespace safermap::render
