// SPDX-License-Identifier: MIT
// The Cairo back end of render::Canvas: PDF pages (vector, text as real text) and PNG images at
// a resolution in dpi. Text is DejaVu Sans through Cairo's font API, measured the same way for
// every back end (measure_text), so layouts agree between formats.
#include "render/canvas.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"

#include <cairo-pdf.h>
#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <fmt/format.h>

#include <cmath>

namespace safermap::render {

std::unique_ptr<PageDocument> open_svg_document(const std::string& path, double width_pt, double height_pt);

namespace {

constexpr const char* k_font_family = "DejaVu Sans";

void set_colour(cairo_t* cr, Rgba c) { cairo_set_source_rgba(cr, c.r / 255.0, c.g / 255.0, c.b / 255.0, c.a / 255.0); }

void set_font(cairo_t* cr, double size, bool bold) {
    cairo_select_font_face(cr, k_font_family, CAIRO_FONT_SLANT_NORMAL, bold ? CAIRO_FONT_WEIGHT_BOLD : CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, size);
}

void add_rings(cairo_t* cr, const std::vector<Ring>& rings) {
    for (const auto& r : rings) {
        if (r.empty()) continue;
        cairo_move_to(cr, r[0].x, r[0].y);
        for (std::size_t i = 1; i < r.size(); ++i) cairo_line_to(cr, r[i].x, r[i].y);
        cairo_close_path(cr);
    }
}

class CairoDocument final : public PageDocument {
public:
    CairoDocument(PageFormat format, std::string path, double width_pt, double height_pt, double dpi)
        : m_format(format), m_path(std::move(path)) {
        if (format == PageFormat::pdf) {
            m_surface = cairo_pdf_surface_create(m_path.c_str(), width_pt, height_pt);
        } else {
            const int w = static_cast<int>(std::lround(width_pt * dpi / 72)), h = static_cast<int>(std::lround(height_pt * dpi / 72));
            m_surface = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, w, h);
        }
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
            throw IoError(fmt::format("{}: cannot start the page ({})", m_path, cairo_status_to_string(cairo_surface_status(m_surface))));
        m_cr = cairo_create(m_surface);
        if (format == PageFormat::png) {
            cairo_scale(m_cr, dpi / 72, dpi / 72);
            cairo_set_source_rgb(m_cr, 1, 1, 1);
            cairo_paint(m_cr);
        }
        cairo_set_line_join(m_cr, CAIRO_LINE_JOIN_ROUND);
        cairo_set_line_cap(m_cr, CAIRO_LINE_CAP_ROUND);
    }
    ~CairoDocument() override {
        if (m_cr) cairo_destroy(m_cr);
        if (m_surface) cairo_surface_destroy(m_surface);
    }

    void push_clip(double x, double y, double w, double h) override {
        cairo_save(m_cr);
        cairo_rectangle(m_cr, x, y, w, h);
        cairo_clip(m_cr);
    }
    void pop_clip() override { cairo_restore(m_cr); }

    void polygon(const std::vector<Ring>& rings, std::optional<Rgba> fill, std::optional<Rgba> stroke, double width_pt,
                 const std::string&) override {
        add_rings(m_cr, rings);
        cairo_set_fill_rule(m_cr, CAIRO_FILL_RULE_EVEN_ODD);
        if (fill) {
            set_colour(m_cr, *fill);
            if (stroke) cairo_fill_preserve(m_cr);
            else cairo_fill(m_cr);
        }
        if (stroke) {
            set_colour(m_cr, *stroke);
            cairo_set_line_width(m_cr, width_pt);
            cairo_stroke(m_cr);
        }
        cairo_new_path(m_cr);
    }

    void polyline(const Ring& pts, Rgba stroke, double width_pt, const std::string&) override {
        if (pts.size() < 2) return;
        cairo_move_to(m_cr, pts[0].x, pts[0].y);
        for (std::size_t i = 1; i < pts.size(); ++i) cairo_line_to(m_cr, pts[i].x, pts[i].y);
        set_colour(m_cr, stroke);
        cairo_set_line_width(m_cr, width_pt);
        cairo_stroke(m_cr);
    }

    void point_marker(XY c, double r, Rgba fill) override {
        cairo_new_sub_path(m_cr);
        cairo_arc(m_cr, c.x, c.y, r, 0, 2 * M_PI);
        set_colour(m_cr, fill);
        cairo_fill(m_cr);
    }

