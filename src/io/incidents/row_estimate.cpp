// SPDX-License-Identifier: MIT
#include "io/incidents/row_estimate.hpp"

#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace safermap::io {

namespace {

constexpr double k_default_row_bytes = 200;

bool ends_with(const std::string& name, const char* tail) {
    const std::string t(tail);
    return name.size() >= t.size() && name.compare(name.size() - t.size(), t.size(), t) == 0;
}

// Mean bytes per line over the first 64 KiB, read as the importer reads (gzip or plain).
std::optional<double> row_bytes(const std::string& path) {
    gzFile gz = gzopen(path.c_str(), "rb");
    if (!gz) return std::nullopt;
    std::string sample(std::size_t{1} << 16, '\0');
    const int n = gzread(gz, sample.data(), static_cast<unsigned>(sample.size()));
    gzclose(gz);
    if (n <= 0) return std::nullopt;
    const auto lines = std::count(sample.begin(), sample.begin() + n, '\n');
    if (lines < 2) return std::nullopt;
    return static_cast<double>(n) / static_cast<double>(lines);
}

// The size gzip recorded for its input (the last 4 bytes: modulo 4 GiB, so only believed
// when it is more than the compressed size).
std::optional<double> gzip_input_bytes(const std::string& path, std::uintmax_t compressed) {
    std::FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return std::nullopt;
    unsigned char tail[4] = {};
    const bool read = std::fseek(f, -4, SEEK_END) == 0 && std::fread(tail, 1, 4, f) == 4;
    std::fclose(f);
    if (!read) return std::nullopt;
    const std::uint32_t size = tail[0] | (tail[1] << 8) | (tail[2] << 16) | (static_cast<std::uint32_t>(tail[3]) << 24);
    if (size <= compressed) return std::nullopt;
    return static_cast<double>(size);
}

} // namespace

std::size_t estimate_rows(const std::vector<std::string>& files) {
    double rows = 0;
    for (const auto& f : files) {
        std::error_code ec;
        const std::uintmax_t bytes = std::filesystem::file_size(f, ec);
        if (ec) continue;
        std::string name = std::filesystem::path(f).filename().string();
        std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
        const bool gz = ends_with(name, ".gz");
        const bool csv = ends_with(name, ".csv") || ends_with(name, ".csv.gz") || ends_with(name, ".txt") || ends_with(name, ".txt.gz");
        double input = static_cast<double>(bytes);
        if (gz) input = gzip_input_bytes(f, bytes).value_or(6.0 * input); // police.uk CSVs shrink about 6 times
        const double per_row = csv ? row_bytes(f).value_or(k_default_row_bytes) : k_default_row_bytes;
        rows += input / per_row;
    }
    return static_cast<std::size_t>(rows);
}

} // namespace safermap::io
