// SPDX-License-Identifier: MIT
#pragma once
// Writes PostgreSQL's binary COPY format (the COPY command's documentation, "Binary Format";
// the reader is binary_copy_parser.hpp): the signature, flags and header extension, then each
// tuple as a 16-bit field count and, per field, a 32-bit length (-1 for NULL) and that many
// bytes in the binary form of the column's type, then a field count of -1. Every integer is
// big-endian. Rows sent this way cost the server no text parsing and the client no text
// formatting. No libpq here, so that it is tested on bytes alone.

#include <cstdint>
#include <string>
#include <string_view>

namespace safermap::io {

class BinaryCopyWriter {
public:
    // Starts the stream with its header.
    BinaryCopyWriter();

    // A tuple of `fields` fields: exactly that many field calls must follow.
    void begin_tuple(std::int16_t fields);
    void null();
    void text(std::string_view utf8);  // text, varchar: the bytes themselves
    void int2(std::int16_t value);
    void int4(std::int32_t value);
    void int8(std::int64_t value);
    void float8(double value);        // IEEE 754 bits, big-endian
    void boolean(bool value);
    // Bytes as they are (bytea; a PostGIS geometry's EWKB, which geometry_recv reads).
    void bytes(std::string_view raw);
    // A PostGIS point: its extended WKB (little-endian, with its SRID), 25 bytes.
    void ewkb_point(double x, double y, std::int32_t srid);
    // Ends the stream: nothing may be written after it.
    void trailer();

    // The bytes written since the last clear_pending(), which empties the buffer and keeps its
    // capacity: the caller sends them in large pieces.
    std::string_view pending() const { return m_buffer; }
    std::size_t pending_size() const { return m_buffer.size(); }
    void clear_pending() { m_buffer.clear(); }

private:
    void length(std::int32_t n);
    std::string m_buffer;
};

} // namespace safermap::io
