// SPDX-License-Identifier: MIT
#pragma once
// Owners of GL names (buffers, vertex arrays, textures, framebuffers), freed with their object.

#include "gl/gl_api.hpp"

#include <utility>

namespace safermap::gl {

template <void (*Delete)(GLsizei, const GLuint*)>
class Name {
public:
    Name() = default;
    explicit Name(GLuint id) : m_id(id) {}
    ~Name() { reset(); }
    Name(Name&& o) noexcept : m_id(std::exchange(o.m_id, 0)) {}
    Name& operator=(Name&& o) noexcept {
        if (this != &o) {
            reset();
            m_id = std::exchange(o.m_id, 0);
        }
        return *this;
    }
    Name(const Name&) = delete;
    Name& operator=(const Name&) = delete;
    GLuint id() const { return m_id; }
    explicit operator bool() const { return m_id != 0; }
    void reset() {
        if (m_id) Delete(1, &m_id);
        m_id = 0;
    }

private:
    GLuint m_id = 0;
};

using Buffer = Name<glDeleteBuffers>;
using VertexArray = Name<glDeleteVertexArrays>;
using Texture = Name<glDeleteTextures>;
using Framebuffer = Name<glDeleteFramebuffers>;
using Renderbuffer = Name<glDeleteRenderbuffers>;

Buffer make_buffer();
VertexArray make_vertex_array();
Texture make_texture();

// A float texture of values (R32F, nearest or linear), e.g. a KDE surface, row 0 at the bottom.
Texture upload_values(int width, int height, const float* values, bool linear);
// An RGBA8 texture, e.g. a colour ramp (height 1) or a basemap image.
Texture upload_rgba(int width, int height, const unsigned char* rgba, bool linear);

// An offscreen colour target of a given size, for screenshots of any size under Xvfb.
class OffscreenTarget {
public:
    OffscreenTarget(int width, int height); // throws Error when the framebuffer is incomplete
    void bind() const;
    // Reads the pixels back, top row first.
    void read_rgba(unsigned char* out) const;
    int width() const { return m_width; }
    int height() const { return m_height; }

private:
    int m_width, m_height;
    Framebuffer m_fbo;
    Renderbuffer m_colour;
    Renderbuffer m_depth;
};

} // namespace safermap::gl
