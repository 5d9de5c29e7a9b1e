// SPDX-License-Identifier: MIT
#include "print/report_document.hpp"

#include "render/furniture_painter.hpp"
#include "render/map_style.hpp"

#include <fmt/format.h>

namespace safermap::print {

namespace {

using render::TextAlign;
using render::TextStyle;
namespace style = render::style;

constexpr double k_margin = 36;

} // namespace

ReportDocument::ReportDocument(const std::string& path, std::string title, std::string marking)
    : m_layout(render::map_page_layout(render::paper_size("A4", "landscape"))), m_title(std::move(title)), m_marking(std::move(marking)) {
    m_doc = render::open_page_document(render::PageFormat::pdf, path, m_layout.page.w, m_layout.page.h, 150);
    m_pages = 1;
    running_head();
}

render::Box ReportDocument::body() const {
    return {k_margin, 44, m_layout.page.w - 2 * k_margin, m_layout.page.h - 44 - 40};
}

void ReportDocument::running_head() {
    auto& c = *m_doc;
    if (!m_marking.empty()) {
        c.text({m_layout.page.w / 2, 16}, m_marking, TextStyle{9, true, style::ink, TextAlign::centre});
        c.text({m_layout.page.w / 2, m_layout.page.h - 12}, m_marking, TextStyle{9, true, style::ink, TextAlign::centre});
    }
    c.text({k_margin, 30}, m_title, TextStyle{8, false, style::attribution_ink, TextAlign::left});
    c.text({m_layout.page.w - k_margin, m_layout.page.h - 26}, fmt::format("Page {}", m_pages),
           TextStyle{8, false, style::attribution_ink, TextAlign::right});
    c.polyline({{k_margin, 35}, {m_layout.page.w - k_margin, 35}}, style::rule, 0.4, "rule");
    m_y = body().y;
}

void ReportDocument::new_page() {
    m_doc->next_page();
    ++m_pages;
    running_head();
}

void ReportDocument::need(double height) {
    if (m_y > body().y && room() < height) new_page();
}

void ReportDocument::heading(const std::string& text) {
    need(60);
    m_y += 20;
    m_doc->text({body().x, m_y}, text, TextStyle{16, true, style::ink});
    m_y += 12;
}

void ReportDocument::subheading(const std::string& text) {
    need(40);
    m_y += 14;
    m_doc->text({body().x, m_y}, text, TextStyle{11.5, true, style::ink});
    m_y += 6;
}

void ReportDocument::paragraph(const std::string& text, double size) {
    for (const auto& line : render::wrap_text(text, body().w, size, false)) {
        need(size * 1.4);
        m_y += size * 1.35;
        m_doc->text({body().x, m_y}, line, TextStyle{size, false, style::ink});
    }
    m_y += size * 0.5;
}

void ReportDocument::bullet(const std::string& text) {
    const double size = 10, indent = 14;
    bool first = true;
    for (const auto& line : render::wrap_text(text, body().w - indent, size, false)) {
        need(size * 1.4);
        m_y += size * 1.35;
        if (first) m_doc->text({body().x + 3, m_y}, "•", TextStyle{size, false, style::ink});
        m_doc->text({body().x + indent, m_y}, line, TextStyle{size, false, style::ink});
        first = false;
    }
    m_y += 2;
}

void ReportDocument::table(const Table& t) {
    const double size = 9, row_h = 14;
    const render::Box b = body();
    std::vector<double> x(t.widths.size() + 1, b.x);
    double total = 0;
    for (double w : t.widths) total += w;
    for (std::size_t i = 0; i < t.widths.size(); ++i) x[i + 1] = x[i] + b.w * t.widths[i] / total;
    auto align = [&](std::size_t col) { return col < t.align.size() ? t.align[col] : TextAlign::left; };
    auto cell_x = [&](std::size_t col) {
        switch (align(col)) {
        case TextAlign::right: return x[col + 1] - 4;
        case TextAlign::centre: return (x[col] + x[col + 1]) / 2;
        case TextAlign::left: break;
        }
        return x[col] + 4;
    };
    auto header = [&] {
        m_doc->polygon({{{b.x, m_y}, {b.right(), m_y}, {b.right(), m_y + row_h + 2}, {b.x, m_y + row_h + 2}}}, render::Rgba{235, 235, 230, 255},
                       std::nullopt, 0, "table");
        for (std::size_t c = 0; c < t.headers.size(); ++c)
            m_doc->text({cell_x(c), m_y + row_h - 3}, t.headers[c], TextStyle{size, true, style::ink, align(c)});
        m_y += row_h + 2;
    };
    need(3 * row_h);
    header();
    for (std::size_t r = 0; r < t.rows.size(); ++r) {
        if (room() < row_h) {
            new_page();
            header();
        }
        const bool total_row = t.last_row_total && r + 1 == t.rows.size();
        if (total_row) m_doc->polyline({{b.x, m_y + 1}, {b.right(), m_y + 1}}, style::ink, 0.8, "table");
        else if (r % 2 == 1)
            m_doc->polygon({{{b.x, m_y}, {b.right(), m_y}, {b.right(), m_y + row_h}, {b.x, m_y + row_h}}}, render::Rgba{247, 247, 244, 255},
                           std::nullopt, 0, "table");
        for (std::size_t c = 0; c < t.rows[r].size() && c < x.size() - 1; ++c) {
            // A long name gets smaller type rather than running into the next column.
            double fit = size;
            const double room_w = x[c + 1] - x[c] - 8;
            while (fit > 6 && render::measure_text(t.rows[r][c], fit, total_row).width > room_w) fit -= 0.5;
            m_doc->text({cell_x(c), m_y + row_h - 4}, t.rows[r][c], TextStyle{fit, total_row, style::ink, align(c)});
        }
        m_y += row_h;
    }
    m_doc->polyline({{b.x, m_y}, {b.right(), m_y}}, style::rule, 0.5, "table");
    m_y += 8;
}

void ReportDocument::finish() { m_doc->finish(); }

} // namespace safermap::print
