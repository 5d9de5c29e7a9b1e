// SPDX-License-Identifier: MIT
#include "gl/map_renderer.hpp"

#include <algorithm>

namespace safermap::gl {

namespace {

constexpr render::Ramp k_ramps[] = {render::Ramp::ylorrd, render::Ramp::viridis, render::Ramp::blues, render::Ramp::purples};

std::size_t ramp_slot(render::Ramp r) {
    for (std::size_t i = 0; i < 4; ++i)
        if (k_ramps[i] == r) return i;
    return 0;
}

void set_colour(GLint loc, render::Rgba c, float opacity) {
    glUniform4f(loc, c.r / 255.f, c.g / 255.f, c.b / 255.f, c.a / 255.f * opacity);
}

// A quad covering [x0, x1] x [y0, y1] relative to `origin`, with texture coordinates.
void upload_quad(VertexArray& vao, Buffer& buffer, XY origin, double x0, double y0, double x1, double y1, bool flip_v) {
    const float a = static_cast<float>(x0 - origin.x), b = static_cast<float>(y0 - origin.y), c = static_cast<float>(x1 - origin.x),
                d = static_cast<float>(y1 - origin.y);
    const float v0 = flip_v ? 1.f : 0.f, v1 = flip_v ? 0.f : 1.f;
    const float quad[] = {a, b, 0, v0, c, b, 1, v0, c, d, 1, v1, a, b, 0, v0, c, d, 1, v1, a, d, 0, v1};
    vao = make_vertex_array();
    buffer = make_buffer();
    glBindVertexArray(vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, buffer.id());
    glBufferData(GL_ARRAY_BUFFER, sizeof(quad), quad, GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), nullptr);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 2, GL_FLOAT, GL_FALSE, 4 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
}

} // namespace

MapRenderer::MapRenderer(const std::string& dir)
    : m_area(std::make_unique<ShaderProgram>(dir, "area.vert", "area.frag")),
      m_points(std::make_unique<ShaderProgram>(dir, "points.vert", "points.frag")),
      m_raster(std::make_unique<ShaderProgram>(dir, "raster.vert", "raster.frag")),
      m_image(std::make_unique<ShaderProgram>(dir, "raster.vert", "image.frag")) {
    for (std::size_t i = 0; i < 4; ++i) {
        auto tex = render::ramp_texture(k_ramps[i], 256);
        m_ramps[i] = upload_rgba(256, 1, tex.data(), true);
    }
}

MapRenderer::~MapRenderer() = default;

MapRenderer::MeshBuffers MapRenderer::upload_mesh(const render::Mesh& mesh) {
    MeshBuffers m;
    m.origin = mesh.origin;
    m.owner = mesh.owner;
    m.vao = make_vertex_array();
    m.positions = make_buffer();
    m.colours = make_buffer();
    m.indices = make_buffer();
    glBindVertexArray(m.vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m.positions.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.xy.size() * sizeof(float)), mesh.xy.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    glBindBuffer(GL_ARRAY_BUFFER, m.colours.id());
    std::vector<unsigned char> white(mesh.xy.size() * 2, 255);
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(white.size()), white.data(), GL_DYNAMIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 4, GL_UNSIGNED_BYTE, GL_TRUE, 0, nullptr);
    glBindBuffer(GL_ELEMENT_ARRAY_BUFFER, m.indices.id());
    glBufferData(GL_ELEMENT_ARRAY_BUFFER, static_cast<GLsizeiptr>(mesh.indices.size() * sizeof(std::uint32_t)), mesh.indices.data(),
                 GL_STATIC_DRAW);
    m.count = static_cast<GLsizei>(mesh.indices.size());
    glBindVertexArray(0);
    return m;
}

