// SPDX-License-Identifier: MIT
// Issue #14: a PostGIS project's incidents are range-partitioned by month, a partition per year
// made as its first incident is written (incident_partitions.hpp), so that a year's analysis
// reads only that year's rows. Against the throwaway server ctest starts.
#include "core/incident.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/incident_partitions.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_store.hpp"
#include "io/project/project_summary.hpp"
#include "support/postgis.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <exception>
#include <thread>

using namespace safermap;

namespace {

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

TEST_CASE("a PostGIS project keeps each year's incidents in that year's partition", "[.postgis][io][project]") {
    const std::string pg = test::postgis_project("years");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ScopedConfigOption copy("PG_USE_COPY", "YES");
    {
        // A first import that creates the project, then a second in a later year, each in one
        // transaction, rows by COPY: the year partitions are made as rows arrive.
        auto store = io::ProjectStore::create(pg, {}, io::ProjectStore::Creation::in_open_transaction);
        io::IncidentWriter writer(store);
        writer.write(incident("a", "2024-11", 450000));
        writer.write(incident("b", "2024-12", 450100));
        writer.write(incident("c", "", 450200)); // no month: the undated partition
        writer.write(incident("d", "2024-12", 450300));
        store.commit();
    }
    {
        auto store = io::ProjectStore::open(pg, true);
        store.begin();
        io::IncidentWriter writer(store);
        writer.write(incident("e", "2025-01", 450400));
        writer.write(incident("f", "2024-10", 450500)); // back to a year that has its partition
        writer.write(incident("g", "2025-02", 450600));
        store.commit();
    }
    const std::string per_partition = test::postgis_value(fmt::format(
        "SELECT string_agg(p || ' ' || n, ', ' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, COUNT(*) AS n "
        "FROM {}.incidents GROUP BY 1) t",
        schema));
    CHECK(per_partition == fmt::format("{0}.incidents_undated 1, {0}.incidents_y2024 4, {0}.incidents_y2025 2", schema));
    // A year's query reads that year's partition and no other: the plan, gathered by a function.
    test::postgis_value(fmt::format(
        "CREATE FUNCTION {0}.plan_of(q text) RETURNS text LANGUAGE plpgsql AS $$ DECLARE line text; plan text := ''; "
        "BEGIN FOR line IN EXECUTE 'EXPLAIN ' || q LOOP plan := plan || line || ' '; END LOOP; RETURN plan; END $$",
        schema));
    const std::string explained = test::postgis_value(fmt::format(
        "SELECT {0}.plan_of('SELECT geom FROM {0}.incidents WHERE month >= ''2025-01'' AND month <= ''2025-12''')", schema));
    CHECK_THAT(explained, Catch::Contains("incidents_y2025") && !Catch::Contains("incidents_y2024") && !Catch::Contains("undated"));

    // Everything reads the same as from one table: months, counts, the undated row noted.
    const auto summary = io::summarise_project(pg);
    CHECK(summary.incidents == 7);
    CHECK(summary.first_month == "2024-10");
    CHECK(summary.last_month == "2025-02");
    io::PointFilter year;
    year.from_month = "2025-01";
    year.to_month = "2025-12";
    const auto points = io::load_project_points(pg, year);
    CHECK(points.size() == 2);
    CHECK(points.x == std::vector<double>{450400, 450600});
    CHECK(io::load_project_points(pg, {}).size() == 7);
    CHECK(io::is_incident_partition("incidents_y2025"));
    CHECK(io::is_incident_partition("incidents_undated"));
    CHECK_FALSE(io::is_incident_partition("incidents_y25"));
    CHECK_FALSE(io::is_incident_partition("kde_2025"));
}

namespace {

using NewYears = io::IncidentPartitions::NewYears;

} // namespace

TEST_CASE("an import loads years new to a PostGIS project aside and attaches them, however its rows mix years",
          "[.postgis][io][project]") {
    const std::string pg = test::postgis_project("aside");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ScopedConfigOption copy("PG_USE_COPY", "YES");
    {
        auto store = io::ProjectStore::create(pg, {}, io::ProjectStore::Creation::in_open_transaction);
        io::IncidentWriter writer(store);
        writer.write(incident("a", "2024-11", 450000));
        store.commit();
    }
    {
        auto store = io::ProjectStore::open(pg, true);
        store.begin();
        io::IncidentWriter writer(store, NewYears::loaded_aside);
        writer.write(incident("e", "2025-01", 450100)); // new years, interleaved with one that has its partition
        writer.write(incident("f", "2024-10", 450200));
        writer.write(incident("g", "2023-05", 450300));
        writer.write(incident("h", "2025-02", 450400));
        writer.write(incident("i", "", 450500));
        writer.write(incident("j", "2023-06", 450600));
        writer.finish();
        // Attached but not committed: another session sees neither the new partitions nor
        // their rows, and reading is not held up by the attaching.
        CHECK(test::postgis_value(fmt::format("SELECT to_regclass('{}.incidents_y2025') IS NULL", schema)) == "1"); // a boolean, as GDAL reads it
        CHECK(io::summarise_project(pg).incidents == 1);
        store.commit();
    }
    const std::string per_partition = test::postgis_value(fmt::format(
        "SELECT string_agg(p || ' ' || n, ', ' ORDER BY p) FROM (SELECT tableoid::regclass::text AS p, COUNT(*) AS n "
        "FROM {}.incidents GROUP BY 1) t",
        schema));
    CHECK(per_partition ==
          fmt::format("{0}.incidents_undated 1, {0}.incidents_y2023 2, {0}.incidents_y2024 2, {0}.incidents_y2025 2", schema));
    // Feature IDs in the order the rows were written, as from one table.
    CHECK(test::postgis_value(fmt::format("SELECT string_agg(key, ',' ORDER BY fid) FROM {}.incidents", schema)) == "a,e,f,g,h,i,j");
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
    // The years attached have the indexes of a partition made before its rows.
    const std::string made_first = test::postgis_index_definitions(schema, "incidents_y2024");
    CHECK(std::count(made_first.begin(), made_first.end(), '\n') == 4); // five indexes
    CHECK(test::postgis_index_definitions(schema, "incidents_y2023") == made_first);
    CHECK(test::postgis_index_definitions(schema, "incidents_y2025") == made_first);
    io::PointFilter year;
    year.from_month = "2025-01";
    year.to_month = "2025-12";
    CHECK(io::load_project_points(pg, year).x == std::vector<double>{450100, 450400});

    // Rolled back after attaching: nothing of it stays.
    {
        auto store = io::ProjectStore::open(pg, true);
        store.begin();
        io::IncidentWriter writer(store, NewYears::loaded_aside);
        writer.write(incident("k", "2027-01", 450700));
        writer.finish();
        store.rollback();
    }
    CHECK(test::postgis_value(fmt::format("SELECT to_regclass('{}.incidents_y2027') IS NULL", schema)) == "1"); // a boolean, as GDAL reads it
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
    CHECK(io::summarise_project(pg).incidents == 7);
}

TEST_CASE("two PostGIS imports loading the same new year aside both land in its partition, and a duplicate is refused",
          "[.postgis][io][project]") {
    const std::string pg = test::postgis_project("aside_twice");
    const std::string schema = io::parse_project_location(pg).schema;
    io::ProjectStore::create(pg, {}).close();
    io::ScopedConfigOption copy("PG_USE_COPY", "YES");
    {
        auto first = io::ProjectStore::open(pg, true), second = io::ProjectStore::open(pg, true);
        first.begin();
        second.begin();
        io::IncidentWriter one(first, NewYears::loaded_aside), two(second, NewYears::loaded_aside);
        one.write(incident("x", "2025-01", 450000));
        two.write(incident("z", "2025-03", 450200)); // both load 2025 aside, neither waiting
        one.write(incident("y", "2025-02", 450100));
        one.finish();
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
        std::this_thread::sleep_for(std::chrono::milliseconds(300));
        first.commit();
        other.join();
        if (failed) std::rethrow_exception(failed);
        second.commit();
    }
    CHECK(test::postgis_value(fmt::format("SELECT string_agg(key || ' ' || tableoid::regclass::text, ', ' ORDER BY key) FROM {}.incidents",
                                          schema)) == fmt::format("x {0}.incidents_y2025, y {0}.incidents_y2025, z {0}.incidents_y2025", schema));
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
    {
        auto first = io::ProjectStore::open(pg, true), second = io::ProjectStore::open(pg, true);
        first.begin();
        second.begin();
        io::IncidentWriter one(first, NewYears::loaded_aside), two(second, NewYears::loaded_aside);
        one.write(incident("w", "2026-01", 450300));
        two.write(incident("w", "2026-01", 450300));
        one.finish();
        first.commit();
        REQUIRE_THROWS_WITH(two.finish(), Catch::Contains("duplicate key") && Catch::Contains("(key, month)"));
        second.rollback();
    }
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM {}.incidents WHERE key = 'w'", schema)) == "1");
    CHECK(test::postgis_leftovers(schema) == "0 tables, 0 checks");
}
