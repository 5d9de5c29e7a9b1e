// SPDX-License-Identifier: MIT
#pragma once
// Draws a MapScene with OpenGL 3.3: area fills and outlines from GPU buffers built once,
// incidents as point sprites filtered in the shader, grid results as a texture through a
// colour ramp, cluster hulls, and an optional basemap image.

#include "gl/gl_objects.hpp"
#include "gl/shader_program.hpp"
#include "render/camera.hpp"
#include "render/color_ramp.hpp"
#include "scene/map_scene.hpp"
#include "scene/scene_analysis.hpp"

#include <array>
#include <memory>
#include <vector>

namespace safermap::gl {

struct PointStyle {
    float size_px = 4;
    float opacity = 0.85f;
    bool by_month = false;
    std::int32_t from_month = -1, to_month = -1; // -1: open
    std::vector<bool> categories;                // empty: all
    std::int32_t ward = -1;                      // only incidents in this ward; -1 all
};

struct RasterStyle {
    render::Ramp ramp = render::Ramp::ylorrd;
    float opacity = 0.75f;
    double low = 0, high = 1; // value range mapped onto the ramp (KDE)
};

class MapRenderer {
public:
    explicit MapRenderer(const std::string& shader_dir);
    ~MapRenderer();

    void upload(const scene::MapScene& scene);
    // Colours each polygon of area layer `layer` (Gi* bins, choropleths); empty: one colour.
    void set_area_colours(std::size_t layer, const std::vector<render::Rgba>& per_polygon);

    void set_density(const scene::DensityResult& density);
    void set_grid_bins(const scene::GridHotspots& bins);
    // Integer classes per cell (emerging categories), class c coloured palette[c + offset].
    void set_grid_classes(const analysis::Surface& classes, const std::vector<render::Rgba>& palette, int offset);
    void clear_raster();
    bool has_raster() const { return m_raster_kind != RasterKind::none; }
    bool raster_is_bins() const { return m_raster_kind == RasterKind::bins; }

    void set_clusters(const scene::ClusterResult& clusters);
    void clear_clusters();
    bool has_clusters() const { return m_clusters_fill.count > 0; }

    // An RGBA image covering `bounds` (a basemap), drawn first.
    void set_basemap(int width, int height, const std::vector<unsigned char>& rgba, const render::WorldBounds& bounds);
    // Lines of a vector basemap (roads), drawn grey under everything.
    void set_basemap_lines(const render::Mesh& lines);
    bool has_basemap() const { return static_cast<bool>(m_basemap) || m_basemap_lines.count > 0; }

    void begin_frame(int width, int height, render::Rgba background);
    void draw_basemap(const render::Camera& cam, float opacity);
    void draw_area_fill(std::size_t layer, const render::Camera& cam, render::Rgba colour, float opacity, bool per_polygon);
    void draw_area_outline(std::size_t layer, const render::Camera& cam, render::Rgba colour);
    void draw_points(const render::Camera& cam, const PointStyle& style);
    void draw_raster(const render::Camera& cam, const RasterStyle& style);
    void draw_clusters(const render::Camera& cam, render::Rgba fill, render::Rgba outline);

private:
    struct MeshBuffers {
        VertexArray vao;
        Buffer positions, colours, indices;
        GLsizei count = 0;
        XY origin;
        std::vector<std::uint32_t> owner; // per triangle
    };
    enum class RasterKind { none, values, bins };

    MeshBuffers upload_mesh(const render::Mesh& mesh);
    void draw_mesh(const MeshBuffers& m, GLenum mode, const render::Camera& cam, render::Rgba colour, float opacity,
                   bool per_vertex);
    void set_camera(ShaderProgram& p, const render::Camera& cam, XY origin);

    std::unique_ptr<ShaderProgram> m_area, m_points, m_raster, m_image;
    std::vector<MeshBuffers> m_fills, m_outlines;
    VertexArray m_point_vao;
    Buffer m_point_positions, m_point_attributes;
    GLsizei m_point_count = 0;
    XY m_point_origin;
    std::array<float, 32 * 4> m_palette{};
    std::vector<std::string> m_categories;

    RasterKind m_raster_kind = RasterKind::none;
    Texture m_raster_values;
    VertexArray m_raster_vao;
    Buffer m_raster_quad;
    XY m_raster_origin;
    std::array<Texture, 4> m_ramps; // one per render::Ramp
    Texture m_bins_palette;
    int m_bin_offset = 3, m_bin_count = 7;

    MeshBuffers m_clusters_fill, m_clusters_lines, m_clusters_ellipses;

    Texture m_basemap;
    MeshBuffers m_basemap_lines;
    VertexArray m_basemap_vao;
    Buffer m_basemap_quad;
    XY m_basemap_origin;
};

} // namespace safermap::gl
