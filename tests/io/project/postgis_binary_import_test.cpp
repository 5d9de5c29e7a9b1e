// SPDX-License-Identifier: MIT
// Issue #14: an import of incidents alone into an existing PostGIS project streams them by
// binary COPY on SaferMap's own connection, in a transaction of its own
// (postgres_incident_import.hpp). It must store exactly what an import through GDAL's COPY
// stores, account for rows as a GeoPackage does, and keep the transaction's promises: nothing
// seen before commit, nothing left by a failure, two imports at once each landing once.
// Against the throwaway server ctest starts.
#include "core/error.hpp"
#include "io/project/import_job.hpp"
#include "io/project/postgres_incident_import.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_store.hpp"
#include "io/project/project_summary.hpp"
#include "support/postgis.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <chrono>
#include <exception>
#include <fstream>
#include <sstream>
#include <thread>

using namespace safermap;

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

io::BoundarySpec wards() {
    io::BoundarySpec b;
    b.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    b.kind = AreaKind::ward;
    return b;
}

// The imports both projects receive: police.uk months, a council export with addresses (one
// row not geocoded), and files of dated and undated weighted rows whose extra column is kept as
// an attribute, across years the project has and years it has not.
std::vector<io::ImportRequest> imports(const test::TempDir& dir, const std::string& project, const std::string& tag) {
    {
        std::ofstream dated(dir.file("dated.csv"));
        // A NUL byte in a field: GDAL stores text as C strings, so both paths cut it there.
        dated << "x,y,when,w,note,kind\n"
                 "449500.25,358950.5,2019-03,0.1,first,Drugs\n"
                 "449600,358900,2025-01,1e-7,\"a, quoted\","
              << std::string("Theft\0 from a car", 18)
              << "\n"
                 "449700,358800,2030-12,123456.78901234567,far,Drugs\n"
                 "449800,358700,2019-04,,,\n";
        std::ofstream undated(dir.file("undated.csv"));
        undated << "x,y,w,note\n"
                   "449510.125,358960.0625,2.5,undated one\n"
                   "449520,358970,0.3333333333333333,undated two\n";
    }
    std::vector<io::ImportRequest> out;
    auto add = [&](std::vector<std::string> files) {
        io::ImportRequest r;
        r.project = project;
        r.incident_files = std::move(files);
        r.rejects_path = dir.file(fmt::format("{}-rejects-{}.csv", tag, out.size()));
        r.study_area_kind = "ward";
        out.push_back(std::move(r));
        return &out.back();
    };
    add({test::test_data("policeuk/bad_rows.csv"), test::test_data("policeuk/2025-01-notts-excerpt.csv")});
    io::ImportRequest* council = add({test::test_data("csv/council_asb.csv")});
    council->columns.x = "Easting";
    council->columns.y = "Northing";
    council->columns.crs = "EPSG:27700";
    council->columns.date = "Date Reported";
    council->columns.category = "Category";
    council->columns.address = "Address";
    council->columns.postcode = "Postcode";
    council->columns.id = "Case Ref";
    io::ImportRequest* dated = add({dir.file("dated.csv")});
    dated->columns.x = "x";
    dated->columns.y = "y";
    dated->columns.crs = "EPSG:27700";
    dated->columns.date = "when";
    dated->columns.weight = "w";
    dated->columns.category = "kind";
    io::ImportRequest* undated = add({dir.file("undated.csv")});
    undated->columns.x = "x";
    undated->columns.y = "y";
    undated->columns.crs = "EPSG:27700";
    undated->columns.weight = "w";
    return out;
}

