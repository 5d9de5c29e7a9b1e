// SPDX-License-Identifier: MIT
// An analysis of one CSV reads its rows as bare points (IncidentImporter::set_point_sink):
// no key, no attributes, a line split at commas where the chunk has no quote. Whatever the
// file, the chunk size and the thread count, it must give exactly what the full import path
// gives: the same points in the same order, the same categories, counts, notes and rejects.
#include "core/error.hpp"
#include "core/key_registry.hpp"
#include "core/rejects.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/incidents/incident_rows.hpp"
#include "io/incidents/point_collector.hpp"
#include "io/incidents/point_loader.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <zlib.h>

#include <fstream>
#include <sstream>

using namespace safermap;

namespace {

struct Read {
    io::PointSet points;
    std::vector<std::string> rejects; // line, reason, detail, raw
    std::int64_t bare_points = 0;     // rows that came as bare points
};

// Counts the bare points on their way to the collector.
class CountingSink : public io::PointRowSink {
public:
    CountingSink(io::PointRowSink& to, std::int64_t& count) : m_to(to), m_count(count) {}
    void write_point(const io::PointRow& row, const std::string& category) override {
        ++m_count;
        m_to.write_point(row, category);
    }

private:
    io::PointRowSink& m_to;
    std::int64_t& m_count;
};

// What load_file_points does with one file, with the points-only read on or off.
Read read(const std::string& path, const io::IncidentColumns& columns, const std::string& crs, bool points_only,
          std::size_t chunk_bytes = 1 << 18, unsigned threads = 1, const io::PointFilter& filter = {}) {
    Read out;
    out.points.crs = crs;
    io::PointCollector collector(out.points, filter);
    CountingSink counting(collector, out.bare_points);
    KeyRegistry keys;
    Rejects rejects([&](const RejectedRow& r) {
        out.rejects.push_back(fmt::format("{} {} ({}) '{}'", r.line, r.reason, r.detail, r.raw));
    });
    io::IncidentImporter importer(collector, keys, rejects, crs);
    importer.set_parallel_reading(chunk_bytes, threads);
    if (points_only) importer.set_point_sink(&counting);
    const RunReport report = importer.import_file(path, columns);
    out.points.report.rows_read = report.rows_read;
    out.points.report.rejected_by_reason = report.rejected_by_reason;
    for (const auto& [k, v] : report.notes_by_reason) out.points.report.notes_by_reason[k] += v;
    return out;
}

// Everything analysis sees, a line per point and reject, so that a failure shows the difference.
std::string describe(const Read& r) {
    const io::PointSet& p = r.points;
    std::string out = fmt::format("{} rows read\n", p.report.rows_read);
    for (std::size_t i = 0; i < p.size(); ++i)
        out += fmt::format("point {} {} w {} month {} day {} '{}'\n", p.x[i], p.y[i], p.weight[i], p.month[i], p.day[i],
                           p.categories[p.category[i]]);
    for (const auto& [reason, n] : p.report.rejected_by_reason) out += fmt::format("rejected {} {}\n", reason, n);
    for (const auto& [reason, n] : p.report.notes_by_reason) out += fmt::format("note {} {}\n", reason, n);
    for (const auto& line : r.rejects) out += "reject " + line + "\n";
    return out;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

void write_file(const std::string& path, const std::string& bytes) {
    std::ofstream(path, std::ios::binary) << bytes;
}

void write_gzip(const std::string& path, const std::string& bytes) {
    gzFile gz = gzopen(path.c_str(), "wb");
    REQUIRE(gz);
    gzwrite(gz, bytes.data(), static_cast<unsigned>(bytes.size()));
    gzclose(gz);
}

std::string with_crlf(const std::string& lf) {
    std::string out;
    for (char c : lf) {
        if (c == '\n') out += '\r';
        out += c;
    }
    return out;
}

io::IncidentColumns odd_columns() {
    io::IncidentColumns c;
    c.x = "Easting";
    c.y = "Northing";
    c.crs = "EPSG:27700";
    c.date = "Ref Date";
    c.category = "Category";
    c.weight = "Weight";
    c.address = "Address";
    return c;
}

// A fixture in every form an export comes in: as written (LF), CRLF with a byte order mark,
// without its last line end, and gzipped; file names start with `prefix`.
std::vector<std::string> variants(const test::TempDir& dir, const std::string& fixture, const std::string& prefix) {
    const std::string lf = slurp(test::test_data(fixture));
    const std::vector<std::string> paths{dir.file(prefix + "lf.csv"), dir.file(prefix + "crlf_bom.csv"),
                                         dir.file(prefix + "no_last_newline.csv"), dir.file(prefix + "crlf.csv.gz")};
    write_file(paths[0], lf);
    write_file(paths[1], "\xEF\xBB\xBF" + with_crlf(lf));
    write_file(paths[2], lf.substr(0, lf.size() - 1));
    write_gzip(paths[3], with_crlf(lf));
    return paths;
}

std::vector<std::string> odd_variants(const test::TempDir& dir) { return variants(dir, "csv/points_odd.csv", ""); }
std::vector<std::string> police_variants(const test::TempDir& dir) { return variants(dir, "policeuk/points_odd.csv", "police_"); }

} // namespace

TEST_CASE("the odd fixture read the full way: what each row gives", "[io][points]") {
    const Read full = read(test::test_data("csv/points_odd.csv"), odd_columns(), "EPSG:27700", false);
    const io::PointSet& p = full.points;
    CHECK(p.report.rows_read == 25);
    CHECK(p.report.rejected_by_reason == std::map<std::string, std::int64_t>{{"bad_coordinates", 4},
                                                                          {"bad_date", 1},
                                                                          {"bad_weight", 1},
                                                                          {"blank_line", 1},
                                                                          {"coordinates_out_of_range", 1},
                                                                          {"long_row", 1},
                                                                          {"no_location", 1},
                                                                          {"short_row", 1},
                                                                          {"unterminated_quote", 1}});
    CHECK(p.report.notes_by_reason ==
          std::map<std::string, std::int64_t>{{"not_geocoded", 1}, {"transcoded_from_cp1252", 1}});
    // Lines 2, 3, 12, 13, 14, 15-16, 17, 18, 19, 24, 25 and 26 (a CR is space round a number).
    REQUIRE(p.size() == 12);
    CHECK(p.x[0] == 449500.5);
    CHECK(p.weight[0] == 1.5);
    CHECK(p.month[0] == 2025 * 12);
    CHECK(p.day[0] == io::day_number("2025-01-05"));
    CHECK(p.categories[p.category[2]] == "Caf\xC3\xA9 noise");
    CHECK(p.day[5] == io::day_number("2025-02-05"));
    CHECK(p.weight[6] == 1);
    CHECK(p.x[7] == 449503);
    CHECK(p.y[8] == 458954);
    CHECK(p.categories[p.category[9]] == "Theft \"from\" person");
    CHECK(p.day[9] == -1);
}

TEST_CASE("a points-only read of an odd file gives what the full read gives", "[io][points]") {
    test::TempDir dir;
    for (const auto& path : odd_variants(dir)) {
        INFO(path);
        const Read full = read(path, odd_columns(), "EPSG:27700", false);
        const Read bare = read(path, odd_columns(), "EPSG:27700", true);
        CHECK(describe(bare) == describe(full));
        CHECK(bare.bare_points == 11); // all but the Windows-1252 row, whose repair earns a note
        CHECK(full.bare_points == 0);
    }
}

TEST_CASE("every chunk size and thread count of a points-only read gives the full read", "[io][points]") {
    test::TempDir dir;
    for (const auto& path : odd_variants(dir)) {
        const Read full = read(path, odd_columns(), "EPSG:27700", false);
        for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377}) {
            for (unsigned threads : {1u, 2u, 3u}) {
                INFO(path << ", chunks of " << chunk << " bytes, " << threads << " threads");
                CHECK(describe(read(path, odd_columns(), "EPSG:27700", true, chunk, threads)) == describe(full));
            }
        }
    }
}

