// SPDX-License-Identifier: MIT
#include "render/map_style.hpp"

#include <algorithm>

namespace safermap::render {

SymbolStyle intervention_symbol(std::string_view type) {
    if (type == "alley_gate") return {SymbolShape::gate, {117, 112, 179, 255}};
    if (type == "street_lighting") return {SymbolShape::lamp, {240, 200, 0, 255}};
    if (type == "cctv") return {SymbolShape::triangle, {0, 114, 178, 255}};
    if (type == "target_hardening") return {SymbolShape::diamond, {0, 158, 115, 255}};
    return {SymbolShape::dot, {204, 121, 167, 255}};
}

std::string intervention_label(std::string_view type) {
    std::string label(type);
    std::replace(label.begin(), label.end(), '_', ' ');
    return label;
}

double place_label_size(int rank) {
    switch (rank) {
    case 1: return 15;
    case 2: return 12;
    default: return 10;
    }
}

} // namespace safermap::render
