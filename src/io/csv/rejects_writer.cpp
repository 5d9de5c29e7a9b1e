// SPDX-License-Identifier: MIT
#include "io/csv/rejects_writer.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"

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

RejectsWriter::RejectsWriter(std::string path)
    : m_path(std::move(path)), m_output(std::make_unique<ReplacementFile>(m_path, "a rejects CSV")) {
    m_file = m_output->stream();
    std::fputs("source,line,reason,detail,raw\n", m_file);
}

RejectsWriter::~RejectsWriter() = default;

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
    if (!m_output) return;
    m_file = nullptr;
    auto output = std::move(m_output);
    output->commit();
}

} // namespace safermap::io
