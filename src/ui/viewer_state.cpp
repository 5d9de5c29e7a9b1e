// SPDX-License-Identifier: MIT
#include "ui/viewer_state.hpp"

namespace safermap::ui {

LayerState* ViewerState::layer(const std::string& id) {
    for (auto& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

const LayerState* ViewerState::layer(const std::string& id) const {
    for (const auto& l : layers)
        if (l.id == id) return &l;
    return nullptr;
}

bool ViewerState::shows(const std::string& id) const {
    const LayerState* l = layer(id);
    if (!l || !l->visible) return false;
    // Public mode never shows where individual incidents are: no points, no cluster outlines
    // (their vertices are incident positions).
    return !(public_mode && (id == "incidents" || id == "clusters"));
}

} // namespace safermap::ui
