// SPDX-License-Identifier: MIT
// CSV files are cut into chunks that are parsed on several threads and committed in order.
// Whatever the chunk size and thread count, an import must see exactly what a single pass
// over the file sees: the same rows, lines, keys, rejects and raw text. These tests cut a
// messy file everywhere a cut can fall, quoted line breaks included.
#include "core/error.hpp"
#include "core/incident_sink.hpp"
#include "core/key_registry.hpp"
#include "core/rejects.hpp"
#include "io/csv/csv_chunks.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/point_collector.hpp"
#include "io/project/project_store.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <zlib.h>

#include <algorithm>
#include <cpl_conv.h>
#include <fstream>
#include <sstream>
#include <thread>
#include <tuple>

using namespace safermap;

namespace {

// A police.uk file with everything a cut could trip over. Lines (1-based) noted for the checks.
const std::string k_messy =
    "\xEF\xBB\xBF"
    "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
    "Last outcome category,Context\n"                                                                       // 1
    "a1,2025-01,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,\n"      // 2
    "a2,2025-01,Notts,Notts,-1.27,53.13,\"On or near \"\"The Quay\"\",\nBack Lane\",E01028000,Ashfield 001A,Robbery,,\n" // 3-4
    "a3,2025-01,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,\r\n"    // 5
    ",2025-01,Notts,Notts,-1.25,53.11,On or near Park Street,E01028001,Ashfield 001B,Anti-social behaviour,,\n" // 6
    ",2025-01,Notts,Notts,-1.25,53.11,On or near Park Street,E01028001,Ashfield 001B,Anti-social behaviour,,\n" // 7
    "a1,2025-01,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,\n"      // 8 duplicate
    "a4,2025-13,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,\n"      // 9 bad month
    "\n"                                                                                                    // 10 blank
    "a5,2025-02,Notts,Notts,,,No Location,,,Vehicle crime,,\n"                                             // 11 no location
    "a6,2025-02,Notts,Notts,-1.24,53.10,On or near Caf\xE9 Lane,E01028002,Ashfield 002A,Shoplifting,,\n"  // 12 cp1252
    "a7,2025-02,Notts\n"                                                                                    // 13 short
    "a8,2025-02,Notts,Notts,-1.23,53.09,\"On or near\n\nMill\n Lane\",E01028003,Ashfield 003A,Drugs,,\n"   // 14-17
    "a9,2025-02,Notts,Notts,-1.22,53.08,On or near High Street,E01028004,Ashfield 004A,Other theft,,\n"    // 18
    "a10,2025-02,Notts,Notts,-1.21,53.07,\"On or near the end";                                            // 19 unterminated

struct Seen {
    std::vector<std::tuple<std::string, std::int64_t, double, double, std::string, std::string>> incidents;
    std::vector<std::tuple<std::int64_t, std::string, std::string, std::string>> rejects;
    RunReport report;
};

class RecordingSink : public IncidentSink {
public:
    explicit RecordingSink(Seen& seen) : m_seen(seen) {}
    void write(const Incident& i) override {
        m_seen.incidents.emplace_back(i.key, i.source_line, i.xy->x, i.xy->y, i.location, i.category);
    }

private:
    Seen& m_seen;
};

Seen import_with(const std::string& path, std::size_t chunk_bytes, unsigned threads) {
    Seen seen;
    RecordingSink sink(seen);
    KeyRegistry keys;
    Rejects rejects([&](const RejectedRow& r) {
        seen.rejects.emplace_back(r.line, std::string(r.reason), std::string(r.detail), std::string(r.raw));
    });
    io::IncidentImporter importer(sink, keys, rejects, "EPSG:27700");
    importer.set_parallel_reading(chunk_bytes, threads);
    seen.report = importer.import_file(path, {});
    return seen;
}

// One line per incident and reject, so that a failure shows where two reads differ.
std::string describe(const Seen& seen) {
    std::string out;
    for (const auto& [key, line, x, y, location, category] : seen.incidents)
        out += fmt::format("incident {} line {} at {:.3f},{:.3f} '{}' {}\n", key, line, x, y, location, category);
    for (const auto& [line, reason, detail, raw] : seen.rejects)
        out += fmt::format("reject line {} {} ({}) raw '{}'\n", line, reason, detail, raw);
    return out;
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream out(path, std::ios::binary);
    out << bytes;
}

} // namespace

