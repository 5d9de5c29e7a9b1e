// SPDX-License-Identifier: MIT
#include "geocode/csv_geocoding.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/csv/rejects_writer.hpp"

#include <fmt/format.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <memory>

namespace safermap::geocode {

namespace {

void write_line(std::FILE* f, const std::string& line, const std::string& path) {
    if (std::fwrite(line.data(), 1, line.size(), f) != line.size()) throw IoError(fmt::format("{}: write failed", path));
}

int column(const io::CsvHeader& h, const std::string& chosen, std::initializer_list<std::string_view> aliases,
           const std::string& path, std::string_view flag) {
    return chosen.empty() ? h.find(aliases) : h.require(chosen, path, flag);
}

std::string number_text(double v, int decimals) { return fmt::format("{:.{}f}", v, decimals); }

} // namespace

GeocodeSummary geocode_csv(const Matcher& matcher, const CsvGeocodeRequest& req) {
    const auto start = std::chrono::steady_clock::now();
    io::CsvReader reader(req.input);
    io::CsvRecord record;
    if (!reader.next(record)) throw IoError(fmt::format("{}: empty file (a header row is needed)", req.input));
    const io::CsvHeader header(record.fields);
    const int address = column(header, req.address_column, {"address", "full_address", "full address", "location", "addr", "address_text"},
                               req.input, "--address");
    const int postcode = column(header, req.postcode_column, {"postcode", "post code", "post_code", "postal code"}, req.input,
                                "--postcode");
    const int locality = column(header, req.locality_column, {"locality", "town", "town_name", "district", "area", "ward"},
                                req.input, "--locality");
    if (address < 0 && postcode < 0)
        throw ConfigError(fmt::format("{}: no address or postcode column found (columns: {}); name one with --address or "
                                      "--postcode",
                                      req.input, header.listing()));
    for (const char* added : k_added_columns)
        if (header.find({added}) >= 0)
            throw ConfigError(fmt::format("{}: already has a column '{}', which the output adds; rename it first", req.input, added));

    const std::string unmatched_path =
        req.unmatched_path.empty()
            ? (std::filesystem::path(req.output).parent_path() / (std::filesystem::path(req.output).stem().string() + ".unmatched.csv"))
                  .string()
            : req.unmatched_path;
    // Both files are written under temporary names and moved into place only when complete.
    ReplacementFile out_file(req.output, "CSV"), review_file(unmatched_path, "CSV");
    std::FILE* out = out_file.stream();
    std::FILE* review = review_file.stream();
    std::string line;
    for (std::size_t i = 0; i < header.size(); ++i) {
        if (i) line += ',';
        io::append_csv_field(line, header.names()[i]);
    }
    std::string review_line = "line,";
    review_line += line;
    for (const char* added : k_added_columns) {
        line += ',';
        line += added;
    }
    review_line += ",match_level,candidates,match_note\n";
    line += '\n';
    write_line(out, line, req.output);
    write_line(review, review_line, unmatched_path);

    GeocodeSummary summary;
    summary.unmatched_file = unmatched_path;
    auto field = [&](int i) -> std::string_view {
        return i >= 0 && static_cast<std::size_t>(i) < record.fields.size() ? std::string_view(record.fields[static_cast<std::size_t>(i)])
                                                                              : std::string_view();
    };
    std::int64_t rows_done = 0;
    while (reader.next(record)) {
        if (req.progress && ++rows_done % 1000 == 0) req.progress(rows_done, 0);
        MatchResult m;
        if (record.fields.size() != header.size()) {
            m.note = fmt::format("row has {} fields; the header has {}", record.fields.size(), header.size());
        } else {
            m = matcher.match(MatchInput{field(address), field(postcode), field(locality)});
        }
        summary.count(m);
        line.clear();
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (i) line += ',';
            if (i < record.fields.size()) io::append_csv_field(line, record.fields[i]);
        }
        std::string added;
        added += ',';
        if (m.xy) added += number_text(m.xy->x, 1) + ',' + number_text(m.xy->y, 1);
        else added += ',';
        added += ',';
        added += to_string(m.level);
        added += ',';
        added += m.level == MatchLevel::unmatched ? std::string() : number_text(m.score, 3);
        added += ',';
        added += std::to_string(m.candidates);
        for (const std::string* text : {&m.ref, &m.matched, &m.quality, &m.note}) {
            added += ',';
            io::append_csv_field(added, *text);
        }
        const std::string row = line;
        line += added;
        line += '\n';
        write_line(out, line, req.output);
        if (!m.placed()) {
            std::string r = std::to_string(record.line) + ',' + row + ',' + std::string(to_string(m.level)) + ',' +
                            std::to_string(m.candidates) + ',';
            io::append_csv_field(r, m.note);
            r += '\n';
            write_line(review, r, unmatched_path);
        }
    }
    out_file.commit();
    review_file.commit();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace safermap::geocode
