// SPDX-License-Identifier: MIT
#pragma once
// Colours for maps shown to analysts and meetings: ColorBrewer sequential ramps (Brewer 2003)
// for densities, ArcGIS-style diverging bins for Gi*, and a colour-blind-safe qualitative set
// (Okabe & Ito 2008) for crime types.

#include <array>
#include <cstdint>
#include <string_view>
#include <vector>

namespace safermap::render {

struct Rgba {
    std::uint8_t r = 0, g = 0, b = 0, a = 255;
    bool operator==(const Rgba&) const = default;
};

// "#fd8d3c" -> {253, 141, 60, 255}. Returns black for text that is not #rrggbb.
Rgba hex_colour(std::string_view hex);

enum class Ramp { ylorrd, viridis, blues, purples };
std::string_view to_string(Ramp ramp);
std::vector<std::string_view> ramp_names();
// Throws ConfigError naming the allowed ramps.
Ramp parse_ramp(std::string_view name);

// The ramp's published classes, light to dark (ColorBrewer's 9-class YlOrRd, Blues and Purples;
// viridis sampled at nine points).
const std::vector<Rgba>& ramp_stops(Ramp ramp);

// The colour at t in [0, 1] (clamped), interpolated linearly between the stops.
Rgba sample_ramp(Ramp ramp, double t);

// `n` RGBA texels sampling the ramp evenly, for a lookup texture in the raster shader.
std::vector<std::uint8_t> ramp_texture(Ramp ramp, int n);

// Gi* confidence bins -3..3: hot reds, cold blues, not significant (0) transparent.
Rgba gi_bin_colour(int bin);

// The i-th colour of the qualitative set (crime types); repeats after 12.
Rgba category_colour(std::size_t i);

} // namespace safermap::render