TEST_CASE("a single pass over a messy police.uk file reads what a person reading it would", "[io][parallel]") {
    test::TempDir dir;
    write_file(dir.file("messy.csv"), k_messy);
    Seen one = import_with(dir.file("messy.csv"), 1 << 20, 1);
    CHECK(one.report.rows_read == 14);
    CHECK(one.report.kept == 8);
    CHECK(one.report.rejected_by_reason == std::map<std::string, std::int64_t>{{"bad_month", 1},
                                                                              {"blank_line", 1},
                                                                              {"duplicate_crime_id", 1},
                                                                              {"no_location", 1},
                                                                              {"short_row", 1},
                                                                              {"unterminated_quote", 1}});
    REQUIRE(one.incidents.size() == 8);
    CHECK(std::get<0>(one.incidents[0]) == "a1");
    CHECK(std::get<1>(one.incidents[1]) == 3);
    CHECK(std::get<4>(one.incidents[1]) == "On or near \"The Quay\",\nBack Lane");
    CHECK(std::get<1>(one.incidents[2]) == 5);
    // Two identical anti-social behaviour reports are two incidents, told apart by occurrence.
    CHECK(std::get<0>(one.incidents[3]).substr(0, 2) == "h:");
    CHECK(std::get<0>(one.incidents[3]).ends_with("#1"));
    CHECK(std::get<0>(one.incidents[4]).ends_with("#2"));
    CHECK(std::get<4>(one.incidents[5]) == "On or near Caf\xC3\xA9 Lane");
    CHECK(std::get<1>(one.incidents[6]) == 14);
    CHECK(std::get<4>(one.incidents[6]) == "On or near\n\nMill\n Lane");
    CHECK(std::get<1>(one.incidents[7]) == 18);
    CHECK(one.report.notes_by_reason.at("transcoded_from_cp1252") == 1);
    REQUIRE(one.rejects.size() == 6);
    CHECK(std::get<0>(one.rejects[0]) == 8);
    CHECK(std::get<1>(one.rejects[0]) == "duplicate_crime_id");
    CHECK(std::get<0>(one.rejects[2]) == 10);
    CHECK(std::get<1>(one.rejects[2]) == "blank_line");
    CHECK(std::get<0>(one.rejects[4]) == 13);
    CHECK(std::get<0>(one.rejects[5]) == 19);
    CHECK(std::get<1>(one.rejects[5]) == "unterminated_quote");
    CHECK(std::get<3>(one.rejects[5]) == "a10,2025-02,Notts,Notts,-1.21,53.07,\"On or near the end");
}

TEST_CASE("every chunk size and thread count reads a file exactly as one pass does", "[io][parallel]") {
    test::TempDir dir;
    write_file(dir.file("messy.csv"), k_messy);
    const Seen one = import_with(dir.file("messy.csv"), 1 << 20, 1);
    for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377}) {
        for (unsigned threads : {1u, 2u, 3u}) {
            INFO("chunk " << chunk << " bytes, " << threads << " threads");
            Seen cut = import_with(dir.file("messy.csv"), chunk, threads);
            CHECK(describe(cut) == describe(one));
            CHECK(cut.report.rows_read == one.report.rows_read);
            CHECK(cut.report.rejected_by_reason == one.report.rejected_by_reason);
            CHECK(cut.report.notes_by_reason == one.report.notes_by_reason);
        }
    }
}

TEST_CASE("a quoted field that runs on through many chunks reads as one pass reads it", "[io][parallel]") {
    // A stray quote opens a field that runs on for 3,000 lines, then closes mid-row; the rows
    // after it read normally. Chunks of 64 bytes pass over ~2,800 chunks inside the field.
    std::string bytes = k_messy.substr(0, k_messy.find("a4,"));
    bytes += "b1,2025-03,Notts,Notts,-1.26,53.12,\"On or near Station Road,E01028000,Ashfield 001A,Burglary,,\n";
    for (int i = 0; i < 3000; ++i) bytes += fmt::format("b{},2025-03,Notts,Notts,-1.26,53.12,On or near X,E01028000,A,B,,\n", i + 2);
    bytes += "end\",E01028000,Ashfield 001A,Burglary,,\n";
    bytes += "c1,2025-03,Notts,Notts,-1.25,53.11,On or near Park Street,E01028001,Ashfield 001B,Drugs,,\n";
    test::TempDir dir;
    write_file(dir.file("stray_quote.csv"), bytes);
    const Seen one = import_with(dir.file("stray_quote.csv"), 1 << 20, 1);
    // The field is b1's Location, 3,002 lines long; c1 is read where it starts.
    REQUIRE(one.incidents.size() >= 2);
    const auto& b1 = one.incidents[one.incidents.size() - 2];
    const auto& c1 = one.incidents.back();
    CHECK(std::get<0>(b1) == "b1");
    CHECK(std::get<4>(b1).starts_with("On or near Station Road,E01028000"));
    CHECK(std::get<4>(b1).ends_with(",,\nend"));
    CHECK(std::get<0>(c1) == "c1");
    CHECK(std::get<1>(c1) == std::get<1>(b1) + 3002);
    for (unsigned threads : {1u, 3u}) {
        INFO(threads << " threads");
        const Seen cut = import_with(dir.file("stray_quote.csv"), 64, threads);
        CHECK(describe(cut) == describe(one));
        CHECK(cut.report.rejected_by_reason == one.report.rejected_by_reason);
    }
}

TEST_CASE("a real police.uk file reads the same in many small chunks on many threads", "[io][parallel]") {
    const std::string path = test::test_data("policeuk/2025-01-notts-excerpt.csv.gz");
    const Seen one = import_with(path, 1 << 20, 1);
    CHECK(one.report.rows_read == 24);
    const Seen cut = import_with(path, 97, 4);
    CHECK(describe(cut) == describe(one));
}

