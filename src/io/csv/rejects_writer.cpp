// SPDX-License-Identifier: MIT
#include "io/csv/rejects_writer.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <cstring>

namespace safermap::io {

void append_csv_field(std::string& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out.append(field);
        return;
    }
    out.push_back('"');
    for (char c : field) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
}

RejectsWriter::RejectsWriter(std::string path) : m_path(std::move(path)) {
    m_file = std::fopen(m_path.c_str(), "wb");
    if (!m_file) throw IoError(fmt::format("{}: cannot write rejects file ({})", m_path, std::strerror(errno)));
    std::fputs("source,line,reason,detail,raw\n", m_file);
}

RejectsWriter::~RejectsWriter() {
    if (m_file) std::fclose(m_file);
}

void RejectsWriter::write(const RejectedRow& row) {
    std::string line;
    append_csv_field(line, row.source);
    line += fmt::format(",{},", row.line);
    append_csv_field(line, row.reason);
    line.push_back(',');
    append_csv_field(line, row.detail);
    line.push_back(',');
    append_csv_field(line, row.raw);
    line.push_back('\n');
    std::fwrite(line.data(), 1, line.size(), m_file);
    ++m_rows;
}

void RejectsWriter::close() {
    if (!m_file) return;
    bool failed = std::ferror(m_file) != 0;
    failed |= std::fclose(m_file) != 0;
    m_file = nullptr;
    if (failed) throw IoError(fmt::format("{}: writing the rejects file failed", m_path));
}

} // namespace safermap::io