TEST_CASE("a points-only read applies the filters as the full read does", "[io][points]") {
    test::TempDir dir;
    io::PointFilter filter;
    filter.categories = {"burglary"};
    filter.from_month = "2025-02";
    filter.to_month = "2025-03";
    for (const auto& path : odd_variants(dir)) {
        INFO(path);
        const Read full = read(path, odd_columns(), "EPSG:27700", false, 64, 2, filter);
        const Read bare = read(path, odd_columns(), "EPSG:27700", true, 64, 2, filter);
        CHECK(describe(bare) == describe(full));
        CHECK(full.points.size() == 6);
        CHECK(full.points.report.notes_by_reason.at("filtered_out_by_category") == 5);
        CHECK(full.points.report.notes_by_reason.at("filtered_out_by_month") == 2);
    }
}

TEST_CASE("a points-only read of real exports gives what the full read gives", "[io][points]") {
    // A council export (quoted addresses, a repeated case reference read without --id), and
    // plain planar x,y with --crs none.
    io::IncidentColumns council;
    council.x = "Easting";
    council.y = "Northing";
    council.crs = "EPSG:27700";
    council.date = "Date Reported";
    council.category = "Category";
    council.address = "Address";
    council.postcode = "Postcode";
    const auto path = test::test_data("csv/council_asb.csv");
    const Read full = read(path, council, "EPSG:27700", false);
    CHECK(describe(read(path, council, "EPSG:27700", true)) == describe(full));
    CHECK(full.points.size() == 3); // ASB-001 twice (one file without ids has no duplicates), ASB-005

    io::IncidentColumns planar;
    planar.x = "x";
    planar.y = "y";
    planar.crs = "EPSG:27700";
    const auto points = test::test_data("csv/cluster_points.csv");
    const Read planar_full = read(points, planar, "none", false);
    const Read planar_bare = read(points, planar, "none", true);
    CHECK(describe(planar_bare) == describe(planar_full));
    CHECK(planar_bare.bare_points == static_cast<std::int64_t>(planar_full.points.size()));
}

