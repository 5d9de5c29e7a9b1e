#version 330 core
// Continuous values through a colour ramp between u_range.x and u_range.y (values at or below
// u_range.x are transparent), or integer classes (Gi* bins -3..3, emerging categories -8..8)
// through a palette of u_bin_count texels, class c at texel c + u_bin_offset.
in vec2 v_texcoord;
uniform sampler2D u_values; // R32F
uniform sampler2D u_ramp;   // RGBA8 lookup, 256 x 1 (or 7 x 1 for bins)
uniform vec2 u_range;
uniform bool u_bins;
uniform float u_bin_offset;
uniform float u_bin_count;
uniform float u_opacity;
out vec4 o_colour;
void main() {
    float v = texture(u_values, v_texcoord).r;
    vec4 c;
    if (u_bins) {
        c = texture(u_ramp, vec2((v + u_bin_offset + 0.5) / u_bin_count, 0.5));
    } else {
        if (v <= u_range.x) discard;
        float t = clamp((v - u_range.x) / max(u_range.y - u_range.x, 1e-12), 0.0, 1.0);
        c = texture(u_ramp, vec2(t, 0.5));
    }
    if (c.a <= 0.0) discard;
    o_colour = vec4(c.rgb, c.a * u_opacity);
}
