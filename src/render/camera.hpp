// SPDX-License-Identifier: MIT
#pragma once
// The map camera: world coordinates (project CRS metres) in doubles on the CPU; the GPU only
// ever sees positions relative to a layer origin and that origin's offset from the camera
// centre, both small enough for floats, so nothing jitters when zoomed into a street.

#include "core/incident.hpp"

#include <array>

namespace safermap::render {

// Starts empty (inverted); include() grows it.
struct WorldBounds {
    double min_x = 1e300, min_y = 1e300, max_x = -1e300, max_y = -1e300;
    bool empty() const { return !(max_x > min_x && max_y > min_y); }
    void include(double x, double y);
    void include(const WorldBounds& other);
};

// Screen pixels have their origin at the top left, y down (as windows and ImGui have them).
class Camera {
public:
    Camera() = default;
    Camera(XY centre, double metres_per_pixel, int width_px, int height_px);

    XY centre() const { return m_centre; }
    double metres_per_pixel() const { return m_mpp; }
    int width() const { return m_width; }
    int height() const { return m_height; }
    void resize(int width_px, int height_px);

    XY world_to_screen(XY world) const;
    XY screen_to_world(XY screen) const;
    WorldBounds visible() const;

    // Drags the map by a mouse movement: the world point under the cursor stays under it.
    void pan_pixels(double dx, double dy);
    // Zooms by `factor` (> 1 zooms in) keeping the world point under `screen` fixed.
    void zoom_about(XY screen, double factor);
    // Shows all of `bounds` with `margin_px` around it.
    void fit(const WorldBounds& bounds, double margin_px);
    // Shows all of `bounds` in the screen less these margins (room for a legend or title).
    struct Margins {
        double left = 0, top = 0, right = 0, bottom = 0;
    };
    void fit(const WorldBounds& bounds, const Margins& margins);

    // What a vertex shader needs for a layer whose vertices are stored relative to `origin`:
    // ndc = (vertex + offset) * scale, with offset = origin - centre (in metres, as floats) and
    // scale = 2 / (size in pixels * metres per pixel).
    struct GpuTransform {
        std::array<float, 2> offset;
        std::array<float, 2> scale;
    };
    GpuTransform gpu_transform(XY origin) const;

private:
    XY m_centre{};
    double m_mpp = 1;
    int m_width = 1, m_height = 1;
};

} // namespace safermap::render
