// SPDX-License-Identifier: MIT
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace safermap::io {

// One CSV record: its fields (quotes removed, "" unescaped), the 1-based line on which it
// starts, and the raw text as read (for rejects files).
struct CsvRecord {
    std::vector<std::string> fields;
    std::int64_t line = 0;
    std::string raw;                  // filled by a reader over a file
    std::string_view raw_view;        // the raw text wherever it lives: `raw`, or the reader's bytes
                                      // (a copied record's view still points at the original)
    bool unterminated_quote = false; // the file ended inside a quoted field
    bool has_carriage_return = false;
};

// Streams RFC 4180 records from a plain or gzip-compressed file (zlib detects which), so that
// memory stays bounded whatever the file's size. Quoted fields may span lines; a UTF-8 BOM is
// skipped; CRLF and LF endings both work.
class CsvReader {
public:
    // Throws IoError naming the file when it cannot be opened.
    explicit CsvReader(std::string path);
    // Reads records from bytes already in memory (a chunk of a file cut at a line end), which
    // must outlive the reader and its records: their raw text is left in `raw_view` only.
    // `name` is for messages; `first_line` numbers the chunk's first line; a BOM is skipped
    // only when `at_file_start`.
    CsvReader(std::string_view bytes, std::string name, std::int64_t first_line, bool at_file_start);
    ~CsvReader();
    CsvReader(const CsvReader&) = delete;
    CsvReader& operator=(const CsvReader&) = delete;

    // Reads the next record into `record` (reusing its storage). Returns false at the end.
    // Throws IoError naming the file and line when the file cannot be read to its end,
    // e.g. a truncated gzip stream.
    bool next(CsvRecord& record);

    const std::string& path() const { return m_path; }
    // Bytes of (decompressed) input consumed so far.
    std::int64_t bytes_read() const { return m_bytes_read; }
    // For a reader over memory: the offset of the next record in `bytes`.
    std::size_t offset() const { return m_pos; }
    // The line the next record starts on.
    std::int64_t line() const { return m_line; }

private:
    bool fill();

    std::string m_path;
    struct GzHandle;
    std::unique_ptr<GzHandle> m_gz;
    std::vector<char> m_buffer;
    const char* m_data = nullptr; // m_buffer's bytes, or the caller's for a reader over memory
    std::size_t m_pos = 0;
    std::size_t m_end = 0;
    bool m_eof = false;
    bool m_started = false;
    std::int64_t m_line = 1;
    std::int64_t m_bytes_read = 0;
};

// For bytes that go on with a quoted field whose opening quote came before them: true when
// the field's closing quote is among them (a '"' that is not the first of a "" pair). A caller
// joining a field cut at a chunk's end uses it to pass over chunks the field runs through.
bool closes_quoted_field(std::string_view bytes);

} // namespace safermap::io
