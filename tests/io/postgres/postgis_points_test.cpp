// SPDX-License-Identifier: MIT
// Issue #14: an analysis reads a PostGIS project's points by binary COPY on a libpq connection
// of its own (io/postgres), a GeoPackage's through GDAL. The same incidents, written to both
// through the one IncidentWriter, must come back identical in every column, bit for bit:
// coordinates, weights, months, dates, crime types (UTF-8), the study-area flag, rows without
// a position. Against the throwaway server ctest starts.
#include "core/incident.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_store.hpp"
#include "support/postgis.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>

#include <cmath>

using namespace safermap;

namespace {

std::vector<Incident> incidents() {
    std::vector<Incident> out;
    auto add = [&](const std::string& key, const std::string& month, const std::string& category, std::optional<XY> xy) -> Incident& {
        Incident& inc = out.emplace_back();
        inc.key = key;
        inc.month = month;
        inc.category = category;
        inc.xy = xy;
        inc.source_file = "points.csv";
        inc.source_line = static_cast<std::int64_t>(out.size()) + 1;
        return inc;
    };
    Incident& a = add("a", "2024-11", "Burglary", XY{450000.125, 358000.0625});
    a.occurred = "2024-11-03";
    a.weight = 2.5;
    a.in_study_area = true;
    add("b", "2024-12", "Vehicle crime", XY{450100.33333333331, 357999.1}).in_study_area = false; // not a short decimal
    add("c", "", "Burglary", XY{450200, 358100});                                                  // undated
    add("d", "2025-01", "Drugs", std::nullopt).status = GeocodeStatus::not_geocoded;                // no position yet
    Incident& e = add("e", "2025-02", "Anti-social behaviour – café", XY{-0.0, 1e-7});             // UTF-8, odd numbers
    e.weight = 0.0;
    e.in_study_area = true;
    return out;
}

void write_all(const std::string& project) {
    io::ScopedConfigOption copy("PG_USE_COPY", "YES");
    auto store = io::ProjectStore::create(project, {}, io::ProjectStore::Creation::in_open_transaction);
    io::IncidentWriter writer(store);
    for (const auto& inc : incidents()) writer.write(inc);
    writer.finish();
    store.commit();
}

void check_same(const io::PointSet& pg, const io::PointSet& gpkg) {
    CHECK(pg.report.rows_read == gpkg.report.rows_read);
    CHECK(pg.report.kept == gpkg.report.kept);
    CHECK(pg.report.notes_by_reason == gpkg.report.notes_by_reason);
    CHECK(pg.x == gpkg.x); // exact: the same doubles, not close ones
    CHECK(pg.y == gpkg.y);
    CHECK(pg.weight == gpkg.weight);
    CHECK(pg.month == gpkg.month);
    CHECK(pg.day == gpkg.day);
    CHECK(pg.category == gpkg.category);
    CHECK(pg.categories == gpkg.categories);
}

} // namespace

TEST_CASE("a PostGIS project's points, read by binary COPY, equal a GeoPackage's bit for bit", "[.postgis][io][postgres]") {
    test::TempDir dir;
    const std::string pg = test::postgis_project("points");
    const std::string gpkg = dir.file("points.gpkg");
    write_all(pg);
    write_all(gpkg);

    const io::PointSet all = io::load_project_points(pg, {});
    check_same(all, io::load_project_points(gpkg, {}));
    REQUIRE(all.size() == 4); // d has no position
    CHECK(all.x == std::vector<double>{450000.125, 450100.33333333331, 450200, -0.0});
    CHECK(std::signbit(all.x[3]));
    CHECK(all.y[3] == 1e-7);
    CHECK(all.weight == std::vector<double>{2.5, 1, 1, 0});
    CHECK(all.day[0] >= 0);
    CHECK(all.day[1] == -1);
    CHECK(all.categories[all.category[3]] == "Anti-social behaviour – café");

    io::PointFilter inside;
    inside.study_area_only = true;
    const io::PointSet flagged = io::load_project_points(pg, inside);
    check_same(flagged, io::load_project_points(gpkg, inside));
    CHECK(flagged.x == std::vector<double>{450000.125, 450200, -0.0}); // only b is marked outside

    io::PointFilter year;
    year.from_month = "2024-12";
    year.to_month = "2025-12";
    year.categories = {"vehicle crime", "anti-social behaviour – café"};
    const io::PointSet filtered = io::load_project_points(pg, year);
    check_same(filtered, io::load_project_points(gpkg, year));
    CHECK(filtered.size() == 2);
}

TEST_CASE("a failed read of a PostGIS project's points says where and why, without its password", "[.postgis][io][postgres]") {
    const std::string pg = test::postgis_project("points_broken") + " password=hunter2";
    write_all(pg);
    // The project still opens; the COPY's query no longer runs, and the server's reason comes through.
    test::postgis_value(fmt::format("ALTER TABLE {}.incidents RENAME COLUMN in_study_area TO flag", io::parse_project_location(pg).schema));
    REQUIRE_THROWS_WITH(io::load_project_points(pg, {}), Catch::Contains("password=***") && Catch::Contains("in_study_area") &&
                                                             Catch::Contains("does not exist") && !Catch::Contains("hunter2"));
}
