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
