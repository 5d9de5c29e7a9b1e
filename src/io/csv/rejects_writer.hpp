// SPDX-License-Identifier: MIT
#pragma once

#include "core/output_file.hpp"
#include "core/rejects.hpp"

#include <cstdio>
#include <memory>
#include <string>

namespace safermap::io {

// Writes rejected rows as CSV: source,line,reason,detail,raw (RFC 4180 quoting), so that an
// analyst can open it in a spreadsheet, fix the rows and import them again.
class RejectsWriter {
public:
    // Writes under a temporary name beside `path`; close() moves it onto `path` (an earlier
    // file there is replaced only then). Throws IoError when it cannot write, ConfigError when
    // `path` is a GeoPackage.
    explicit RejectsWriter(std::string path);
    ~RejectsWriter();
    RejectsWriter(const RejectsWriter&) = delete;
    RejectsWriter& operator=(const RejectsWriter&) = delete;

    void write(const RejectedRow& row);
    // Flushes, closes and moves the file into place; throws IoError when the data could not be
    // written. A writer destroyed without close() leaves nothing behind.
    void close();

    const std::string& path() const { return m_path; }
    long long rows_written() const { return m_rows; }

private:
    std::string m_path;
    std::unique_ptr<ReplacementFile> m_output;
    std::FILE* m_file = nullptr;
    long long m_rows = 0;
};

// Appends `field` to `out`, quoted when it holds a comma, quote, CR or LF (RFC 4180).
void append_csv_field(std::string& out, std::string_view field);

} // namespace safermap::io
