// SPDX-License-Identifier: MIT
#include "io/csv/csv_chunks.hpp"

#include "core/error.hpp"

#include <fmt/format.h>
#include <zlib.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <utility>

namespace safermap::io {

struct CsvChunkSource::GzHandle {
    gzFile file = nullptr;
    ~GzHandle() {
        if (file) gzclose(file);
    }
};

CsvChunkSource::CsvChunkSource(std::string path, std::size_t chunk_bytes)
    : m_path(std::move(path)), m_chunk_bytes(std::max<std::size_t>(chunk_bytes, 1)), m_gz(std::make_unique<GzHandle>()) {
    m_gz->file = gzopen(m_path.c_str(), "rb");
    if (!m_gz->file)
        throw IoError(fmt::format("{}: cannot open ({})", m_path, errno ? std::strerror(errno) : "unknown error"));
    gzbuffer(m_gz->file, 1 << 18);
}

CsvChunkSource::~CsvChunkSource() = default;

bool CsvChunkSource::read_more(std::string& into) {
    const std::size_t had = into.size();
    const std::size_t want = m_chunk_bytes;
    into.resize(had + want);
    int n = gzread(m_gz->file, into.data() + had, static_cast<unsigned>(want));
    int errnum = Z_OK;
    const char* message = gzerror(m_gz->file, &errnum);
    // A truncated stream (Z_BUF_ERROR) still hands over what zlib decoded before its end, a
    // read at a time; anything else, or a read that yields nothing more, stops here.
    const bool premature_end = errnum == Z_BUF_ERROR;
    if (n < 0 || (errnum != Z_OK && errnum != Z_STREAM_END && !(premature_end && n > 0))) {
        into.resize(had + static_cast<std::size_t>(std::max(n, 0)));
        m_offset += std::max(n, 0);
        std::string_view why = message ? message : "unknown error";
        if (why.starts_with(m_path + ": ")) why.remove_prefix(m_path.size() + 2); // zlib names the file too
        m_error = why;
        m_eof = true;
        return false;
    }
    into.resize(had + static_cast<std::size_t>(n));
    m_offset += n;
    if (n == 0) m_eof = true;
    return n > 0;
}

bool CsvChunkSource::next(CsvChunk& chunk) {
    chunk.bytes.swap(m_carry);
    m_carry.clear();
    chunk.at_file_start = !m_started;
    m_started = true;
    // Read until the chunk is big enough and holds a line end to cut at, or the file ends.
    std::size_t searched = 0;
    while (true) {
        if (chunk.bytes.size() >= m_chunk_bytes || m_eof) {
            const char* begin = chunk.bytes.data() + searched;
            const void* nl = chunk.bytes.size() > searched ? memrchr(begin, '\n', chunk.bytes.size() - searched) : nullptr;
            if (nl || m_eof) {
                if (nl && (!m_eof || !m_error.empty())) { // after a read error, only whole lines
                    const std::size_t cut = static_cast<std::size_t>(static_cast<const char*>(nl) - chunk.bytes.data()) + 1;
                    m_carry.assign(chunk.bytes, cut, std::string::npos);
                    chunk.bytes.resize(cut);
                }
                break;
            }
            searched = chunk.bytes.size(); // a line longer than a chunk: read on
        }
        read_more(chunk.bytes);
    }
    // Whether this chunk holds the file's last byte: peek by reading the next block now.
    if (!m_eof && m_carry.empty()) read_more(m_carry);
    chunk.read_error.clear();
    if (!m_error.empty()) {
        if (!chunk.bytes.empty() && chunk.bytes.back() != '\n') chunk.bytes.clear(); // no whole line left
        m_carry.clear();
        chunk.read_error = std::exchange(m_error, "");
        chunk.last = true;
        return true;
    }
    chunk.last = m_eof && m_carry.empty();
    return !chunk.bytes.empty() || chunk.at_file_start;
}

} // namespace safermap::io
