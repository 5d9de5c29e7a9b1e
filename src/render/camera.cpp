// SPDX-License-Identifier: MIT
#include "render/camera.hpp"

#include <algorithm>

namespace safermap::render {

void WorldBounds::include(double x, double y) {
    min_x = std::min(min_x, x);
    min_y = std::min(min_y, y);
    max_x = std::max(max_x, x);
    max_y = std::max(max_y, y);
}

void WorldBounds::include(const WorldBounds& o) {
    if (o.min_x > o.max_x) return;
    include(o.min_x, o.min_y);
    include(o.max_x, o.max_y);
}

Camera::Camera(XY centre, double metres_per_pixel, int width_px, int height_px)
    : m_centre(centre), m_mpp(metres_per_pixel), m_width(std::max(1, width_px)), m_height(std::max(1, height_px)) {}

void Camera::resize(int width_px, int height_px) {
    m_width = std::max(1, width_px);
    m_height = std::max(1, height_px);
}

XY Camera::world_to_screen(XY w) const {
    return XY{(w.x - m_centre.x) / m_mpp + m_width / 2.0, m_height / 2.0 - (w.y - m_centre.y) / m_mpp};
}

XY Camera::screen_to_world(XY s) const {
    return XY{m_centre.x + (s.x - m_width / 2.0) * m_mpp, m_centre.y + (m_height / 2.0 - s.y) * m_mpp};
}

WorldBounds Camera::visible() const {
    const XY a = screen_to_world({0, static_cast<double>(m_height)});
    const XY b = screen_to_world({static_cast<double>(m_width), 0});
    return WorldBounds{a.x, a.y, b.x, b.y};
}

void Camera::pan_pixels(double dx, double dy) {
    m_centre.x -= dx * m_mpp;
    m_centre.y += dy * m_mpp;
}

void Camera::zoom_about(XY screen, double factor) {
    if (!(factor > 0)) return;
    const XY before = screen_to_world(screen);
    // Between a building (1 cm a pixel) and a region (1 km a pixel).
    m_mpp = std::clamp(m_mpp / factor, 0.01, 1000.0);
    const XY after = screen_to_world(screen);
    m_centre.x += before.x - after.x;
    m_centre.y += before.y - after.y;
}

void Camera::fit(const WorldBounds& b, double margin_px) { fit(b, Margins{margin_px, margin_px, margin_px, margin_px}); }

void Camera::fit(const WorldBounds& b, const Margins& m) {
    if (b.empty()) return;
    const double w = std::max(1.0, m_width - m.left - m.right), h = std::max(1.0, m_height - m.top - m.bottom);
    m_mpp = std::clamp(std::max((b.max_x - b.min_x) / w, (b.max_y - b.min_y) / h), 0.01, 1000.0);
    // The bounds' middle goes to the middle of the free part of the screen.
    const double sx = m.left + w / 2, sy = m.top + h / 2;
    m_centre = XY{(b.min_x + b.max_x) / 2 - (sx - m_width / 2.0) * m_mpp, (b.min_y + b.max_y) / 2 + (sy - m_height / 2.0) * m_mpp};
}

Camera::GpuTransform Camera::gpu_transform(XY origin) const {
    return GpuTransform{{static_cast<float>(origin.x - m_centre.x), static_cast<float>(origin.y - m_centre.y)},
                        {static_cast<float>(2.0 / (m_width * m_mpp)), static_cast<float>(2.0 / (m_height * m_mpp))}};
}

} // namespace safermap::render