void MapRenderer::upload(const scene::MapScene& scene) {
    m_fills.clear();
    m_outlines.clear();
    for (const auto& a : scene.areas) {
        m_fills.push_back(upload_mesh(a.fill));
        m_outlines.push_back(upload_mesh(a.lines));
    }
    const auto& inc = scene.incidents;
    m_point_origin = inc.origin;
    m_point_count = static_cast<GLsizei>(inc.draw_category.size());
    m_point_vao = make_vertex_array();
    m_point_positions = make_buffer();
    m_point_attributes = make_buffer();
    glBindVertexArray(m_point_vao.id());
    glBindBuffer(GL_ARRAY_BUFFER, m_point_positions.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(inc.draw_xy.size() * sizeof(float)), inc.draw_xy.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(0);
    glVertexAttribPointer(0, 2, GL_FLOAT, GL_FALSE, 0, nullptr);
    std::vector<float> attrs(inc.draw_category.size() * 3);
    for (std::size_t i = 0; i < inc.draw_category.size(); ++i) {
        attrs[3 * i] = static_cast<float>(inc.draw_category[i]);
        attrs[3 * i + 1] = static_cast<float>(inc.draw_month[i]);
        attrs[3 * i + 2] = static_cast<float>(inc.draw_ward[i]);
    }
    glBindBuffer(GL_ARRAY_BUFFER, m_point_attributes.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(attrs.size() * sizeof(float)), attrs.data(), GL_STATIC_DRAW);
    glEnableVertexAttribArray(1);
    glVertexAttribPointer(1, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), nullptr);
    glEnableVertexAttribArray(2);
    glVertexAttribPointer(2, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), reinterpret_cast<void*>(sizeof(float)));
    glEnableVertexAttribArray(3);
    glVertexAttribPointer(3, 1, GL_FLOAT, GL_FALSE, 3 * sizeof(float), reinterpret_cast<void*>(2 * sizeof(float)));
    glBindVertexArray(0);
    m_categories = inc.categories;
    for (std::size_t i = 0; i < 32; ++i) {
        const render::Rgba c = render::category_colour(i);
        m_palette[i * 4] = c.r / 255.f;
        m_palette[i * 4 + 1] = c.g / 255.f;
        m_palette[i * 4 + 2] = c.b / 255.f;
        m_palette[i * 4 + 3] = 1.f;
    }
}

void MapRenderer::set_area_colours(std::size_t layer, const std::vector<render::Rgba>& per_polygon) {
    if (layer >= m_fills.size()) return;
    MeshBuffers& m = m_fills[layer];
    std::vector<unsigned char> colours(static_cast<std::size_t>(m.count) * 4, 255);
    for (std::size_t t = 0; t < m.owner.size(); ++t) {
        const render::Rgba c = m.owner[t] < per_polygon.size() ? per_polygon[m.owner[t]] : render::Rgba{255, 255, 255, 0};
        for (std::size_t k = 0; k < 3; ++k) {
            const std::size_t v = (3 * t + k) * 4;
            colours[v] = c.r;
            colours[v + 1] = c.g;
            colours[v + 2] = c.b;
            colours[v + 3] = c.a;
        }
    }
    glBindBuffer(GL_ARRAY_BUFFER, m.colours.id());
    glBufferData(GL_ARRAY_BUFFER, static_cast<GLsizeiptr>(colours.size()), colours.data(), GL_DYNAMIC_DRAW);
}

void MapRenderer::set_density(const scene::DensityResult& d) {
    const auto& g = d.surface.grid;
    std::vector<float> v(d.surface.values.begin(), d.surface.values.end());
    m_raster_values = upload_values(g.nx, g.ny, v.data(), true);
    m_raster_origin = XY{g.min_x, g.min_y};
    upload_quad(m_raster_vao, m_raster_quad, m_raster_origin, g.min_x, g.min_y, g.max_x(), g.max_y(), false);
    m_raster_kind = RasterKind::values;
}

void MapRenderer::set_grid_bins(const scene::GridHotspots& h) {
    std::vector<render::Rgba> palette;
    for (int b = -3; b <= 3; ++b) palette.push_back(render::gi_bin_colour(b));
    set_grid_classes(h.bins, palette, 3);
}

