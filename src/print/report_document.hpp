// SPDX-License-Identifier: MIT
#pragma once
// A multi-page A4 landscape PDF for a meeting, written top to bottom: each page carries the
// report's title, its page number and the protective marking; text flows in headings,
// paragraphs and tables (real PDF text, never pictures of tables), and a new page starts when
// the current one is full.

#include "render/canvas.hpp"
#include "render/page_layout.hpp"

#include <memory>
#include <string>
#include <vector>

namespace safermap::print {

struct Table {
    std::vector<std::string> headers;
    std::vector<std::vector<std::string>> rows;
    std::vector<double> widths;              // shares of the text width, one per column
    std::vector<render::TextAlign> align;    // per column; default left
    bool last_row_total = false;             // drawn bold above a rule
};

class ReportDocument {
public:
    // Opens `path` (a temporary the caller renames into place).
    ReportDocument(const std::string& path, std::string title, std::string marking);

    render::Canvas& canvas() { return *m_doc; }
    const render::MapPageLayout& layout() const { return m_layout; }
    // The writing area of a page: inside the margins, under the running head.
    render::Box body() const;
    double y() const { return m_y; }
    void set_y(double y) { m_y = y; }
    // Room left on this page from the current position.
    double room() const { return body().bottom() - m_y; }

    void new_page();
    // Starts a new page unless `height` points fit on this one.
    void need(double height);
    void heading(const std::string& text);            // a section title (starts no page itself)
    void subheading(const std::string& text);
    void paragraph(const std::string& text, double size_pt = 10);
    void bullet(const std::string& text);
    void table(const Table& t);                       // rows run onto further pages, headers repeated
    void space(double pt) { m_y += pt; }

    int pages() const { return m_pages; }
    // Ends the last page and completes the file.
    void finish();

private:
    void running_head();
    std::unique_ptr<render::PageDocument> m_doc;
    render::MapPageLayout m_layout;
    std::string m_title, m_marking;
    double m_y = 0;
    int m_pages = 0;
};

} // namespace safermap::print
