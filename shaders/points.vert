#version 330 core
// Incidents as screen-sized point sprites, filtered by month and crime type on the GPU so a
// million points need no re-upload when the filter or the animation changes.
layout(location = 0) in vec2 a_position;
layout(location = 1) in float a_category;
layout(location = 2) in float a_month;
layout(location = 3) in float a_ward;
uniform vec2 u_offset;
uniform vec2 u_scale;
uniform float u_size_px;
uniform vec2 u_months;           // first and last month shown (months since year 0)
uniform float u_ward;            // only this ward's incidents; -1 all
uniform float u_enabled[32];     // 1 for crime types shown
uniform vec4 u_palette[32];      // colour per crime type
uniform bool u_by_month;         // colour by month instead of type
uniform sampler2D u_ramp;        // month ramp
uniform float u_opacity;
out vec4 v_colour;
void main() {
    int c = int(a_category);
    bool shown = a_month >= u_months.x && a_month <= u_months.y && u_enabled[min(c, 31)] > 0.5 &&
                 (u_ward < 0.0 || abs(a_ward - u_ward) < 0.5);
    gl_Position = shown ? vec4((a_position + u_offset) * u_scale, 0.0, 1.0) : vec4(2.0, 2.0, 2.0, 1.0);
    gl_PointSize = shown ? u_size_px : 0.0;
    float span = max(u_months.y - u_months.x, 1.0);
    vec4 colour = u_by_month ? texture(u_ramp, vec2((a_month - u_months.x) / span, 0.5)) : u_palette[min(c, 31)];
    v_colour = vec4(colour.rgb, colour.a * u_opacity);
}