// Every stored column of every incident but the feature ID, in feature ID order. Doubles as
// PostgreSQL prints them (the shortest text that reads back to the same bits), or to single
// precision: GDAL's text COPY sends them to 15 significant digits only, so that a weight of
// 0.3333333333333333 arrives as 0.333333333333333 that way (binary COPY sends the bits).
enum class Doubles { exact, single };
std::string stored_rows(const std::string& schema, Doubles doubles) {
    const std::string as = doubles == Doubles::exact ? "" : "::float4";
    std::string columns;
    for (const char* c : {"key", "crime_id", "month", "occurred", "category", "reported_by", "falls_within", "location", "lsoa_code",
                          "lsoa_name", "outcome", "context", "address", "postcode", "src_x", "src_y", "src_crs", "geocode_status",
                          "match_level", "match_score", "match_candidates", "gazetteer_ref", "positional_quality", "match_note",
                          "in_study_area", "source_file", "source_line", "source_format", "attributes", "ST_AsEWKT(geom)"})
        columns += fmt::format("quote_nullable({}), ", c);
    columns += fmt::format("replace(tableoid::regclass::text, '{}.', ''), ", schema); // the partition
    columns += fmt::format("quote_nullable(weight{0}), quote_nullable(own_lsoa_distance_m{0})", as);
    return test::postgis_value(fmt::format("SELECT string_agg(concat_ws('|', {1}), E'\\n' ORDER BY fid) FROM {0}.incidents",
                                           schema, columns));
}

std::string per_partition(const std::string& schema) {
    return test::postgis_value(fmt::format("SELECT string_agg(p || ' ' || n, ', ' ORDER BY p) FROM (SELECT "
                                           "replace(tableoid::regclass::text, '{0}.', '') AS p, COUNT(*) AS n FROM {0}.incidents GROUP BY 1) t",
                                           schema));
}

Incident incident(const std::string& key, const std::string& month, double x) {
    Incident inc;
    inc.key = key;
    inc.month = month;
    inc.category = "Burglary";
    inc.xy = XY{x, 358000};
    inc.source_file = "years.csv";
    inc.source_line = 2;
    return inc;
}

} // namespace

