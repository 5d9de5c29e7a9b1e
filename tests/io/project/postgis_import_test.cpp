// SPDX-License-Identifier: MIT
// Issue #14: importing into a PostGIS project, against the throwaway server ctest starts
// (tests/support/postgis.hpp): the same accounting as a GeoPackage, one transaction per import
// (a failed or killed import leaves nothing; readers meanwhile see the last committed state),
// duplicates refused by the database as well as by the importer, passwords never shown.
#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/import_job.hpp"
#include "io/project/import_log.hpp"
#include "io/project/project_migrations.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_summary.hpp"
#include "support/postgis.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <fstream>
#include <sstream>

using namespace safermap;

namespace {

io::ImportRequest request(const std::string& project, std::vector<std::string> files, const std::string& rejects) {
    io::ImportRequest r;
    r.project = project;
    r.incident_files = std::move(files);
    r.rejects_path = rejects;
    io::BoundarySpec wards;
    wards.path = test::source_file("shapefiles/ashfield_wards_dec2020.shp");
    wards.kind = AreaKind::ward;
    r.boundaries.push_back(wards);
    return r;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// What must match between back ends: the `info --json` contract's counts, and more.
void check_same_summary(const io::ProjectSummary& gpkg, const io::ProjectSummary& pg) {
    CHECK(pg.rows_read == gpkg.rows_read);
    CHECK(pg.incidents == gpkg.incidents);
    CHECK(pg.rejected == gpkg.rejected);
    CHECK(pg.rejected_by_reason == gpkg.rejected_by_reason);
    CHECK(pg.notes_by_reason == gpkg.notes_by_reason);
    CHECK(pg.incidents_by_category == gpkg.incidents_by_category);
    CHECK(pg.not_geocoded == gpkg.not_geocoded);
    CHECK(pg.first_month == gpkg.first_month);
    CHECK(pg.last_month == gpkg.last_month);
    CHECK(pg.boundaries_by_kind == gpkg.boundaries_by_kind);
    CHECK(pg.import_log.size() == gpkg.import_log.size());
}

long long stored_incidents(const std::string& project) { return io::summarise_project(project).incidents; }

} // namespace

TEST_CASE("importing into PostGIS stores and rejects exactly what a GeoPackage does", "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("parity");
    const std::string gpkg = dir.file("p.gpkg");
    const std::vector<std::string> files = {test::test_data("policeuk/bad_rows.csv"), test::test_data("policeuk/2025-01-notts-excerpt.csv")};
    auto s_gpkg = io::run_import(request(gpkg, files, dir.file("gpkg_rejects.csv")));
    auto s_pg = io::run_import(request(pg, files, dir.file("pg_rejects.csv")));
    CHECK(s_pg.created);
    CHECK(s_pg.incidents_total.rows_read == 17 + 24);
    CHECK(s_pg.incidents_total.kept == s_gpkg.incidents_total.kept);
    CHECK(s_pg.incidents_total.rejected_by_reason == s_gpkg.incidents_total.rejected_by_reason);
    CHECK(slurp(dir.file("pg_rejects.csv")) == slurp(dir.file("gpkg_rejects.csv")));
    check_same_summary(io::summarise_project(gpkg), io::summarise_project(pg));

    // The points every analysis reads, in the same order.
    const io::PointFilter all;
    io::PointSet a = io::load_project_points(gpkg, all), b = io::load_project_points(pg, all);
    REQUIRE(b.size() == a.size());
    CHECK(b.x == a.x);
    CHECK(b.y == a.y);
    CHECK(b.month == a.month);
    CHECK(b.categories == a.categories);
    CHECK(b.category == a.category);
    io::PointFilter burglary;
    burglary.categories = {"burglary"};
    burglary.area = "Kirkby Cross & Portland";
    CHECK(io::load_project_points(pg, burglary).x == io::load_project_points(gpkg, burglary).x);

    SECTION("a second import of the same files adds nothing") {
        auto again_gpkg = io::run_import(request(gpkg, files, dir.file("gpkg_rejects2.csv")));
        auto again_pg = io::run_import(request(pg, files, dir.file("pg_rejects2.csv")));
        CHECK_FALSE(again_pg.created);
        CHECK(again_pg.incidents_total.kept == 0);
        CHECK(again_pg.incidents_total.rejected_by_reason == again_gpkg.incidents_total.rejected_by_reason);
        auto summary = io::summarise_project(pg);
        CHECK(summary.incidents == s_pg.incidents_total.kept);
        CHECK(summary.boundaries_by_kind == std::map<std::string, long long>{{"ward", 23}}); // replaced, not doubled
        check_same_summary(io::summarise_project(gpkg), summary);
    }
}

TEST_CASE("an import that creates a PostGIS project indexes its incidents after loading them, as a later import finds them",
          "[.postgis][io][import]") {
    // A project made by its first import is loaded unindexed and indexed at the end; a project
    // made first keeps its indexes up to date row by row. Both must end with the same indexes
    // on the partitioned table and on every partition.
    test::TempDir dir;
    const std::string made = test::postgis_project("indexed_after");
    const std::string grown = test::postgis_project("indexed_along");
    const std::string month = test::source_file("assets/demo/policeuk/2025-01-ashfield-street.csv.gz");
    io::run_import(request(made, {month}, dir.file("r1.csv")));
    io::run_import(request(grown, {}, dir.file("r2.csv")));
    io::ImportRequest later = request(grown, {month}, dir.file("r3.csv"));
    later.boundaries.clear();
    io::run_import(later);
    auto indexes = [](const std::string& project) {
        return test::postgis_value(fmt::format(
            "SELECT string_agg(tablename || ': ' || replace(indexdef, schemaname || '.', ''), E'\n' ORDER BY tablename, indexname) "
            "FROM pg_indexes WHERE schemaname = '{}' AND tablename LIKE 'incidents%'",
            io::parse_project_location(project).schema));
    };
    const std::string expected = indexes(grown);
    CHECK(indexes(made) == expected);
    for (const char* table : {"incidents:", "incidents_undated:", "incidents_y2025:"}) {
        INFO(table);
        std::size_t n = 0;
        for (auto at = expected.find(table); at != std::string::npos; at = expected.find(table, at + 1))
            if (at == 0 || expected[at - 1] == '\n') ++n;
        CHECK(n == 5); // fid order, geometry, month, category, incident key
    }
    CHECK(stored_incidents(made) == stored_incidents(grown));
}

TEST_CASE("a failed PostGIS import leaves the project as it was, and a failed first one leaves none",
          "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("failed");
    const std::string excerpt = test::test_data("policeuk/2025-01-notts-excerpt.csv");
    // The truncated file fails after the excerpt's rows are written.
    auto failing = request(pg, {excerpt, test::test_data("policeuk/truncated.csv.gz")}, dir.file("r.csv"));
    REQUIRE_THROWS_AS(io::run_import(failing), IoError);
    CHECK_FALSE(io::ProjectStore::exists(pg));
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{}'",
                                          io::parse_project_location(pg).schema)) == "0");

    io::run_import(request(pg, {test::test_data("policeuk/bad_rows.csv")}, dir.file("r.csv")));
    const auto before = io::summarise_project(pg);
    REQUIRE(before.incidents == 6);
    REQUIRE_THROWS_AS(io::run_import(failing), IoError);
    const auto after = io::summarise_project(pg);
    CHECK(after.incidents == before.incidents);
    CHECK(after.rows_read == before.rows_read);
    CHECK(after.import_log.size() == before.import_log.size());
}