void MapRenderer::set_grid_classes(const analysis::Surface& classes, const std::vector<render::Rgba>& palette, int offset) {
    const auto& g = classes.grid;
    std::vector<float> v(classes.values.begin(), classes.values.end());
    m_raster_values = upload_values(g.nx, g.ny, v.data(), false);
    m_raster_origin = XY{g.min_x, g.min_y};
    upload_quad(m_raster_vao, m_raster_quad, m_raster_origin, g.min_x, g.min_y, g.max_x(), g.max_y(), false);
    std::vector<unsigned char> texels;
    for (const auto& c : palette) texels.insert(texels.end(), {c.r, c.g, c.b, c.a});
    m_bins_palette = upload_rgba(static_cast<int>(palette.size()), 1, texels.data(), false);
    m_bin_offset = offset;
    m_bin_count = static_cast<int>(palette.size());
    m_raster_kind = RasterKind::bins;
}

void MapRenderer::clear_raster() {
    m_raster_kind = RasterKind::none;
    m_raster_values.reset();
}

void MapRenderer::set_clusters(const scene::ClusterResult& c) {
    m_clusters_fill = upload_mesh(c.fill);
    m_clusters_lines = upload_mesh(c.lines);
    m_clusters_ellipses = upload_mesh(c.ellipses);
}

void MapRenderer::clear_clusters() {
    m_clusters_fill = MeshBuffers{};
    m_clusters_lines = MeshBuffers{};
    m_clusters_ellipses = MeshBuffers{};
}

void MapRenderer::set_basemap(int width, int height, const std::vector<unsigned char>& rgba, const render::WorldBounds& b) {
    m_basemap = upload_rgba(width, height, rgba.data(), true);
    m_basemap_origin = XY{b.min_x, b.min_y};
    // Image rows run from the top (north): flip v so row 0 lands at max_y.
    upload_quad(m_basemap_vao, m_basemap_quad, m_basemap_origin, b.min_x, b.min_y, b.max_x, b.max_y, true);
}

void MapRenderer::set_basemap_lines(const render::Mesh& lines) { m_basemap_lines = upload_mesh(lines); }

void MapRenderer::begin_frame(int width, int height, render::Rgba bg) {
    glViewport(0, 0, width, height);
    glClearColor(bg.r / 255.f, bg.g / 255.f, bg.b / 255.f, 1.f);
    glClear(GL_COLOR_BUFFER_BIT | GL_DEPTH_BUFFER_BIT);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_CULL_FACE);
    glEnable(GL_BLEND);
    glBlendFuncSeparate(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA, GL_ONE, GL_ONE_MINUS_SRC_ALPHA);
    glEnable(GL_PROGRAM_POINT_SIZE);
}

void MapRenderer::set_camera(ShaderProgram& p, const render::Camera& cam, XY origin) {
    const auto t = cam.gpu_transform(origin);
    glUniform2f(p.uniform("u_offset"), t.offset[0], t.offset[1]);
    glUniform2f(p.uniform("u_scale"), t.scale[0], t.scale[1]);
}

void MapRenderer::draw_mesh(const MeshBuffers& m, GLenum mode, const render::Camera& cam, render::Rgba colour, float opacity,
                            bool per_vertex) {
    if (m.count == 0) return;
    m_area->use();
    set_camera(*m_area, cam, m.origin);
    set_colour(m_area->uniform("u_colour"), colour, opacity);
    glUniform1i(m_area->uniform("u_per_vertex"), per_vertex ? 1 : 0);
    glBindVertexArray(m.vao.id());
    glDrawElements(mode, m.count, GL_UNSIGNED_INT, nullptr);
    glBindVertexArray(0);
}

void MapRenderer::draw_basemap(const render::Camera& cam, float opacity) {
    draw_mesh(m_basemap_lines, GL_LINES, cam, render::Rgba{160, 160, 160, 255}, opacity, false);
    if (!m_basemap) return;
    m_image->use();
    set_camera(*m_image, cam, m_basemap_origin);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_basemap.id());
    glUniform1i(m_image->uniform("u_image"), 0);
    glUniform1f(m_image->uniform("u_opacity"), opacity);
    glBindVertexArray(m_basemap_vao.id());
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
}