TEST_CASE("the odd police.uk fixture read the full way: what each row gives", "[io][points]") {
    const Read full = read(test::test_data("policeuk/points_odd.csv"), {}, "EPSG:27700", false);
    const io::PointSet& p = full.points;
    CHECK(p.report.rows_read == 27);
    // Duplicate Crime IDs: line 14 repeats line 2's, 18 the re-encoded line 16's, 19 the quoted
    // line 17's, 21 (re-encoded) line 20's, 25 line 24's (whose coordinates have spaces round
    // them) and 27 the quoted "aa16" of line 26. Line 15 (Cornwall) is inside the grid's area.
    CHECK(p.report.rejected_by_reason == std::map<std::string, std::int64_t>{{"bad_coordinates", 2},
                                                                          {"bad_month", 2},
                                                                          {"blank_line", 1},
                                                                          {"coordinates_out_of_range", 2},
                                                                          {"duplicate_crime_id", 6},
                                                                          {"long_row", 1},
                                                                          {"no_location", 1},
                                                                          {"short_row", 1},
                                                                          {"unterminated_quote", 1}});
    CHECK(p.report.notes_by_reason == std::map<std::string, std::int64_t>{{"transcoded_from_cp1252", 2}});
    REQUIRE(p.size() == 10);
    CHECK(p.categories[p.category[0]] == "Burglary");
    CHECK(p.month[0] == 2025 * 12);
    CHECK(p.day[0] == -1);
    CHECK(p.weight[0] == 1);
}

TEST_CASE("a points-only read of an odd police.uk file gives what the full read gives", "[io][points]") {
    test::TempDir dir;
    for (const auto& path : police_variants(dir)) {
        const Read full = read(path, {}, "EPSG:27700", false);
        CHECK(full.bare_points == 0);
        const Read bare = read(path, {}, "EPSG:27700", true);
        CHECK(bare.bare_points == 9); // all kept rows but line 16, re-encoded
        for (std::size_t chunk : {1, 2, 3, 5, 8, 13, 21, 34, 55, 89, 144, 233, 377, 1 << 18}) {
            for (unsigned threads : {1u, 2u, 3u}) {
                INFO(path << ", chunks of " << chunk << " bytes, " << threads << " threads");
                CHECK(describe(read(path, {}, "EPSG:27700", true, chunk, threads)) == describe(full));
            }
        }
    }
}

TEST_CASE("a repeated Crime ID on a last line ended by a bare CR is rejected with the text the full read gives", "[io][points]") {
    // CsvReader keeps a CR that ends the file without a newline in the row's raw text.
    const std::string row = "aa1,2025-01,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,";
    const std::string header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                               "Last outcome category,Context";
    test::TempDir dir;
    write_file(dir.file("cr.csv"), header + "\r\n" + row + "\r\n" + row + "\r");
    const Read full = read(dir.file("cr.csv"), {}, "EPSG:27700", false);
    REQUIRE(full.rejects.size() == 1);
    CHECK(full.rejects[0].ends_with("Context\r'") == false);
    CHECK(full.rejects[0].ends_with(",,\r'"));
    for (unsigned threads : {1u, 2u})
        for (std::size_t chunk : {1, 7, 1 << 18}) CHECK(describe(read(dir.file("cr.csv"), {}, "EPSG:27700", true, chunk, threads)) == describe(full));
}

