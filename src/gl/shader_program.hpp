// SPDX-License-Identifier: MIT
#pragma once
// GLSL programs loaded from shaders/ at run time, so they can be read and changed without a
// rebuild; a compile or link failure is an error naming the file and GL's log.

#include "gl/gl_api.hpp"

#include <string>
#include <unordered_map>

namespace safermap::gl {

// Where shaders live: $SAFERMAP_SHADER_DIR, else the source tree's shaders/ (this build), else
// ../share/safermap/shaders next to the executable. Throws IoError when none has them.
std::string find_shader_dir(const std::string& executable_path);

class ShaderProgram {
public:
    // Compiles dir/<vertex> and dir/<fragment> and links them. Throws Error naming the file.
    ShaderProgram(const std::string& dir, const std::string& vertex, const std::string& fragment);
    ~ShaderProgram();
    ShaderProgram(const ShaderProgram&) = delete;
    ShaderProgram& operator=(const ShaderProgram&) = delete;

    void use() const { glUseProgram(m_id); }
    GLint uniform(const char* name);

private:
    GLuint m_id = 0;
    std::unordered_map<std::string, GLint> m_uniforms;
};

} // namespace safermap::gl
