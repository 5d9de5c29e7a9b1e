// SPDX-License-Identifier: MIT
// The SVG back end of render::Canvas, written as text so that every label is a real <text>
// element (selectable, searchable, and checkable by tests), shapes are <path>s, incident points
// are the only <circle>s, and raster surfaces are embedded PNG <image>s.
#include "render/canvas.hpp"

#include "core/error.hpp"

#include <cairo.h>
#include <fmt/format.h>

#include <cstdio>

namespace safermap::render {

namespace {

std::string escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"': out += "&quot;"; break;
        default: out += c;
        }
    }
    return out;
}

std::string colour(Rgba c) { return fmt::format("#{:02x}{:02x}{:02x}", c.r, c.g, c.b); }
std::string opacity(Rgba c) { return c.a == 255 ? std::string() : fmt::format(" opacity=\"{:.3f}\"", c.a / 255.0); }

std::string path_data(const std::vector<Ring>& rings, bool closed) {
    std::string d;
    for (const auto& r : rings) {
        if (r.empty()) continue;
        d += fmt::format("M{:.2f} {:.2f}", r[0].x, r[0].y);
        for (std::size_t i = 1; i < r.size(); ++i) d += fmt::format("L{:.2f} {:.2f}", r[i].x, r[i].y);
        if (closed) d += 'Z';
    }
    return d;
}

std::string base64(const std::string& bytes) {
    static const char* table = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    std::string out;
    std::size_t i = 0;
    for (; i + 2 < bytes.size(); i += 3) {
        const unsigned v = static_cast<unsigned char>(bytes[i]) << 16 | static_cast<unsigned char>(bytes[i + 1]) << 8 |
                           static_cast<unsigned char>(bytes[i + 2]);
        out += table[v >> 18 & 63];
        out += table[v >> 12 & 63];
        out += table[v >> 6 & 63];
        out += table[v & 63];
    }
    if (i < bytes.size()) {
        unsigned v = static_cast<unsigned char>(bytes[i]) << 16;
        if (i + 1 < bytes.size()) v |= static_cast<unsigned char>(bytes[i + 1]) << 8;
        out += table[v >> 18 & 63];
        out += table[v >> 12 & 63];
        out += i + 1 < bytes.size() ? table[v >> 6 & 63] : '=';
        out += '=';
    }
    return out;
}

cairo_status_t append_bytes(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string png_bytes(const RgbaImage& img) {
    cairo_surface_t* s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, img.width, img.height);
    cairo_surface_flush(s);
    unsigned char* data = cairo_image_surface_get_data(s);
    const int stride = cairo_image_surface_get_stride(s);
    for (int j = 0; j < img.height; ++j) {
        auto* row = reinterpret_cast<std::uint32_t*>(data + static_cast<std::ptrdiff_t>(j) * stride);
        for (int i = 0; i < img.width; ++i) {
            const std::uint8_t* p = &img.pixels[(static_cast<std::size_t>(j) * static_cast<std::size_t>(img.width) + static_cast<std::size_t>(i)) * 4];
            const std::uint32_t a = p[3];
            row[i] = a << 24 | (p[0] * a / 255) << 16 | (p[1] * a / 255) << 8 | (p[2] * a / 255);
        }
    }
    cairo_surface_mark_dirty(s);
    std::string bytes;
    cairo_surface_write_to_png_stream(s, append_bytes, &bytes);
    cairo_surface_destroy(s);
    return bytes;
}

class SvgDocument final : public PageDocument {
public:
    SvgDocument(std::string path, double width_pt, double height_pt) : m_path(std::move(path)) {
        m_out = fmt::format("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{0:g}pt\" height=\"{1:g}pt\" viewBox=\"0 0 {0:g} {1:g}\" "
                            "font-family=\"DejaVu Sans, sans-serif\">\n<rect width=\"{0:g}\" height=\"{1:g}\" fill=\"#ffffff\"/>\n",
                            width_pt, height_pt);
    }

    void push_clip(double x, double y, double w, double h) override {
        const int id = ++m_clips;
        m_out += fmt::format("<clipPath id=\"clip{}\"><rect x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\"/></clipPath>\n"
                             "<g clip-path=\"url(#clip{})\">\n",
                             id, x, y, w, h, id);
    }
    void pop_clip() override { m_out += "</g>\n"; }

