// SPDX-License-Identifier: MIT
#include "io/csv/csv_reader.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

namespace safermap::io {

struct CsvReader::GzHandle {
    gzFile file = nullptr;
    ~GzHandle() {
        if (file) gzclose(file);
    }
};

namespace {
constexpr std::size_t k_buffer_bytes = 1 << 18;
}

CsvReader::CsvReader(std::string path) : m_path(std::move(path)), m_gz(std::make_unique<GzHandle>()) {
    m_gz->file = gzopen(m_path.c_str(), "rb");
    if (!m_gz->file) {
        throw IoError(fmt::format("{}: cannot open ({})", m_path, errno ? std::strerror(errno) : "unknown error"));
    }
    gzbuffer(m_gz->file, k_buffer_bytes);
    m_buffer.resize(k_buffer_bytes);
    m_data = m_buffer.data();
}

CsvReader::CsvReader(std::string_view bytes, std::string name, std::int64_t first_line, bool at_file_start)
    : m_path(std::move(name)), m_data(bytes.data()), m_end(bytes.size()), m_eof(true), m_started(!at_file_start),
      m_line(first_line), m_bytes_read(static_cast<std::int64_t>(bytes.size())) {}

CsvReader::~CsvReader() = default;

bool CsvReader::fill() {
    if (m_eof) return false;
    int n = gzread(m_gz->file, m_buffer.data(), static_cast<unsigned>(m_buffer.size()));
    int errnum = Z_OK;
    const char* message = gzerror(m_gz->file, &errnum);
    if (n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END)) {
        throw IoError(fmt::format("{}: line {}: read failed ({}); the file may be truncated or corrupt",
                                  m_path, m_line, message ? message : "unknown error"));
    }
    if (n == 0) {
        m_eof = true;
        return false;
    }
    m_pos = 0;
    m_end = static_cast<std::size_t>(n);
    m_bytes_read += n;
    return true;
}

namespace {

// The first byte in [p, end) that is a comma, a line feed or a double quote, or `end`.
// Eight bytes at a time with the classic has-zero-byte test (Mycroft), since most of a row
// is ordinary text between delimiters.
const char* next_delimiter(const char* p, const char* end) {
    constexpr std::uint64_t k_ones = 0x0101010101010101ULL, k_highs = 0x8080808080808080ULL;
    auto has_byte = [](std::uint64_t word, std::uint64_t pattern) {
        const std::uint64_t x = word ^ pattern;
        return (x - k_ones) & ~x & k_highs;
    };
    while (end - p >= 8) {
        std::uint64_t word;
        std::memcpy(&word, p, 8);
        if (has_byte(word, k_ones * ',') | has_byte(word, k_ones * '\n') | has_byte(word, k_ones * '"')) break;
        p += 8;
    }
    while (p < end && *p != ',' && *p != '\n' && *p != '"') ++p;
    return p;
}

} // namespace

bool CsvReader::next(CsvRecord& record) {
    for (auto& f : record.fields) f.clear();
    std::size_t field_count = 0;
    record.raw.clear();
    record.raw_view = {};
    record.unterminated_quote = false;
    record.has_carriage_return = false;
    record.line = m_line;
    const bool build_raw = m_gz != nullptr; // over memory, the raw text is a view of the bytes
    if (!build_raw && !m_started) {
        m_started = true;
        if (m_end - m_pos >= 3 && std::memcmp(m_data + m_pos, "\xEF\xBB\xBF", 3) == 0) m_pos += 3;
    }
    const std::size_t start = m_pos;
    auto finish_raw = [&](std::size_t end) {
        if (build_raw) record.raw_view = record.raw;
        else record.raw_view = std::string_view(m_data + start, end - start);
    };

    auto current = [&]() -> std::string& {
        if (field_count == 0) field_count = 1;
        if (record.fields.size() < field_count) record.fields.resize(field_count);
        return record.fields[field_count - 1];
    };

    bool in_quotes = false;
    bool quote_pending = false; // saw a quote inside a quoted field: end of field or "" escape
    bool any = false;
    while (true) {
        if (m_pos == m_end && !fill()) break;
        if (!m_started) {
            m_started = true;
            if (m_end - m_pos >= 3 && std::memcmp(m_data + m_pos, "\xEF\xBB\xBF", 3) == 0) m_pos += 3;
            if (m_pos == m_end) continue;
        }
        // Fast path: copy a run of ordinary bytes in one go (most of a police.uk row).
        if (!quote_pending) {
            const char* begin = m_data + m_pos;
            const char* end = m_data + m_end;
            const char* p = begin;
            if (in_quotes) {
                p = static_cast<const char*>(std::memchr(begin, '"', static_cast<std::size_t>(end - begin)));
                if (!p) p = end;
                m_line += std::count(begin, p, '\n');
            } else {
                p = next_delimiter(begin, end);
            }
            if (p > begin) {
                const auto n = static_cast<std::size_t>(p - begin);
                current().append(begin, n);
                if (build_raw) record.raw.append(begin, n);
                m_pos += n;
                any = true;
                if (p == end) continue;
            }
        }
        char c = m_data[m_pos++];
        any = true;
        if (c == '\n') {
            ++m_line;
            if (!in_quotes || quote_pending) {
                // End of record; drop the CR of a CRLF ending from the last field and raw.
                std::string& last = current();
                if (!quote_pending && !last.empty() && last.back() == '\r') {
                    last.pop_back();
                    record.has_carriage_return = true;
                }
                std::size_t raw_end = m_pos - 1;
                if (build_raw && !record.raw.empty() && record.raw.back() == '\r') record.raw.pop_back();
                if (!build_raw && raw_end > start && m_data[raw_end - 1] == '\r') --raw_end;
                finish_raw(raw_end);
                record.fields.resize(field_count);
                return true;
            }
            if (build_raw) record.raw.push_back(c);
            current().push_back(c);
            continue;
        }
        if (build_raw) record.raw.push_back(c);
        if (quote_pending) {
            quote_pending = false;
            if (c == '"') {
                current().push_back('"');
                continue;
            }
            in_quotes = false;
            if (c == '\r') continue; // CR before the newline that ends the record
        }
        if (in_quotes) {
            if (c == '"') quote_pending = true;
            else current().push_back(c);
            continue;
        }
        if (c == ',') {
            current();
            ++field_count;
            current();
        } else if (c == '"' && current().empty()) {
            in_quotes = true;
        } else {
            current().push_back(c);
        }
    }
    if (!any) return false;
    if (in_quotes && !quote_pending) record.unterminated_quote = true;
    std::string& last = current();
    if (!last.empty() && last.back() == '\r') last.pop_back();
    finish_raw(m_pos);
    record.fields.resize(field_count);
    return true;
}

bool closes_quoted_field(std::string_view bytes) {
    const char* p = bytes.data();
    const char* end = p + bytes.size();
    while ((p = static_cast<const char*>(std::memchr(p, '"', static_cast<std::size_t>(end - p))))) {
        if (p + 1 == end || p[1] != '"') return true;
        p += 2;
    }
    return false;
}

} // namespace safermap::io