TEST_CASE("while a PostGIS import runs others read the last committed state, and killed it leaves no trace",
          "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("killed");
    io::run_import(request(pg, {test::test_data("policeuk/bad_rows.csv")}, dir.file("r.csv")));
    const long long committed = stored_incidents(pg);
    REQUIRE(committed == 6);

    int ready[2], go[2];
    REQUIRE(pipe(ready) == 0);
    REQUIRE(pipe(go) == 0);
    const pid_t child = fork();
    REQUIRE(child >= 0);
    if (child == 0) {
        // The importer: after the excerpt's rows are written, says so and waits to be killed.
        auto r = request(pg, {test::test_data("policeuk/2025-01-notts-excerpt.csv"), test::test_data("policeuk/bad_rows.csv")},
                         dir.file("child.csv"));
        r.boundaries.clear();
        r.progress = [&](const std::string& file, std::int64_t) {
            if (file.find("excerpt") == std::string::npos) return;
            char c = 'r';
            if (write(ready[1], &c, 1) != 1) _exit(3);
            if (read(go[0], &c, 1) != 1) _exit(4);
        };
        try {
            io::run_import(r);
        } catch (...) {
            _exit(2);
        }
        _exit(0);
    }
    char c = 0;
    REQUIRE(read(ready[0], &c, 1) == 1);
    // Mid-import: the rows written so far are invisible and nothing blocks the reader.
    CHECK(stored_incidents(pg) == committed);
    kill(child, SIGKILL);
    int status = 0;
    REQUIRE(waitpid(child, &status, 0) == child);
    CHECK(WIFSIGNALED(status));
    CHECK(stored_incidents(pg) == committed);
    CHECK(io::summarise_project(pg).import_log.size() == 2); // the first import's two files
    for (int fd : {ready[0], ready[1], go[0], go[1]}) close(fd);
}

