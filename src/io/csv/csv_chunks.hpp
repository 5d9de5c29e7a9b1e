// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>

namespace safermap::io {

// A run of whole lines of a file, for parsing on another thread.
struct CsvChunk {
    std::string bytes;          // ends with '\n' unless it is the file's tail
    bool at_file_start = false; // holds the file's first byte (and so any BOM and the header)
    bool last = false;          // holds the file's last byte (or the last readable line)
    std::string read_error;     // set when reading stopped here: the file is truncated or corrupt
};

// Cuts a plain or gzip-compressed file into chunks of about `chunk_bytes` at line ends.
// A cut can fall inside a quoted field that spans lines: the parser of a chunk notices (its
// last record ends inside quotes) and the caller joins that record to the next chunk.
class CsvChunkSource {
public:
    // Throws IoError naming the file when it cannot be opened.
    CsvChunkSource(std::string path, std::size_t chunk_bytes);
    ~CsvChunkSource();
    CsvChunkSource(const CsvChunkSource&) = delete;
    CsvChunkSource& operator=(const CsvChunkSource&) = delete;

    // Fills `chunk` (reusing its storage). False once the file is used up. When the file
    // cannot be read to its end (a truncated gzip), the chunk holds the whole lines read before
    // the failure, is the last, and says why in `read_error`: the caller reports it once those
    // lines are handled, when it knows the line number.
    bool next(CsvChunk& chunk);

private:
    bool read_more(std::string& into);

    std::string m_path;
    std::size_t m_chunk_bytes;
    struct GzHandle;
    std::unique_ptr<GzHandle> m_gz;
    std::string m_carry; // bytes after the last cut, for the next chunk
    bool m_eof = false;
    std::string m_error;  // why reading stopped early
    bool m_started = false;
    std::int64_t m_offset = 0;
};

} // namespace safermap::io
