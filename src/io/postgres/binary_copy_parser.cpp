// SPDX-License-Identifier: MIT
#include "io/postgres/binary_copy_parser.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <bit>
#include <cstring>

namespace safermap::io {

namespace {

constexpr std::string_view k_signature("PGCOPY\n\377\r\n\0", 11);

std::uint32_t big_endian_32(const char* p) {
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) | std::uint32_t{b[3]};
}

std::uint64_t big_endian_64(const char* p) {
    return (std::uint64_t{big_endian_32(p)} << 32) | big_endian_32(p + 4);
}

std::int16_t big_endian_16(const char* p) {
    const auto* b = reinterpret_cast<const unsigned char*>(p);
    return static_cast<std::int16_t>((b[0] << 8) | b[1]);
}

} // namespace

BinaryCopyParser::BinaryCopyParser(std::string what, std::size_t fields) : m_what(std::move(what)), m_fields(fields) {}

void BinaryCopyParser::fail(const std::string& why) const {
    throw IoError(fmt::format("{}: unreadable binary COPY data at byte {}: {}", m_what, m_consumed + static_cast<std::int64_t>(m_at), why));
}

void BinaryCopyParser::feed(std::string_view bytes) {
    // Drop what has been read once it is most of the buffer: each tuple is copied about once.
    if (m_at > 0 && m_at * 2 >= m_buffer.size()) {
        m_buffer.erase(0, m_at);
        m_consumed += static_cast<std::int64_t>(m_at);
        m_at = 0;
    }
    m_buffer.append(bytes);
}

bool BinaryCopyParser::read_header() {
    const std::size_t fixed = k_signature.size() + 8; // signature, flags, extension length
    if (m_buffer.size() - m_at < fixed) return false;
    if (std::string_view(m_buffer).substr(m_at, k_signature.size()) != k_signature) fail("not PostgreSQL's binary COPY signature");
    const std::uint32_t flags = big_endian_32(m_buffer.data() + m_at + k_signature.size());
    // Bits 16-31 are critical: a reader that does not know one must stop. Bit 16 says OIDs
    // follow each tuple's field count, which no server since 12 sends; the rest are unused.
    if (flags & (1u << 16)) fail("tuples carry OIDs");
    if (flags & 0xfffe0000u) fail(fmt::format("unknown critical header flags {:#x}", flags));
    const std::uint32_t extension = big_endian_32(m_buffer.data() + m_at + k_signature.size() + 4);
    if (extension > (1u << 30)) fail(fmt::format("header extension of {} bytes", extension));
    if (m_buffer.size() - m_at < fixed + extension) return false;
    m_at += fixed + extension;
    m_header_read = true;
    return true;
}

bool BinaryCopyParser::next(CopyFields& out) {
    if (m_trailer_read) {
        if (m_at < m_buffer.size()) fail("bytes after the end of the data");
        return false;
    }
    if (!m_header_read && !read_header()) return false;
    const std::size_t available = m_buffer.size() - m_at;
    if (available < 2) return false;
    const char* p = m_buffer.data() + m_at;
    const std::int16_t count = big_endian_16(p);
    if (count == -1) {
        m_trailer_read = true;
        m_at += 2;
        if (m_at < m_buffer.size()) fail("bytes after the end of the data");
        return false;
    }
    if (count < 0 || static_cast<std::size_t>(count) != m_fields)
        fail(fmt::format("a tuple of {} fields where {} were asked for", count, m_fields));
    // Measure the whole tuple before handing out any of it.
    std::size_t offset = 2;
    out.resize(m_fields);
    for (std::size_t i = 0; i < m_fields; ++i) {
        if (available - offset < 4) return false;
        const auto length = static_cast<std::int32_t>(big_endian_32(p + offset));
        offset += 4;
        if (length == -1) {
            out[i] = std::nullopt;
            continue;
        }
        if (length < 0) fail(fmt::format("field {} has length {}", i + 1, length));
        if (available - offset < static_cast<std::size_t>(length)) return false;
        out[i] = std::string_view(p + offset, static_cast<std::size_t>(length));
        offset += static_cast<std::size_t>(length);
    }
    m_at += offset;
    ++m_tuples;
    return true;
}

void BinaryCopyParser::finish() const {
    if (!m_trailer_read) fail(m_header_read ? "the data ends inside a tuple or before its end marker" : "the data ends inside its header");
    if (m_at < m_buffer.size()) fail("bytes after the end of the data");
}

double copy_float8(std::string_view field, const std::string& what) {
    if (field.size() != 8) throw IoError(fmt::format("{}: a float8 field of {} bytes", what, field.size()));
    return std::bit_cast<double>(big_endian_64(field.data()));
}

std::int32_t copy_int4(std::string_view field, const std::string& what) {
    if (field.size() != 4) throw IoError(fmt::format("{}: an int4 field of {} bytes", what, field.size()));
    return static_cast<std::int32_t>(big_endian_32(field.data()));
}

} // namespace safermap::io