void MapRenderer::draw_area_fill(std::size_t layer, const render::Camera& cam, render::Rgba colour, float opacity, bool per_polygon) {
    if (layer < m_fills.size()) draw_mesh(m_fills[layer], GL_TRIANGLES, cam, colour, opacity, per_polygon);
}

void MapRenderer::draw_area_outline(std::size_t layer, const render::Camera& cam, render::Rgba colour) {
    if (layer < m_outlines.size()) draw_mesh(m_outlines[layer], GL_LINES, cam, colour, 1.f, false);
}

void MapRenderer::draw_points(const render::Camera& cam, const PointStyle& s) {
    if (m_point_count == 0) return;
    m_points->use();
    set_camera(*m_points, cam, m_point_origin);
    glUniform1f(m_points->uniform("u_size_px"), s.size_px);
    glUniform1f(m_points->uniform("u_opacity"), s.opacity);
    glUniform2f(m_points->uniform("u_months"), s.from_month < 0 ? -1e9f : static_cast<float>(s.from_month),
                s.to_month < 0 ? 1e9f : static_cast<float>(s.to_month));
    float enabled[32];
    for (std::size_t i = 0; i < 32; ++i) enabled[i] = s.categories.empty() || (i < s.categories.size() && s.categories[i]) ? 1.f : 0.f;
    glUniform1fv(m_points->uniform("u_enabled"), 32, enabled);
    glUniform4fv(m_points->uniform("u_palette"), 32, m_palette.data());
    glUniform1i(m_points->uniform("u_by_month"), s.by_month ? 1 : 0);
    glUniform1f(m_points->uniform("u_ward"), static_cast<float>(s.ward));
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_ramps[ramp_slot(render::Ramp::viridis)].id());
    glUniform1i(m_points->uniform("u_ramp"), 0);
    glBindVertexArray(m_point_vao.id());
    glDrawArrays(GL_POINTS, 0, m_point_count);
    glBindVertexArray(0);
}

void MapRenderer::draw_raster(const render::Camera& cam, const RasterStyle& s) {
    if (m_raster_kind == RasterKind::none) return;
    m_raster->use();
    set_camera(*m_raster, cam, m_raster_origin);
    glActiveTexture(GL_TEXTURE0);
    glBindTexture(GL_TEXTURE_2D, m_raster_values.id());
    glUniform1i(m_raster->uniform("u_values"), 0);
    glActiveTexture(GL_TEXTURE1);
    const bool bins = m_raster_kind == RasterKind::bins;
    glBindTexture(GL_TEXTURE_2D, bins ? m_bins_palette.id() : m_ramps[ramp_slot(s.ramp)].id());
    glUniform1i(m_raster->uniform("u_ramp"), 1);
    glUniform1i(m_raster->uniform("u_bins"), bins ? 1 : 0);
    glUniform1f(m_raster->uniform("u_bin_offset"), static_cast<float>(m_bin_offset));
    glUniform1f(m_raster->uniform("u_bin_count"), static_cast<float>(m_bin_count));
    glUniform2f(m_raster->uniform("u_range"), static_cast<float>(s.low), static_cast<float>(s.high));
    glUniform1f(m_raster->uniform("u_opacity"), s.opacity);
    glBindVertexArray(m_raster_vao.id());
    glDrawArrays(GL_TRIANGLES, 0, 6);
    glBindVertexArray(0);
    glActiveTexture(GL_TEXTURE0);
}

void MapRenderer::draw_clusters(const render::Camera& cam, render::Rgba fill, render::Rgba outline) {
    draw_mesh(m_clusters_fill, GL_TRIANGLES, cam, fill, 1.f, false);
    draw_mesh(m_clusters_lines, GL_LINES, cam, outline, 1.f, false);
    draw_mesh(m_clusters_ellipses, GL_LINES, cam, render::Rgba{90, 40, 0, 255}, 1.f, false);
}

} // namespace safermap::gl
