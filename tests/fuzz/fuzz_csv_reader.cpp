// SPDX-License-Identifier: MIT
// Fuzz target: the CSV reader (io/csv/csv_reader) over memory and over a file, plain or gzip,
// and the chunked reading the importer does (io/csv/csv_chunks, joined as in
// IncidentImporter::import_csv). Input: one option byte, then the file's bytes.
//   option bits 0-4: chunk size (1 + 8 * value bytes); bit 6: gzip the file; bit 7: and cut
//   the gzip stream short.
// Properties: every way of reading a whole file gives the same records (fields, lines, raw
// text, flags); a damaged file fails with IoError only; the Windows-1252 repair gives UTF-8.
#include "core/error.hpp"
#include "core/text_encoding.hpp"
#include "fuzz_check.hpp"
#include "io/csv/csv_chunks.hpp"
#include "io/csv/csv_reader.hpp"

#include <unistd.h>
#include <zlib.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace safermap;

struct Row {
    std::vector<std::string> fields;
    std::int64_t line;
    std::string raw;
    bool unterminated, carriage_return;
    bool operator==(const Row&) const = default;
};

Row row_of(const io::CsvRecord& r, std::int64_t first_line) {
    return Row{r.fields, r.line + first_line, std::string(r.raw_view), r.unterminated_quote, r.has_carriage_return};
}

std::vector<Row> read_all(io::CsvReader& reader) {
    std::vector<Row> rows;
    io::CsvRecord record;
    while (reader.next(record)) rows.push_back(row_of(record, 0));
    return rows;
}

// IncidentImporter::import_csv and RowParser::parse without the incident steps: the header
// from the first chunk, then each chunk's rows; a row cut inside quotes is carried on to the
// next chunk. Returns false where the importer refuses the file (a header that runs on).
bool read_chunked(const std::string& path, std::size_t chunk_bytes, std::vector<Row>& rows) {
    io::CsvChunkSource source(path, chunk_bytes);
    io::CsvChunk chunk;
    source.next(chunk);
    io::CsvRecord record;
    io::CsvReader header_reader(chunk.bytes, path, 1, true);
    if (!header_reader.next(record)) return true;
    if (record.unterminated_quote && !chunk.last) return false;
    rows.push_back(row_of(record, 0));
    std::size_t start = header_reader.offset();
    std::int64_t first_line = header_reader.line();
    std::string carry;
    while (true) {
        bool absorbed = false;
        if (!carry.empty()) {
            if (!chunk.last && chunk.read_error.empty() && !io::closes_quoted_field(chunk.bytes)) {
                carry += chunk.bytes;
                absorbed = true;
            } else {
                chunk.bytes.insert(0, carry);
                chunk.at_file_start = false;
                start = 0;
                carry.clear();
            }
        }
        if (!absorbed) {
            io::CsvReader reader(std::string_view(chunk.bytes).substr(start), path, 0, chunk.at_file_start && start == 0);
            std::int64_t lines = 0;
            while (true) {
                const std::size_t at = start + reader.offset();
                if (!reader.next(record)) {
                    lines = reader.line();
                    break;
                }
                if (record.unterminated_quote && !chunk.last) {
                    carry.assign(chunk.bytes, at, std::string::npos);
                    lines = record.line;
                    break;
                }
                rows.push_back(row_of(record, first_line));
            }
            first_line += lines;
            if (!chunk.read_error.empty()) throw IoError(chunk.read_error);
        }
        start = 0;
        if (!source.next(chunk)) break;
    }
    SAFERMAP_FUZZ_CHECK(carry.empty()); // a non-last chunk is always followed by another
    return true;
}

void write_file(const std::string& path, std::string_view bytes, bool gzip, bool cut_short) {
    if (gzip) {
        gzFile gz = gzopen(path.c_str(), "wb");
        SAFERMAP_FUZZ_CHECK(gz);
        if (!bytes.empty()) gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
        gzclose(gz);
        if (cut_short) std::filesystem::resize_file(path, std::filesystem::file_size(path) / 2);
        return;
    }
    std::FILE* f = std::fopen(path.c_str(), "wb");
    SAFERMAP_FUZZ_CHECK(f);
    if (!bytes.empty()) std::fwrite(bytes.data(), 1, bytes.size(), f);
    std::fclose(f);
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::uint8_t options = data[0];
    const std::string_view bytes(reinterpret_cast<const char*>(data) + 1, size - 1);
    const std::size_t chunk_bytes = 1 + 8 * std::size_t{options & 31u};
    const bool gzip = (options & 0x40) != 0, cut_short = gzip && (options & 0x80) != 0;

    io::CsvReader memory_reader(bytes, "fuzz.csv", 1, true);
    const std::vector<Row> expected = read_all(memory_reader);
    SAFERMAP_FUZZ_CHECK(memory_reader.offset() == bytes.size());
    for (const Row& row : expected) {
        SAFERMAP_FUZZ_CHECK(!row.fields.empty());
        for (const auto& f : row.fields)
            if (!is_valid_utf8(f)) SAFERMAP_FUZZ_CHECK(is_valid_utf8(cp1252_to_utf8(f)));
    }

    static const std::string path =
        (std::filesystem::temp_directory_path() / ("safermap_fuzz_csv_" + std::to_string(::getpid()))).string();
    write_file(path, bytes, gzip, cut_short);
    // A plain file that starts like gzip is read as gzip (zlib decides): nothing to compare.
    const bool exact = !cut_short && (gzip || !bytes.starts_with("\x1f\x8b"));
    try {
        io::CsvReader file_reader(path);
        const std::vector<Row> from_file = read_all(file_reader);
        if (exact) SAFERMAP_FUZZ_CHECK(from_file == expected);
    } catch (const IoError&) {
        SAFERMAP_FUZZ_CHECK(!exact);
    }
    try {
        std::vector<Row> chunked;
        if (read_chunked(path, chunk_bytes, chunked) && exact) SAFERMAP_FUZZ_CHECK(chunked == expected);
    } catch (const IoError&) {
        SAFERMAP_FUZZ_CHECK(!exact);
    }
    std::remove(path.c_str());
    return 0;
}