TEST_CASE("a points-only read of real police.uk rows gives what the full read gives", "[io][points]") {
    for (const char* name : {"policeuk/2025-01-notts-excerpt.csv", "policeuk/2025-01-notts-excerpt.csv.gz"}) {
        INFO(name);
        const Read full = read(test::test_data(name), {}, "EPSG:27700", false);
        const Read bare = read(test::test_data(name), {}, "EPSG:27700", true, 4096, 2);
        CHECK(describe(bare) == describe(full));
        CHECK(bare.bare_points == static_cast<std::int64_t>(full.points.size()));
        CHECK(full.points.report.rejected_by_reason.at("duplicate_crime_id") == 1);
    }
}

// PROJ's search for a transformation (40-50 ms) runs on a thread of its own while the first
// chunks are parsed; their points are placed when each chunk's turn comes. Each case below
// takes a working CRS that nothing else in this program asks for from WGS 84, so that its
// read is the first and starts while PROJ searches; the full read after it compares.
TEST_CASE("a points-only read that starts while PROJ searches gives the full read", "[io][points]") {
    test::TempDir dir;
    const std::string odd = police_variants(dir).front();
    struct Case {
        std::string path, crs;
        std::size_t chunk;
        unsigned threads;
    };
    const std::vector<Case> cases = {
        {test::test_data("policeuk/2025-01-notts-excerpt.csv"), "EPSG:3035", 4096, 2},
        {test::test_data("policeuk/2025-01-notts-excerpt.csv.gz"), "EPSG:32630", 1 << 18, 1},
        {odd, "EPSG:25830", 13, 3},
        // Outside these CRSs' areas of use PROJ refuses every point: the chunks are parsed
        // again with the transformation at hand, and every row is rejected as the full read does.
        {odd, "EPSG:29902", 55, 2},
        {test::test_data("policeuk/2025-01-notts-excerpt.csv"), "EPSG:2157", 4096, 2},
    };
    for (const auto& c : cases) {
        INFO(c.path << " into " << c.crs << ", chunks of " << c.chunk << " bytes, " << c.threads << " threads");
        const Read bare = read(c.path, {}, c.crs, true, c.chunk, c.threads);
        const Read full = read(c.path, {}, c.crs, false);
        CHECK(describe(bare) == describe(full));
        if (c.crs == "EPSG:29902" || c.crs == "EPSG:2157") {
            CHECK(full.points.size() == 0);
            CHECK(full.points.report.rejected_by_reason.count("coordinates_out_of_range") == 1);
        } else {
            CHECK(full.points.size() > 0);
        }
    }
}

TEST_CASE("a points-only read that starts while PROJ searches: some points refused, rows cut across chunks, a failed search",
          "[io][points]") {
    const std::string header = "Crime ID,Month,Reported by,Falls within,Longitude,Latitude,Location,LSOA code,LSOA name,Crime type,"
                               "Last outcome category,Context\n";
    auto row = [](int id, const char* lon, const char* lat, const char* location) {
        return fmt::format("b{},2025-0{},Notts,Notts,{},{},{},E01028000,Ashfield 001A,Burglary,,\n", id, 1 + id % 9, lon, lat, location);
    };
    test::TempDir dir;
    // In one chunk, points PROJ places and points outside the target's area of use (Asia, for
    // a European CRS): the chunk is parsed again, and the refused rows rejected as the full read has them.
    std::string mixed = header;
    for (int i = 0; i < 12; ++i) mixed += i % 3 == 1 ? row(i, "100.5", "10.25", "On or near Far Away") : row(i, "-1.26", "53.12", "On or near Station Road");
    write_file(dir.file("mixed.csv"), mixed);
    {
        const Read bare = read(dir.file("mixed.csv"), {}, "EPSG:3034", true);
        const Read full = read(dir.file("mixed.csv"), {}, "EPSG:3034", false);
        CHECK(describe(bare) == describe(full));
        CHECK(full.points.size() == 8);
        CHECK(full.points.report.rejected_by_reason.at("coordinates_out_of_range") == 4);
    }
    // Quoted locations running over line ends, cut by 13-byte chunks: a cut-off row is joined to
    // the next chunk and parsed again in its turn, while the search may still run.
    std::string quoted = header;
    for (int i = 0; i < 12; ++i) quoted += row(i, "-1.25", "53.13", "\"On or near\nHigh Street, \"\"the\"\" end\"");
    write_file(dir.file("quoted.csv"), quoted);
    {
        const Read bare = read(dir.file("quoted.csv"), {}, "EPSG:32631", true, 13, 2);
        const Read full = read(dir.file("quoted.csv"), {}, "EPSG:32631", false);
        CHECK(describe(bare) == describe(full));
        CHECK(full.points.size() == 12);
    }
    // A search that fails is the read's CrsError, naming the CRS, whichever thread meets it.
    for (unsigned threads : {1u, 2u}) {
        INFO(threads << " threads");
        REQUIRE_THROWS_AS(read(dir.file("mixed.csv"), {}, "EPSG:999998", true, 64, threads), CrsError);
        REQUIRE_THROWS_WITH(read(dir.file("mixed.csv"), {}, "EPSG:999998", true, 64, threads), Catch::Contains("EPSG:999998"));
    }
}

