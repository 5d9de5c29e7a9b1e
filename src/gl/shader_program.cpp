// SPDX-License-Identifier: MIT
#include "gl/shader_program.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

namespace safermap::gl {

namespace {

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw IoError(fmt::format("{}: cannot read shader", path));
    std::stringstream s;
    s << in.rdbuf();
    return s.str();
}

// GL's log for a shader or a program (glGetShaderiv/glGetShaderInfoLog or the Program pair).
template <class GetIv, class GetLog>
std::string info_log(GLuint id, GetIv get_iv, GetLog get_log) {
    GLint n = 0;
    get_iv(id, GL_INFO_LOG_LENGTH, &n);
    std::vector<char> log(static_cast<std::size_t>(std::max(n, 1)), '\0');
    get_log(id, n, nullptr, log.data());
    return log.data();
}

GLuint compile(GLenum type, const std::string& path) {
    const std::string source = read_text(path);
    GLuint shader = glCreateShader(type);
    const char* text = source.c_str();
    glShaderSource(shader, 1, &text, nullptr);
    glCompileShader(shader);
    GLint ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(shader, glGetShaderiv, glGetShaderInfoLog);
        glDeleteShader(shader);
        throw Error(fmt::format("{}: shader does not compile:\n{}", path, log));
    }
    return shader;
}

} // namespace

std::string find_shader_dir(const std::string& executable_path) {
    std::vector<std::filesystem::path> tries;
    if (const char* env = std::getenv("SAFERMAP_SHADER_DIR")) tries.emplace_back(env);
#ifdef SAFERMAP_SOURCE_SHADER_DIR
    tries.emplace_back(SAFERMAP_SOURCE_SHADER_DIR);
#endif
    tries.push_back(std::filesystem::path(executable_path).parent_path() / ".." / "share" / "safermap" / "shaders");
    for (const auto& t : tries)
        if (std::filesystem::exists(t / "area.vert")) return t.string();
    std::string listed;
    for (const auto& t : tries) listed += "\n  " + t.string();
    throw IoError(fmt::format("no shaders found (looked in:{}); set SAFERMAP_SHADER_DIR to the shaders/ folder", listed));
}

ShaderProgram::ShaderProgram(const std::string& dir, const std::string& vertex, const std::string& fragment) {
    const std::string vpath = dir + "/" + vertex, fpath = dir + "/" + fragment;
    GLuint vs = compile(GL_VERTEX_SHADER, vpath);
    GLuint fs = 0;
    try {
        fs = compile(GL_FRAGMENT_SHADER, fpath);
    } catch (...) {
        glDeleteShader(vs);
        throw;
    }
    m_id = glCreateProgram();
    glAttachShader(m_id, vs);
    glAttachShader(m_id, fs);
    glLinkProgram(m_id);
    glDeleteShader(vs);
    glDeleteShader(fs);
    GLint ok = 0;
    glGetProgramiv(m_id, GL_LINK_STATUS, &ok);
    if (!ok) {
        const std::string log = info_log(m_id, glGetProgramiv, glGetProgramInfoLog);
        glDeleteProgram(m_id);
        m_id = 0;
        throw Error(fmt::format("{} + {}: shaders do not link:\n{}", vpath, fpath, log));
    }
}

ShaderProgram::~ShaderProgram() {
    if (m_id) glDeleteProgram(m_id);
}

GLint ShaderProgram::uniform(const char* name) {
    auto it = m_uniforms.find(name);
    if (it != m_uniforms.end()) return it->second;
    const GLint loc = glGetUniformLocation(m_id, name);
    m_uniforms.emplace(name, loc);
    return loc;
}

} // namespace safermap::gl
