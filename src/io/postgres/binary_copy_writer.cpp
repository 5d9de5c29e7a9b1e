// SPDX-License-Identifier: MIT
#include "io/postgres/binary_copy_writer.hpp"

#include <bit>
#include <type_traits>

namespace safermap::io {

namespace {

template <typename T>
void append_big_endian(std::string& out, T value) {
    using U = std::make_unsigned_t<T>;
    U bits = static_cast<U>(value);
    char bytes[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) bytes[sizeof(T) - 1 - i] = static_cast<char>((bits >> (8 * i)) & 0xFF);
    out.append(bytes, sizeof(T));
}

template <typename T>
void append_little_endian(std::string& out, T value) {
    char bytes[sizeof(T)];
    for (std::size_t i = 0; i < sizeof(T); ++i) bytes[i] = static_cast<char>((value >> (8 * i)) & 0xFF);
    out.append(bytes, sizeof(T));
}

// The 11-byte signature, a flags word of 0 (no OIDs) and an empty header extension.
constexpr std::string_view k_header{"PGCOPY\n\377\r\n\0\0\0\0\0\0\0\0\0", 19};

} // namespace

BinaryCopyWriter::BinaryCopyWriter() { m_buffer.append(k_header); }

void BinaryCopyWriter::begin_tuple(std::int16_t fields) { append_big_endian(m_buffer, fields); }

void BinaryCopyWriter::length(std::int32_t n) { append_big_endian(m_buffer, n); }

void BinaryCopyWriter::null() { length(-1); }

void BinaryCopyWriter::text(std::string_view utf8) {
    length(static_cast<std::int32_t>(utf8.size()));
    m_buffer.append(utf8);
}

void BinaryCopyWriter::bytes(std::string_view raw) { text(raw); }

void BinaryCopyWriter::int2(std::int16_t value) {
    length(2);
    append_big_endian(m_buffer, value);
}

void BinaryCopyWriter::int4(std::int32_t value) {
    length(4);
    append_big_endian(m_buffer, value);
}

void BinaryCopyWriter::int8(std::int64_t value) {
    length(8);
    append_big_endian(m_buffer, value);
}

void BinaryCopyWriter::float8(double value) {
    length(8);
    append_big_endian(m_buffer, std::bit_cast<std::uint64_t>(value));
}

void BinaryCopyWriter::boolean(bool value) {
    length(1);
    m_buffer.push_back(value ? '\1' : '\0');
}

void BinaryCopyWriter::trailer() { append_big_endian(m_buffer, static_cast<std::int16_t>(-1)); }

void BinaryCopyWriter::ewkb_point(double x, double y, std::int32_t srid) {
    length(25);
    m_buffer.push_back('\1');                                     // little-endian
    append_little_endian(m_buffer, std::uint32_t{0x20000001});     // Point, with the SRID flag
    append_little_endian(m_buffer, static_cast<std::uint32_t>(srid));
    append_little_endian(m_buffer, std::bit_cast<std::uint64_t>(x));
    append_little_endian(m_buffer, std::bit_cast<std::uint64_t>(y));
}

} // namespace safermap::io