TEST_CASE("a parse that starts while PROJ searches leaves its points for place_points", "[io][points]") {
    const std::string rows = "a1,2025-01,Notts,Notts,-1.26,53.12,On or near Station Road,E01028000,Ashfield 001A,Burglary,,\n"
                             "a2,2025-02,Notts,Notts,-1.25,53.13,On or near High Street,E01028000,Ashfield 001A,Robbery,,\n";
    const io::RowFormat format{true, nullptr, "rows.csv", "EPSG:23030", true};
    io::ParsedChunk deferred;
    deferred.chunk.bytes = rows;
    deferred.chunk.last = true;
    io::RowParser first(format);
    first.parse(deferred, io::RowParser::Deferral::while_searching);
    REQUIRE(deferred.points_unplaced.valid()); // nothing has made EPSG:4326 -> EPSG:23030 yet
    REQUIRE(deferred.points.size() == 2);
    CHECK(deferred.points[0].x == -1.26); // still longitude and latitude
    first.place_points(deferred);
    CHECK_FALSE(deferred.points_unplaced.valid());

    io::ParsedChunk direct;
    direct.chunk = deferred.chunk;
    io::RowParser second(format);
    second.parse(direct, io::RowParser::Deferral::while_searching); // the search is done: no deferral
    CHECK_FALSE(direct.points_unplaced.valid());
    REQUIRE(direct.points.size() == 2);
    for (std::size_t i = 0; i < 2; ++i) {
        CHECK(deferred.points[i].x == direct.points[i].x);
        CHECK(deferred.points[i].y == direct.points[i].y);
        CHECK(deferred.points[i].month == direct.points[i].month);
    }
    CHECK(direct.points[0].x > 500000); // ED50 / UTM zone 30N eastings
}

TEST_CASE("CSVs with an id are read the full way even when points-only is asked", "[io][points]") {
    // Their rows can be duplicates of one another, so every row needs its key.
    io::IncidentColumns with_id;
    with_id.x = "Easting";
    with_id.y = "Northing";
    with_id.crs = "EPSG:27700";
    with_id.id = "Case Ref";
    const Read council = read(test::test_data("csv/council_asb.csv"), with_id, "EPSG:27700", true);
    CHECK(council.bare_points == 0);
    CHECK(council.points.report.rejected_by_reason.at("duplicate_crime_id") == 1);
}

TEST_CASE("load_file_points on one file reads it points-only, on two the full way", "[io][points]") {
    test::TempDir dir;
    const auto variants = odd_variants(dir);
    const Read full = read(variants[0], odd_columns(), "EPSG:27700", false);
    const io::PointSet one = io::load_file_points({variants[0]}, odd_columns(), "EPSG:27700", {}, dir.file("rejects.csv"));
    CHECK(one.x == full.points.x);
    CHECK(one.month == full.points.month);
    CHECK(one.report.rejected_by_reason == full.points.report.rejected_by_reason);
    CHECK(one.report.kept == 12);
    // The same file twice: the second's rows are duplicates of the first's (the not-geocoded
    // row too).
    const io::PointSet two = io::load_file_points({variants[0], variants[0]}, odd_columns(), "EPSG:27700", {}, "");
    CHECK(two.size() == 12);
    CHECK(two.report.rejected_by_reason.at("duplicate_row") == 13);
}
