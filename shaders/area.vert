#version 330 core
// Boundary fills and outlines, cluster hulls: positions relative to the layer origin.
layout(location = 0) in vec2 a_position;
layout(location = 1) in vec4 a_colour;
uniform vec2 u_offset; // layer origin - camera centre, metres
uniform vec2 u_scale;  // 2 / (viewport pixels * metres per pixel)
uniform vec4 u_colour;
uniform bool u_per_vertex;
out vec4 v_colour;
void main() {
    gl_Position = vec4((a_position + u_offset) * u_scale, 0.0, 1.0);
    v_colour = u_per_vertex ? vec4(a_colour.rgb, a_colour.a * u_colour.a) : u_colour;
}
