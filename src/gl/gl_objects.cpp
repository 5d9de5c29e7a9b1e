// SPDX-License-Identifier: MIT
#include "gl/gl_objects.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cstring>
#include <vector>

namespace safermap::gl {

namespace {

template <class T, void (*Gen)(GLsizei, GLuint*)>
T generate() {
    GLuint id = 0;
    Gen(1, &id);
    return T(id);
}

void set_filters(bool linear) {
    const GLint f = linear ? GL_LINEAR : GL_NEAREST;
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MIN_FILTER, f);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_MAG_FILTER, f);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_S, GL_CLAMP_TO_EDGE);
    glTexParameteri(GL_TEXTURE_2D, GL_TEXTURE_WRAP_T, GL_CLAMP_TO_EDGE);
}

} // namespace

Buffer make_buffer() { return generate<Buffer, glGenBuffers>(); }
VertexArray make_vertex_array() { return generate<VertexArray, glGenVertexArrays>(); }
Texture make_texture() { return generate<Texture, glGenTextures>(); }

Texture upload_values(int width, int height, const float* values, bool linear) {
    Texture t = make_texture();
    glBindTexture(GL_TEXTURE_2D, t.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 4);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_R32F, width, height, 0, GL_RED, GL_FLOAT, values);
    set_filters(linear);
    return t;
}

Texture upload_rgba(int width, int height, const unsigned char* rgba, bool linear) {
    Texture t = make_texture();
    glBindTexture(GL_TEXTURE_2D, t.id());
    glPixelStorei(GL_UNPACK_ALIGNMENT, 1);
    glTexImage2D(GL_TEXTURE_2D, 0, GL_RGBA8, width, height, 0, GL_RGBA, GL_UNSIGNED_BYTE, rgba);
    set_filters(linear);
    return t;
}

OffscreenTarget::OffscreenTarget(int width, int height) : m_width(width), m_height(height) {
    m_fbo = generate<Framebuffer, glGenFramebuffers>();
    m_colour = generate<Renderbuffer, glGenRenderbuffers>();
    m_depth = generate<Renderbuffer, glGenRenderbuffers>();
    glBindRenderbuffer(GL_RENDERBUFFER, m_colour.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_RGBA8, width, height);
    glBindRenderbuffer(GL_RENDERBUFFER, m_depth.id());
    glRenderbufferStorage(GL_RENDERBUFFER, GL_DEPTH24_STENCIL8, width, height);
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_COLOR_ATTACHMENT0, GL_RENDERBUFFER, m_colour.id());
    glFramebufferRenderbuffer(GL_FRAMEBUFFER, GL_DEPTH_STENCIL_ATTACHMENT, GL_RENDERBUFFER, m_depth.id());
    const GLenum status = glCheckFramebufferStatus(GL_FRAMEBUFFER);
    if (status != GL_FRAMEBUFFER_COMPLETE)
        throw Error(fmt::format("offscreen framebuffer {}x{} is incomplete (status 0x{:x})", width, height, status));
}

void OffscreenTarget::bind() const {
    glBindFramebuffer(GL_FRAMEBUFFER, m_fbo.id());
    glViewport(0, 0, m_width, m_height);
}

void OffscreenTarget::read_rgba(unsigned char* out) const {
    glBindFramebuffer(GL_READ_FRAMEBUFFER, m_fbo.id());
    glPixelStorei(GL_PACK_ALIGNMENT, 1);
    std::vector<unsigned char> flipped(static_cast<std::size_t>(m_width) * static_cast<std::size_t>(m_height) * 4);
    glReadPixels(0, 0, m_width, m_height, GL_RGBA, GL_UNSIGNED_BYTE, flipped.data());
    const std::size_t row = static_cast<std::size_t>(m_width) * 4;
    for (int y = 0; y < m_height; ++y)
        std::memcpy(out + static_cast<std::size_t>(y) * row, flipped.data() + static_cast<std::size_t>(m_height - 1 - y) * row, row);
}

} // namespace safermap::gl