TEST_CASE("two PostGIS imports of the same incident at once store it once", "[.postgis][io][import]") {
    const std::string pg = test::postgis_project("concurrent");
    io::ProjectStore::create(pg, {}).close();
    Incident inc;
    inc.key = "0251570105";
    inc.month = "2025-01";
    inc.category = "Burglary";
    inc.xy = XY{450000, 358000};
    inc.source_file = "twice.csv";
    inc.source_line = 2;
    io::ScopedConfigOption copy("PG_USE_COPY", "YES");
    auto first = io::ProjectStore::open(pg, true), second = io::ProjectStore::open(pg, true);
    first.begin();
    second.begin();
    io::IncidentWriter(first).write(inc);
    io::IncidentWriter(second).write(inc);
    first.commit();
    // The second stream reaches the unique index only now: its commit fails and says so.
    REQUIRE_THROWS_WITH(second.commit(), Catch::Contains("nothing was written") && Catch::Contains("duplicate key") &&
                                             Catch::Contains("(key, month)"));
    first.close();
    second.close();
    CHECK(stored_incidents(pg) == 1);
}

TEST_CASE("a password in a PostGIS project's connection string is never shown", "[.postgis][io][import]") {
    test::TempDir dir;
    // The test server trusts local connections, so the password is sent and ignored.
    const std::string pg = test::postgis_project("secret") + " password=hunter2";
    auto s = io::run_import(request(pg, {test::test_data("policeuk/2025-01-notts-excerpt.csv")}, dir.file("r.csv")));
    CHECK_THAT(s.project, Catch::Contains("password=***") && !Catch::Contains("hunter2"));
    auto summary = io::summarise_project(pg);
    CHECK(summary.incidents == 21);
    CHECK_THAT(io::to_json(summary).dump(), !Catch::Contains("hunter2"));
    CHECK_THAT(slurp(dir.file("r.csv")), !Catch::Contains("hunter2"));
    const std::string missing = test::postgis_server() + " schemas=no_such_" + std::to_string(getpid()) + " password=hunter2";
    REQUIRE_THROWS_WITH(io::ProjectStore::open(missing, false), Catch::Contains("no project in schema") && !Catch::Contains("hunter2"));
}

TEST_CASE("two PostGIS imports at once take different import ids, and an upgraded project numbers on from its log",
          "[.postgis][io][import]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("import_ids");
    const std::string schema = io::parse_project_location(pg).schema;
    io::run_import(request(pg, {test::test_data("policeuk/bad_rows.csv")}, dir.file("r.csv")));
    {
        // As two imports begin: each takes its id before its transaction, from the sequence.
        auto a = io::ProjectStore::open(pg, true), b = io::ProjectStore::open(pg, true);
        io::ImportLog first(a), second(b);
        CHECK(first.import_id() == 2);
        CHECK(second.import_id() == 3);
    }
    // A project of schema version 2 has no sequence: opening it for writing makes one that
    // starts past the highest logged id (5 here).
    test::postgis_value(fmt::format("UPDATE {0}.import_log SET import_id = 5; DROP SEQUENCE {0}.import_log_import_id_seq; "
                                    "UPDATE {0}.settings SET value = '2' WHERE key = 'schema_version'; SELECT 1",
                                    schema));
    auto store = io::ProjectStore::open(pg, true);
    CHECK(store.setting("schema_version") == std::to_string(io::k_schema_version));
    CHECK(io::ImportLog(store).import_id() == 6);
}
