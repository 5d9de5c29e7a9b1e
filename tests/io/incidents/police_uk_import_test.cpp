// SPDX-License-Identifier: MIT
#include "core/error.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/project/import_job.hpp"
#include "io/incidents/incident_export.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_summary.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fstream>
#include <sstream>

using namespace safermap;

namespace {

io::ImportRequest incidents_request(const std::string& project, std::vector<std::string> files, const std::string& rejects) {
    io::ImportRequest r;
    r.project = project;
    r.incident_files = std::move(files);
    r.rejects_path = rejects;
    return r;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::vector<std::vector<std::string>> read_csv(const std::string& path) {
    io::CsvReader reader(path);
    io::CsvRecord r;
    std::vector<std::vector<std::string>> rows;
    while (reader.next(r)) rows.push_back(r.fields);
    return rows;
}

} // namespace

TEST_CASE("a real police.uk excerpt imports with every row accounted for", "[io][policeuk]") {
    test::TempDir dir;
    auto s = io::run_import(incidents_request(dir.file("p.gpkg"), {test::test_data("policeuk/2025-01-notts-excerpt.csv")},
                                              dir.file("rejects.csv")));
    REQUIRE(s.incidents.size() == 1);
    CHECK(s.incidents[0].format == "police.uk");
    const RunReport& r = s.incidents_total;
    // 24 rows (tests/data/README.md): 2 "No Location", 1 repeat of Crime ID 0251570105...
    CHECK(r.rows_read == 24);
    CHECK(r.kept == 21);
    CHECK(r.rejected_by_reason == std::map<std::string, std::int64_t>{{"duplicate_crime_id", 1}, {"no_location", 2}});
    auto rejects = read_csv(dir.file("rejects.csv"));
    REQUIRE(rejects.size() == 4);
    CHECK(rejects[0] == std::vector<std::string>{"source", "line", "reason", "detail", "raw"});
    CHECK(rejects[1][0] == "2025-01-notts-excerpt.csv");
    CHECK(rejects[1][1] == "22");
    CHECK(rejects[1][2] == "no_location");
    CHECK(rejects[3][1] == "25");
    CHECK(rejects[3][2] == "duplicate_crime_id");

    io::ProjectSummary info = io::summarise_project(dir.file("p.gpkg"));
    CHECK(info.rows_read == 24);
    CHECK(info.incidents == 21);
    CHECK(info.incidents + info.rejected == info.rows_read);
    CHECK(info.first_month == "2025-01");
    CHECK(info.crs == "EPSG:27700");
}

TEST_CASE("every kind of bad row is counted under its reason", "[io][policeuk]") {
    test::TempDir dir;
    auto s = io::run_import(incidents_request(dir.file("p.gpkg"), {test::test_data("policeuk/bad_rows.csv")}, dir.file("r.csv")));
    const RunReport& r = s.incidents_total;
    CHECK(r.rows_read == 17);
    // Kept: lines 2-4 (two identical ASB reports are two incidents), 15 (Cornwall), 16 (cp1252), 17 (quoted).
    CHECK(r.kept == 6);
    CHECK(r.rejected_by_reason == std::map<std::string, std::int64_t>{{"bad_coordinates", 2},
                                                                      {"bad_month", 2},
                                                                      {"coordinates_out_of_range", 2},
                                                                      {"duplicate_crime_id", 1},
                                                                      {"long_row", 1},
                                                                      {"no_location", 1},
                                                                      {"short_row", 1},
                                                                      {"unterminated_quote", 1}});
    CHECK(r.notes_by_reason.at("transcoded_from_cp1252") == 1);
    auto rejects = read_csv(dir.file("r.csv"));
    REQUIRE(rejects.size() == 12);
    std::map<std::string, std::string> reason_by_line;
    for (std::size_t i = 1; i < rejects.size(); ++i) reason_by_line[rejects[i][1]] = rejects[i][2];
    CHECK(reason_by_line == std::map<std::string, std::string>{{"5", "short_row"}, {"6", "long_row"}, {"7", "bad_month"},
                                                               {"8", "bad_month"}, {"9", "no_location"}, {"10", "bad_coordinates"},
                                                               {"11", "bad_coordinates"}, {"12", "coordinates_out_of_range"},
                                                               {"13", "coordinates_out_of_range"}, {"14", "duplicate_crime_id"},
                                                               {"18", "unterminated_quote"}});

    // The cp1252 row is stored as UTF-8; the quoted Location keeps its comma and quotes.
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    OGRLayer& layer = store.layer(io::schema::k_incidents);
    std::vector<std::string> locations;
    for (auto& f : layer) locations.emplace_back(f->GetFieldAsString("location"));
    CHECK(std::count(locations.begin(), locations.end(), "On or near St Mary\xE2\x80\x99s \xC2\xA3 Shop") == 1);
    CHECK(std::count(locations.begin(), locations.end(), "On or near \"The Square\", Sutton") == 1);
}

TEST_CASE("re-importing the same file adds nothing", "[io][policeuk]") {
    test::TempDir dir;
    auto file = test::test_data("policeuk/bad_rows.csv");
    io::run_import(incidents_request(dir.file("p.gpkg"), {file}, dir.file("r1.csv")));
    auto again = io::run_import(incidents_request(dir.file("p.gpkg"), {file}, dir.file("r2.csv")));
    CHECK(again.incidents_total.kept == 0);
    // The 6 kept rows, and line 14 (a repeat of line 2's Crime ID), are all already stored.
    CHECK(again.incidents_total.rejected_by_reason.at("already_in_project") == 7);
    // The same file twice in one import: the second copy is all duplicates.
    auto twice = io::run_import(incidents_request(dir.file("q.gpkg"), {file, file}, dir.file("r3.csv")));
    CHECK(twice.incidents_total.kept == 6);
    CHECK(twice.incidents[1].report.kept == 0);
    // Second copy: lines 2, 14, 15, 16, 17 repeat Crime IDs of the first; lines 3-4 repeat its ASB rows.
    CHECK(twice.incidents[1].report.rejected_by_reason.at("duplicate_crime_id") == 5);
    CHECK(twice.incidents[1].report.rejected_by_reason.at("duplicate_row") == 2);

    io::ProjectSummary info = io::summarise_project(dir.file("p.gpkg"));
    CHECK(info.rows_read == 34);
    CHECK(info.incidents == 6);
    CHECK(info.incidents + info.rejected == info.rows_read);
}

TEST_CASE("an import that fails part-way leaves the project as it was", "[io][policeuk][transaction]") {
    test::TempDir dir;
    auto project = dir.file("p.gpkg");
    io::run_import(incidents_request(project, {test::test_data("policeuk/2025-01-notts-excerpt.csv")}, dir.file("r.csv")));
    // The first file imports fine inside the transaction; the second is a gzip cut off mid-stream.
    auto failing = incidents_request(project, {test::test_data("policeuk/bad_rows.csv"), test::test_data("policeuk/truncated.csv.gz")},
                                     dir.file("r2.csv"));
    REQUIRE_THROWS_AS(io::run_import(failing), IoError);
    REQUIRE_THROWS_WITH(io::run_import(failing), Catch::Contains("truncated.csv.gz"));
    io::ProjectSummary info = io::summarise_project(project);
    CHECK(info.incidents == 21);
    CHECK(info.rows_read == 24);
    CHECK(info.import_log.size() == 1);

    // A new project whose first import fails is not left behind half-made.
    auto fresh = dir.file("fresh.gpkg");
    REQUIRE_THROWS_AS(io::run_import(incidents_request(fresh, {test::test_data("policeuk/truncated.csv.gz")}, dir.file("r3.csv"))), IoError);
    CHECK_FALSE(std::filesystem::exists(fresh));
}

TEST_CASE("police.uk rows round-trip through the project byte for byte", "[io][policeuk][roundtrip]") {
    test::TempDir dir;
    auto source = test::test_data("policeuk/2025-01-notts-excerpt.csv");
    io::run_import(incidents_request(dir.file("p.gpkg"), {source}, dir.file("r.csv")));
    CHECK(io::export_incidents(dir.file("p.gpkg"), {}, dir.file("out.csv"), "incidents").incidents == 21);
    // Expected: the source file without the 3 rejected rows (lines 22, 23 and 25).
    std::istringstream in(slurp(source));
    std::string line, expected;
    for (int n = 1; std::getline(in, line); ++n) {
        if (n != 22 && n != 23 && n != 25) expected += line + "\n";
    }
    CHECK(slurp(dir.file("out.csv")) == expected);
}

TEST_CASE("stored incidents carry their BNG position and provenance", "[io][policeuk]") {
    test::TempDir dir;
    io::run_import(incidents_request(dir.file("p.gpkg"), {test::test_data("policeuk/2025-01-notts-excerpt.csv")}, dir.file("r.csv")));
    auto store = io::ProjectStore::open(dir.file("p.gpkg"), false);
    OGRLayer& layer = store.layer(io::schema::k_incidents);
    REQUIRE(layer.GetSpatialRef());
    CHECK(std::string(layer.GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    layer.SetAttributeFilter("crime_id = '2f006e797f6ba92344b391cb73188494bbac22d7d5992a505103facfbad105d5'");
    OGRFeatureUniquePtr f(layer.GetNextFeature());
    REQUIRE(f);
    Incident inc;
    io::read_incident(*f, inc);
    CHECK(inc.source_line == 3);
    CHECK(inc.src_x == "-1.259196");
    CHECK(inc.lsoa_name == "Ashfield 001A");
    REQUIRE(inc.xy);
    // St Andrews Crescent, Skegby: about 449,700 E, 360,800 N (OS grid square SK4960).
    CHECK(inc.xy->x == Approx(449700).margin(600));
    CHECK(inc.xy->y == Approx(360800).margin(600));
}