    void text(XY at, const std::string& utf8, const TextStyle& st) override {
        set_font(m_cr, st.size_pt, st.bold);
        cairo_text_extents_t e;
        cairo_text_extents(m_cr, utf8.c_str(), &e);
        double x = at.x;
        if (st.align == TextAlign::centre) x -= e.x_advance / 2;
        else if (st.align == TextAlign::right) x -= e.x_advance;
        if (st.halo) {
            cairo_move_to(m_cr, x, at.y);
            cairo_text_path(m_cr, utf8.c_str());
            set_colour(m_cr, *st.halo);
            cairo_set_line_width(m_cr, std::max(1.5, st.size_pt * 0.22));
            cairo_stroke(m_cr);
        }
        cairo_move_to(m_cr, x, at.y);
        set_colour(m_cr, st.colour);
        cairo_show_text(m_cr, utf8.c_str());
        cairo_new_path(m_cr);
    }

    void image(const RgbaImage& img, double x, double y, double w, double h) override {
        if (img.width <= 0 || img.height <= 0) return;
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
        cairo_save(m_cr);
        cairo_translate(m_cr, x, y);
        cairo_scale(m_cr, w / img.width, h / img.height);
        cairo_set_source_surface(m_cr, s, 0, 0);
        // The image is already at the output resolution: no smoothing between its pixels.
        cairo_pattern_set_filter(cairo_get_source(m_cr), CAIRO_FILTER_NEAREST);
        cairo_paint(m_cr);
        cairo_restore(m_cr);
        cairo_surface_destroy(s);
    }

    void next_page() override {
        if (m_format == PageFormat::pdf) cairo_show_page(m_cr);
    }

    void finish() override {
        if (m_format == PageFormat::png) {
            cairo_surface_flush(m_surface);
            if (cairo_surface_write_to_png(m_surface, m_path.c_str()) != CAIRO_STATUS_SUCCESS)
                throw IoError(fmt::format("{}: cannot write PNG", m_path));
        } else {
            cairo_destroy(m_cr);
            m_cr = nullptr;
            cairo_surface_finish(m_surface);
        }
        if (cairo_surface_status(m_surface) != CAIRO_STATUS_SUCCESS)
            throw IoError(fmt::format("{}: cannot write ({})", m_path, cairo_status_to_string(cairo_surface_status(m_surface))));
    }

private:
    PageFormat m_format;
    std::string m_path;
    cairo_surface_t* m_surface = nullptr;
    cairo_t* m_cr = nullptr;
};

} // namespace

PageFormat page_format_of(const std::string& path) {
    const std::string ext = lower_extension(path);
    if (ext == ".pdf") return PageFormat::pdf;
    if (ext == ".svg") return PageFormat::svg;
    if (ext == ".png") return PageFormat::png;
    throw ConfigError(fmt::format("{}: give a .pdf, .svg or .png file (the format follows the extension)", path));
}

std::unique_ptr<PageDocument> open_page_document(PageFormat format, const std::string& path, double width_pt, double height_pt,
                                                 double dpi) {
    if (format == PageFormat::svg) return open_svg_document(path, width_pt, height_pt);
    return std::make_unique<CairoDocument>(format, path, width_pt, height_pt, dpi);
}

namespace {

// One scratch context for every measurement (Cairo's font cache makes it cheap). Cairo and
// fontconfig keep process-wide font caches that are never freed; they are released at exit,
// after the last page is written, so that leak checkers (LeakSanitizer in the tests) find
// nothing left. Only valid once no other Cairo object is alive, as at exit.
struct TextScratch {
    cairo_surface_t* surface = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
    cairo_t* cr = cairo_create(surface);
    TextScratch() = default;
    TextScratch(const TextScratch&) = delete;
    TextScratch& operator=(const TextScratch&) = delete;
    ~TextScratch() {
        cairo_destroy(cr);
        cairo_surface_destroy(surface);
        cairo_debug_reset_static_data();
        FcFini();
    }
};

} // namespace

TextExtent measure_text(const std::string& utf8, double size_pt, bool bold) {
    static TextScratch scratch;
    cairo_t* cr = scratch.cr;
    set_font(cr, size_pt, bold);
    cairo_text_extents_t e;
    cairo_text_extents(cr, utf8.c_str(), &e);
    cairo_font_extents_t f;
    cairo_font_extents(cr, &f);
    return {e.x_advance, f.ascent, f.descent};
}

Ring circle_ring(XY c, double r, int segments) {
    Ring ring;
    for (int i = 0; i < segments; ++i) {
        const double a = 2 * M_PI * i / segments;
        ring.push_back({c.x + r * std::cos(a), c.y + r * std::sin(a)});
    }
    return ring;
}

} // namespace safermap::render