    void polygon(const std::vector<Ring>& rings, std::optional<Rgba> fill, std::optional<Rgba> stroke, double width_pt,
                 const std::string& group) override {
        const std::string d = path_data(rings, true);
        if (d.empty()) return;
        std::string attrs;
        if (fill) attrs += fmt::format(" fill=\"{}\" fill-rule=\"evenodd\"{}", colour(*fill),
                                       fill->a == 255 ? "" : fmt::format(" fill-opacity=\"{:.3f}\"", fill->a / 255.0));
        else attrs += " fill=\"none\"";
        if (stroke) attrs += fmt::format(" stroke=\"{}\" stroke-width=\"{:.2f}\" stroke-linejoin=\"round\"{}", colour(*stroke), width_pt,
                                         stroke->a == 255 ? "" : fmt::format(" stroke-opacity=\"{:.3f}\"", stroke->a / 255.0));
        m_out += fmt::format("<path class=\"{}\" d=\"{}\"{}/>\n", escape(group), d, attrs);
    }

    void polyline(const Ring& pts, Rgba stroke, double width_pt, const std::string& group) override {
        if (pts.size() < 2) return;
        m_out += fmt::format("<path class=\"{}\" d=\"{}\" fill=\"none\" stroke=\"{}\" stroke-width=\"{:.2f}\" stroke-linecap=\"round\"{}/>\n",
                             escape(group), path_data({pts}, false), colour(stroke), width_pt, opacity(stroke));
    }

    void point_marker(XY c, double r, Rgba fill) override {
        m_out += fmt::format("<circle class=\"incident\" cx=\"{:.2f}\" cy=\"{:.2f}\" r=\"{:.2f}\" fill=\"{}\"{}/>\n", c.x, c.y, r,
                             colour(fill), opacity(fill));
    }

    void text(XY at, const std::string& utf8, const TextStyle& st) override {
        const char* anchor = st.align == TextAlign::centre ? "middle" : st.align == TextAlign::right ? "end" : "start";
        std::string attrs = fmt::format(" x=\"{:.2f}\" y=\"{:.2f}\" font-size=\"{:g}\" text-anchor=\"{}\" fill=\"{}\"{}", at.x, at.y,
                                        st.size_pt, anchor, colour(st.colour), st.bold ? " font-weight=\"bold\"" : "");
        if (st.halo)
            attrs += fmt::format(" stroke=\"{}\" stroke-width=\"{:.2f}\" stroke-linejoin=\"round\" paint-order=\"stroke\"", colour(*st.halo),
                                 std::max(1.5, st.size_pt * 0.22));
        m_out += fmt::format("<text{}>{}</text>\n", attrs, escape(utf8));
    }

    void image(const RgbaImage& img, double x, double y, double w, double h) override {
        if (img.width <= 0 || img.height <= 0) return;
        m_out += fmt::format("<image x=\"{:.2f}\" y=\"{:.2f}\" width=\"{:.2f}\" height=\"{:.2f}\" preserveAspectRatio=\"none\" "
                             "style=\"image-rendering:pixelated\" href=\"data:image/png;base64,{}\"/>\n",
                             x, y, w, h, base64(png_bytes(img)));
    }

    void next_page() override {}

    void finish() override {
        m_out += "</svg>\n";
        std::FILE* f = std::fopen(m_path.c_str(), "wb");
        if (!f) throw IoError(fmt::format("{}: cannot open for writing", m_path));
        const bool ok = std::fwrite(m_out.data(), 1, m_out.size(), f) == m_out.size();
        if (std::fclose(f) != 0 || !ok) throw IoError(fmt::format("{}: cannot write SVG", m_path));
    }

private:
    std::string m_path, m_out;
    int m_clips = 0;
};

} // namespace

std::unique_ptr<PageDocument> open_svg_document(const std::string& path, double width_pt, double height_pt) {
    return std::make_unique<SvgDocument>(path, width_pt, height_pt);
}

} // namespace safermap::render
