// SPDX-License-Identifier: MIT
#pragma once
// RGBA images to and from PNG files, through Cairo: screenshots, golden-image tests, and the
// comparison with a tolerance that those tests use.

#include <cstdint>
#include <string>
#include <vector>

namespace safermap::render {

struct RgbaImage {
    int width = 0, height = 0;
    std::vector<std::uint8_t> pixels; // row-major from the top, 4 bytes a pixel, not premultiplied
};

// Throws IoError naming the file.
void write_png(const std::string& path, const RgbaImage& image);
RgbaImage read_png(const std::string& path);

struct ImageDifference {
    bool same_size = false;
    std::int64_t pixels = 0;
    std::int64_t differing = 0;    // pixels with a channel differing by more than the tolerance
    int max_channel_difference = 0;
    double differing_share() const { return pixels ? static_cast<double>(differing) / static_cast<double>(pixels) : 1.0; }
};
ImageDifference compare_images(const RgbaImage& a, const RgbaImage& b, int channel_tolerance);

} // namespace safermap::render
