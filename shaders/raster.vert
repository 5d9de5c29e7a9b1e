#version 330 core
// A grid result (KDE surface, Gi* bins) as one textured quad.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec2 a_texcoord;
uniform vec2 u_offset;
uniform vec2 u_scale;
out vec2 v_texcoord;
void main() {
    gl_Position = vec4((a_position + u_offset) * u_scale, 0.0, 1.0);
    v_texcoord = a_texcoord;
}
