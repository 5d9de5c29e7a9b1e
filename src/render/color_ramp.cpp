// SPDX-License-Identifier: MIT
#include "render/color_ramp.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>

namespace safermap::render {

namespace {

int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::vector<Rgba> from_hex(std::initializer_list<std::string_view> hexes) {
    std::vector<Rgba> out;
    for (auto h : hexes) out.push_back(hex_colour(h));
    return out;
}

} // namespace

Rgba hex_colour(std::string_view hex) {
    if (hex.size() != 7 || hex[0] != '#') return {};
    int v[6];
    for (int i = 0; i < 6; ++i) {
        v[i] = hex_digit(hex[static_cast<std::size_t>(i) + 1]);
        if (v[i] < 0) return {};
    }
    return Rgba{static_cast<std::uint8_t>(v[0] * 16 + v[1]), static_cast<std::uint8_t>(v[2] * 16 + v[3]),
                static_cast<std::uint8_t>(v[4] * 16 + v[5]), 255};
}

std::string_view to_string(Ramp ramp) {
    switch (ramp) {
    case Ramp::ylorrd: return "YlOrRd";
    case Ramp::viridis: return "viridis";
    case Ramp::blues: return "Blues";
    case Ramp::purples: return "Purples";
    }
    return "YlOrRd";
}

std::vector<std::string_view> ramp_names() { return {"YlOrRd", "viridis", "Blues", "Purples"}; }

Ramp parse_ramp(std::string_view name) {
    for (auto r : {Ramp::ylorrd, Ramp::viridis, Ramp::blues, Ramp::purples})
        if (to_string(r) == name) return r;
    throw ConfigError(fmt::format("unknown colour ramp '{}' (YlOrRd, viridis, Blues or Purples)", name));
}

const std::vector<Rgba>& ramp_stops(Ramp ramp) {
    // ColorBrewer 2.0 9-class sequential schemes (colorbrewer2.org), and viridis as R viridisLite::viridis(9) gives it.
    static const auto ylorrd = from_hex({"#ffffcc", "#ffeda0", "#fed976", "#feb24c", "#fd8d3c", "#fc4e2a", "#e31a1c", "#bd0026", "#800026"});
    static const auto blues = from_hex({"#f7fbff", "#deebf7", "#c6dbef", "#9ecae1", "#6baed6", "#4292c6", "#2171b5", "#08519c", "#08306b"});
    static const auto purples = from_hex({"#fcfbfd", "#efedf5", "#dadaeb", "#bcbddc", "#9e9ac8", "#807dba", "#6a51a3", "#54278f", "#3f007d"});
    static const auto viridis = from_hex({"#440154", "#472d7b", "#3b528b", "#2c728e", "#21908c", "#27ad81", "#5dc863", "#aadc32", "#fde725"});
    switch (ramp) {
    case Ramp::ylorrd: return ylorrd;
    case Ramp::viridis: return viridis;
    case Ramp::blues: return blues;
    case Ramp::purples: return purples;
    }
    return ylorrd;
}

Rgba sample_ramp(Ramp ramp, double t) {
    const auto& stops = ramp_stops(ramp);
    if (!(t > 0)) return stops.front();
    if (t >= 1) return stops.back();
    const double pos = t * static_cast<double>(stops.size() - 1);
    const auto i = static_cast<std::size_t>(std::floor(pos));
    const double f = pos - static_cast<double>(i);
    auto mix = [f](std::uint8_t a, std::uint8_t b) { return static_cast<std::uint8_t>(std::lround(a + (b - a) * f)); };
    const Rgba& a = stops[i];
    const Rgba& b = stops[i + 1];
    return Rgba{mix(a.r, b.r), mix(a.g, b.g), mix(a.b, b.b), 255};
}

std::vector<std::uint8_t> ramp_texture(Ramp ramp, int n) {
    std::vector<std::uint8_t> out;
    out.reserve(static_cast<std::size_t>(n) * 4);
    for (int i = 0; i < n; ++i) {
        const Rgba c = sample_ramp(ramp, n > 1 ? static_cast<double>(i) / (n - 1) : 0.0);
        out.insert(out.end(), {c.r, c.g, c.b, c.a});
    }
    return out;
}

Rgba gi_bin_colour(int bin) {
    // ArcGIS Pro's hot spot renderer: 99/95/90% cold spots, not significant, 90/95/99% hot.
    static const Rgba colours[] = {hex_colour("#4575b5"), hex_colour("#849eba"), hex_colour("#c0ccbe"), Rgba{0, 0, 0, 0},
                                   hex_colour("#fab984"), hex_colour("#ed7551"), hex_colour("#d62f27")};
    return colours[std::clamp(bin, -3, 3) + 3];
}

Rgba category_colour(std::size_t i) {
    // Okabe & Ito's eight colour-blind-safe colours (black replaced by grey), then four more
    // from ColorBrewer Dark2.
    static const auto palette = from_hex({"#e69f00", "#56b4e9", "#009e73", "#f0e442", "#0072b2", "#d55e00", "#cc79a7",
                                          "#7f7f7f", "#1b9e77", "#7570b3", "#e7298a", "#66a61e"});
    return palette[i % palette.size()];
}

} // namespace safermap::render
