// SPDX-License-Identifier: MIT
#include "render/png_image.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"

#include <cairo.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <memory>

namespace safermap::render {

namespace {

struct SurfaceDeleter {
    void operator()(cairo_surface_t* s) const { cairo_surface_destroy(s); }
};
using Surface = std::unique_ptr<cairo_surface_t, SurfaceDeleter>;

} // namespace

void write_png(const std::string& path, const RgbaImage& img) {
    Surface s(cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS) throw IoError(fmt::format("{}: cannot make a {}x{} image", path, img.width, img.height));
    cairo_surface_flush(s.get());
    unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < img.height; ++y) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint8_t* p = &img.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 4];
            // Cairo wants premultiplied alpha in a native-endian 32-bit word.
            const std::uint32_t a = p[3];
            const std::uint32_t r = p[0] * a / 255, g = p[1] * a / 255, b = p[2] * a / 255;
            row[x] = a << 24 | r << 16 | g << 8 | b;
        }
    }
    cairo_surface_mark_dirty(s.get());
    ReplacementFile file(path, "PNG"); // never half-written, never over a GeoPackage
    if (cairo_surface_write_to_png(s.get(), file.temp_path().c_str()) != CAIRO_STATUS_SUCCESS)
        throw IoError(fmt::format("{}: cannot write PNG", path));
    file.commit();
}

RgbaImage read_png(const std::string& path) {
    Surface s(cairo_image_surface_create_from_png(path.c_str()));
    if (cairo_surface_status(s.get()) != CAIRO_STATUS_SUCCESS)
        throw IoError(fmt::format("{}: cannot read PNG ({})", path, cairo_status_to_string(cairo_surface_status(s.get()))));
    RgbaImage img;
    img.width = cairo_image_surface_get_width(s.get());
    img.height = cairo_image_surface_get_height(s.get());
    img.pixels.resize(static_cast<std::size_t>(img.width) * static_cast<std::size_t>(img.height) * 4);
    const cairo_format_t format = cairo_image_surface_get_format(s.get());
    const unsigned char* data = cairo_image_surface_get_data(s.get());
    const int stride = cairo_image_surface_get_stride(s.get());
    for (int y = 0; y < img.height; ++y) {
        const auto* row = reinterpret_cast<const std::uint32_t*>(data + static_cast<std::ptrdiff_t>(y) * stride);
        for (int x = 0; x < img.width; ++x) {
            const std::uint32_t v = row[x];
            std::uint32_t a = format == CAIRO_FORMAT_ARGB32 ? v >> 24 : 255;
            std::uint8_t* p = &img.pixels[(static_cast<std::size_t>(y) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(x)) * 4];
            auto un = [a](std::uint32_t c) { return static_cast<std::uint8_t>(a ? std::min<std::uint32_t>(255, c * 255 / a) : 0); };
            p[0] = un(v >> 16 & 0xff);
            p[1] = un(v >> 8 & 0xff);
            p[2] = un(v & 0xff);
            p[3] = static_cast<std::uint8_t>(a);
        }
    }
    return img;
}

ImageDifference compare_images(const RgbaImage& a, const RgbaImage& b, int tol) {
    ImageDifference d;
    d.same_size = a.width == b.width && a.height == b.height;
    if (!d.same_size) return d;
    d.pixels = static_cast<std::int64_t>(a.width) * a.height;
    for (std::size_t i = 0; i < a.pixels.size(); i += 4) {
        int worst = 0;
        for (std::size_t c = 0; c < 4; ++c) worst = std::max(worst, std::abs(int(a.pixels[i + c]) - int(b.pixels[i + c])));
        d.max_channel_difference = std::max(d.max_channel_difference, worst);
        if (worst > tol) ++d.differing;
    }
    return d;
}

} // namespace safermap::render