TEST_CASE("an import of incidents alone into a PostGIS project stores by binary COPY exactly what GDAL's COPY stores",
          "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string by_gdal = test::postgis_project("through_gdal"), by_copy = test::postgis_project("binary_copy");
    const std::string gpkg = dir.file("p.gpkg");
    // Through GDAL: each import also writes boundaries, so it runs in GDAL's transaction.
    for (auto r : imports(dir, by_gdal, "gdal")) {
        r.boundaries.push_back(wards());
        io::run_import(r);
    }
    // By binary COPY: the boundaries first, then the incidents alone.
    for (const std::string& project : {by_copy, gpkg}) {
        io::ImportRequest b;
        b.project = project;
        b.boundaries.push_back(wards());
        b.rejects_path = dir.file("b.csv");
        io::run_import(b);
    }
    const auto copy_imports = imports(dir, by_copy, "copy"), gpkg_imports = imports(dir, gpkg, "gpkg");
    for (std::size_t i = 0; i < copy_imports.size(); ++i) {
        INFO("import " << i);
        auto s_copy = io::run_import(copy_imports[i]), s_gpkg = io::run_import(gpkg_imports[i]);
        CHECK(s_copy.incidents_total.rows_read == s_gpkg.incidents_total.rows_read);
        CHECK(s_copy.incidents_total.kept == s_gpkg.incidents_total.kept);
        CHECK(s_copy.incidents_total.rejected_by_reason == s_gpkg.incidents_total.rejected_by_reason);
        CHECK(s_copy.incidents_total.notes_by_reason == s_gpkg.incidents_total.notes_by_reason);
        CHECK(slurp(copy_imports[i].rejects_path) == slurp(gpkg_imports[i].rejects_path));
    }
    const std::string gdal_schema = io::parse_project_location(by_gdal).schema, copy_schema = io::parse_project_location(by_copy).schema;
    const std::string rows = stored_rows(copy_schema, Doubles::exact);
    // Every column quoted, so that NULL and '' differ; the category cut at its NUL byte, as GDAL
    // and the GeoPackage cut it ...
    CHECK(rows.find("|'Theft'|") != std::string::npos);
    for (const char* weight : {"|'0.1'|", "|'1e-07'|", "|'123456.78901234567'|", "|'0.3333333333333333'|"}) {
        INFO(weight);
        CHECK(rows.find(weight) != std::string::npos); // ... and weights to the bit, as the file gives them
    }
    CHECK(stored_rows(copy_schema, Doubles::single) == stored_rows(gdal_schema, Doubles::single));
    CHECK(per_partition(copy_schema) == per_partition(gdal_schema));
    CHECK(per_partition(copy_schema) == "incidents_undated 2, incidents_y2019 2, incidents_y2025 30, incidents_y2030 1");
    CHECK(test::postgis_index_definitions(copy_schema, "incidents_y2030") == test::postgis_index_definitions(copy_schema, "incidents_y2025"));
    CHECK(test::postgis_leftovers(copy_schema) == "0 tables, 0 checks");

    // What `info` reports: the same as for the GeoPackage, import log and settings included.
    const auto a = io::summarise_project(gpkg), b = io::summarise_project(by_copy);
    CHECK(b.rows_read == a.rows_read);
    CHECK(b.incidents == a.incidents);
    CHECK(b.rejected == a.rejected);
    CHECK(b.rejected_by_reason == a.rejected_by_reason);
    CHECK(b.notes_by_reason == a.notes_by_reason);
    CHECK(b.incidents_by_category == a.incidents_by_category);
    CHECK(b.not_geocoded == a.not_geocoded);
    CHECK(b.first_month == a.first_month);
    CHECK(b.last_month == a.last_month);
    REQUIRE(b.import_log.size() == a.import_log.size());
    for (std::size_t i = 0; i < a.import_log.size(); ++i) {
        CHECK(b.import_log[i].import_id == a.import_log[i].import_id);
        CHECK(b.import_log[i].format == a.import_log[i].format);
        CHECK(b.import_log[i].report.rejected_by_reason == a.import_log[i].report.rejected_by_reason);
    }
    CHECK(io::ProjectStore::open(by_copy, false).setting("vintage.incidents") == io::ProjectStore::open(gpkg, false).setting("vintage.incidents"));
    CHECK(io::ProjectStore::open(by_copy, false).setting("study_area") == io::ProjectStore::open(gpkg, false).setting("study_area"));

    SECTION("a second import of the same files adds nothing") {
        for (const auto& r : imports(dir, by_copy, "again")) CHECK(io::run_import(r).incidents_total.kept == 0);
        CHECK(stored_rows(copy_schema, Doubles::exact) == rows);
    }
}

TEST_CASE("an import by binary COPY that fails leaves the project as it was, and nothing of its own",
          "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("copy_failed");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ImportRequest first;
    first.project = pg;
    first.boundaries.push_back(wards());
    first.incident_files = {test::test_data("policeuk/bad_rows.csv")};
    first.rejects_path = dir.file("r.csv");
    io::run_import(first);
    const auto before = io::summarise_project(pg);
    REQUIRE(before.incidents == 6);
    // The truncated file fails after the excerpt's rows, of a year new to the project, were sent.
    io::ImportRequest failing;
    failing.project = pg;
    failing.incident_files = {test::test_data("policeuk/2025-01-notts-excerpt.csv"), test::test_data("policeuk/truncated.csv.gz")};
    failing.rejects_path = dir.file("r2.csv");
    REQUIRE_THROWS_AS(io::run_import(failing), IoError);
    const auto after = io::summarise_project(pg);
    CHECK(after.incidents == before.incidents);
    CHECK(after.rows_read == before.rows_read);
    CHECK(after.import_log.size() == before.import_log.size());
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{}' AND tablename LIKE 'incidents_y%'", schema)) ==
          test::postgis_value(fmt::format("SELECT COUNT(DISTINCT substr(month, 1, 4)) FROM {}.incidents WHERE month <> ''", schema)));
}

