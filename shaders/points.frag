#version 330 core
in vec4 v_colour;
out vec4 o_colour;
void main() {
    vec2 d = gl_PointCoord * 2.0 - 1.0;
    float r = dot(d, d);
    if (r > 1.0) discard;
    // A thin dark rim keeps points legible over any fill.
    vec3 rgb = r > 0.72 ? v_colour.rgb * 0.55 : v_colour.rgb;
    o_colour = vec4(rgb, v_colour.a);
}
