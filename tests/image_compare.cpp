// SPDX-License-Identifier: MIT
// safermap_image_compare GOLDEN ACTUAL TOLERANCE MAX_SHARE: exits 0 when the images have the
// same size and at most MAX_SHARE of the pixels differ by more than TOLERANCE in a channel.
#include "render/png_image.hpp"

#include <cstdio>
#include <cstdlib>
#include <exception>

int main(int argc, char** argv) {
    if (argc != 5) {
        std::fprintf(stderr, "usage: safermap_image_compare GOLDEN ACTUAL TOLERANCE MAX_SHARE\n");
        return 2;
    }
    try {
        const auto golden = safermap::render::read_png(argv[1]);
        const auto actual = safermap::render::read_png(argv[2]);
        const auto d = safermap::render::compare_images(golden, actual, std::atoi(argv[3]));
        if (!d.same_size) {
            std::fprintf(stderr, "size differs: golden %dx%d, actual %dx%d\n", golden.width, golden.height, actual.width, actual.height);
            return 1;
        }
        std::printf("%lld of %lld pixels differ by more than %s (%.3f%%); largest channel difference %d\n",
                    static_cast<long long>(d.differing), static_cast<long long>(d.pixels), argv[3], 100 * d.differing_share(),
                    d.max_channel_difference);
        return d.differing_share() <= std::atof(argv[4]) ? 0 : 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "%s\n", e.what());
        return 2;
    }
}