TEST_CASE("two imports by binary COPY of the same new year both land in its partition, and a duplicate is refused",
          "[.postgis][io][import]") {
    const std::string pg = test::postgis_project("copy_twice");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ProjectStore::create(pg, {}).close();
    const io::ProjectLocation location = io::parse_project_location(pg);
    {
        io::PostgresIncidentImport one(location), two(location);
        one.sink().write(incident("x", "2025-01", 450000));
        two.sink().write(incident("z", "2025-03", 450200)); // both load 2025 aside, neither waiting
        one.sink().write(incident("y", "2025-02", 450100));
        one.finish();
        CHECK(io::summarise_project(pg).incidents == 0); // attached but not committed: unseen
        CHECK(test::postgis_value(fmt::format("SELECT to_regclass('{}.incidents_y2025') IS NULL", schema)) == "1");
        // The second finishes while the first has attached 2025 but not committed: it waits,
        // then finds the partition made and moves its rows into it.
        std::exception_ptr failed;
        std::thread other([&] {
            try {
                two.finish();
            } catch (...) {
                failed = std::current_exception();
            }
        });
        // It must be waiting for the first's lock: wait until the server says so (at most 10 s).
        std::string waiting = "0";
        for (int i = 0; i < 200 && waiting == "0"; ++i) {
            std::this_thread::sleep_for(std::chrono::milliseconds(50));
            waiting = test::postgis_value(
                fmt::format("SELECT COUNT(*) FROM pg_locks WHERE NOT granted AND relation = to_regclass('{}.incidents')", schema));
        }
        CHECK(waiting == "1");
        one.commit();
        other.join();
        if (failed) std::rethrow_exception(failed);
        two.commit();
    }
    CHECK(test::postgis_value(fmt::format("SELECT string_agg(key || ' ' || tableoid::regclass::text, ', ' ORDER BY key) FROM {}.incidents",
                                          schema)) == fmt::format("x {0}.incidents_y2025, y {0}.incidents_y2025, z {0}.incidents_y2025", schema));
    CHECK(test::postgis_value(fmt::format("SELECT string_agg(key, ',' ORDER BY fid) FROM {}.incidents", schema)) == "x,y,z");
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
    {
        io::PostgresIncidentImport one(location), two(location);
        one.sink().write(incident("w", "2026-01", 450300));
        two.sink().write(incident("w", "2026-01", 450300));
        one.finish();
        one.commit();
        REQUIRE_THROWS_WITH(two.finish(), Catch::Contains("duplicate key") && Catch::Contains("(key, month)"));
    } // the second rolls back as it closes
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM {}.incidents WHERE key = 'w'", schema)) == "1");
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
}

TEST_CASE("an import by binary COPY dropped mid-stream leaves nothing, and a row the server refuses is named by file and line",
          "[.postgis][io][import]") {
    const std::string pg = test::postgis_project("copy_dropped");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ProjectStore::create(pg, {}).close();
    const io::ProjectLocation location = io::parse_project_location(pg);
    {
        io::PostgresIncidentImport import(location);
        for (int i = 0; i < 5000; ++i) import.sink().write(incident(fmt::format("k{}", i), i % 2 ? "2025-01" : "2024-06", 450000 + i));
        // Destroyed with its COPY running, as an exception leaving run_import would.
    }
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM {}.incidents", schema)) == "0");
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{}' AND tablename LIKE 'incidents_%'", schema)) ==
          "1"); // the undated partition every project has
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");

    io::PostgresIncidentImport import(location);
    for (int line = 2; line < 12; ++line) {
        if (line == 5) continue; // a rejected row: the lines of the stream skip it
        Incident inc = incident(fmt::format("r{}", line), "2025-02", 450000 + line);
        inc.source_line = line;
        if (line == 9) inc.location = "On or near \xff\xfe"; // not UTF-8: the server refuses it
        import.sink().write(inc);
    }
    REQUIRE_THROWS_WITH(import.finish(), Catch::Contains("years.csv: line 9: the database refused the incident") &&
                                             Catch::Contains("UTF8"));
}
