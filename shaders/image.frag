#version 330 core
// A basemap image (RGBA8), drawn under everything.
in vec2 v_texcoord;
uniform sampler2D u_image;
uniform float u_opacity;
out vec4 o_colour;
void main() {
    vec4 c = texture(u_image, v_texcoord);
    o_colour = vec4(c.rgb, c.a * u_opacity);
}