TEST_CASE("a truncated gzip file fails at the line where reading stopped, however it is cut", "[io][parallel]") {
    // tests/data/policeuk/truncated.csv.gz: 48 whole lines decode before the stream ends early.
    const std::string path = test::test_data("policeuk/truncated.csv.gz");
    for (std::size_t chunk : {std::size_t{97}, std::size_t{1} << 20}) {
        for (unsigned threads : {1u, 3u}) {
            INFO("chunk " << chunk << " bytes, " << threads << " threads");
            CHECK_THROWS_AS(import_with(path, chunk, threads), IoError);
            CHECK_THROWS_WITH(import_with(path, chunk, threads),
                              Catch::EndsWith("truncated.csv.gz: line 49: read failed (unexpected end of file); "
                                              "the file may be truncated or corrupt"));
        }
    }
}

TEST_CASE("chunks cut a file at line ends and put it back together exactly", "[io][parallel]") {
    test::TempDir dir;
    std::string text;
    for (int i = 0; i < 500; ++i) text += fmt::format("row {},{}\n", i, std::string(static_cast<std::size_t>(i % 37), 'x'));
    text += "a last line without an end";
    write_file(dir.file("plain.csv"), text);
    gzFile gz = gzopen(dir.file("packed.csv.gz").c_str(), "wb");
    REQUIRE(gz);
    REQUIRE(gzwrite(gz, text.data(), static_cast<unsigned>(text.size())) == static_cast<int>(text.size()));
    gzclose(gz);
    for (const char* name : {"plain.csv", "packed.csv.gz"}) {
        for (std::size_t size : {1, 10, 100, 4096, 1 << 20}) {
            INFO(name << " in chunks of " << size);
            io::CsvChunkSource source(dir.file(name), size);
            io::CsvChunk chunk;
            std::string joined;
            int chunks = 0, lasts = 0;
            while (source.next(chunk)) {
                ++chunks;
                CHECK(chunk.at_file_start == (chunks == 1));
                if (chunk.last) ++lasts;
                else CHECK(chunk.bytes.back() == '\n');
                joined += chunk.bytes;
            }
            CHECK(joined == text);
            CHECK(lasts == 1);
        }
    }
}

TEST_CASE("an empty file is one empty first chunk", "[io][parallel]") {
    test::TempDir dir;
    write_file(dir.file("empty.csv"), "");
    io::CsvChunkSource source(dir.file("empty.csv"), 64);
    io::CsvChunk chunk;
    REQUIRE(source.next(chunk));
    CHECK(chunk.bytes.empty());
    CHECK(chunk.at_file_start);
    CHECK(chunk.last);
    CHECK_FALSE(source.next(chunk));
}

TEST_CASE("every thread that commits rows sees the caller's GDAL settings", "[io][parallel]") {
    // GDAL reads some settings on a layer's first write, on whichever thread that is: PostGIS
    // imports ran as a million single INSERTs whenever a helper thread committed the first rows,
    // because the caller's PG_USE_COPY was its own thread's.
    class Recording : public IncidentSink {
    public:
        void write(const Incident&) override { seen.emplace_back(CPLGetConfigOption("SAFERMAP_TEST_SETTING", "unset")); }
        // As io::IncidentWriter's: the importer runs it first on each helper thread.
        std::function<void()> helper_thread_setup() const override { return io::share_thread_options(); }
        std::vector<std::string> seen;
    } sink;
    io::ScopedConfigOption setting("SAFERMAP_TEST_SETTING", "caller's");
    KeyRegistry keys;
    Rejects rejects;
    io::IncidentImporter importer(sink, keys, rejects, "EPSG:27700");
    importer.set_parallel_reading(512, 4); // a chunk every few rows, four threads
    importer.import_file(test::test_data("policeuk/2025-01-notts-excerpt.csv"), {});
    REQUIRE(sink.seen.size() > 20);
    CHECK(std::count(sink.seen.begin(), sink.seen.end(), "caller's") == static_cast<long>(sink.seen.size()));
}

TEST_CASE("the project's incident writer gives reading threads the caller's GDAL settings, reading into memory none",
          "[io][parallel]") {
    test::TempDir dir;
    auto store = io::ProjectStore::create(dir.file("p.gpkg"), {});
    io::IncidentWriter writer(store);
    // The settings are those of the moment the importer asks, as run_import sets PG_USE_COPY first.
    io::ScopedConfigOption setting("SAFERMAP_TEST_SETTING", "caller's");
    const std::function<void()> setup = writer.helper_thread_setup();
    REQUIRE(setup);
    std::string seen_with, seen_without;
    std::thread([&] {
        seen_without = CPLGetConfigOption("SAFERMAP_TEST_SETTING", "unset");
        setup();
        seen_with = CPLGetConfigOption("SAFERMAP_TEST_SETTING", "unset");
    }).join();
    CHECK(seen_without == "unset"); // thread-local: what the setup is for
    CHECK(seen_with == "caller's");
    // Collecting points in memory asks for nothing, so that reading a file never loads GDAL.
    io::PointSet points;
    const io::PointFilter all;
    io::PointCollector collector(points, all);
    CHECK_FALSE(collector.helper_thread_setup());
}
