// SPDX-License-Identifier: MIT
// A GeoPackage's incidents are inserted by SaferMap's own SQLite statement
// (gpkg_incident_inserter). Whatever it writes must be what GDAL's CreateFeature writes for
// the same incidents: every column with its SQLite type, the geometry blob byte for byte, the
// feature count in gpkg_ogr_contents, the extent in gpkg_contents, the R-tree and the
// triggers, on a first import (R-tree packed at the end) and on a later one (kept by its
// triggers). GDAL's own driver is the reference, written into a second project.
#include "core/error.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/incidents/incident_writer.hpp"
#include "io/project/import_job.hpp"
#include "io/project/project_store.hpp"
#include "support/test_data.hpp"

#include <catch2/catch.hpp>
#include <cpl_conv.h>
#include <fmt/format.h>

#include <array>
#include <fstream>
#include <cmath>

using namespace safermap;
using Rows = io::IncidentWriter::GeoPackageRows;

namespace {

// Every kind of value a column can hold: text, empty (NULL), a NUL byte (cut, as GDAL's C
// strings cut it), weights and distances set or not, in or out of the study area or unknown,
// with and without a position.
std::vector<Incident> incidents(int first_line, double shift) {
    std::vector<Incident> out;
    for (int i = 0; i < 40; ++i) {
        Incident inc;
        inc.key = fmt::format("k{}-{}", first_line, i);
        if (i % 2) inc.crime_id = fmt::format("{:064x}", 977 * i + first_line);
        inc.month = i % 7 ? fmt::format("2025-{:02}", 1 + i % 12) : "";
        if (i % 3 == 0) inc.occurred = "2025-03-04T05:06:07";
        inc.category = i % 5 ? "Anti-social behaviour" : "Vehicle crime";
        inc.reported_by = "Nottinghamshire Police";
        inc.location = i % 4 ? "On or near Café Street" : "";
        inc.lsoa_code = "E01028112";
        inc.lsoa_name = "Ashfield 010A";
        if (i == 5) inc.outcome = std::string("before\0after", 12);
        if (i == 6) inc.context = std::string("\0leading", 8);
        if (i % 6 == 1) inc.address = "12 High Street, Sutton-in-Ashfield";
        if (i % 6 == 1) inc.postcode = "NG17 1AA";
        if (i % 4 == 2) inc.weight = 1.0 / 3.0 + i;
        inc.src_x = fmt::format("{}", -1.26 + i * 1e-4);
        inc.src_y = "53.12";
        inc.src_crs = "EPSG:4326";
        if (i % 9 == 8) {
            inc.status = GeocodeStatus::not_geocoded;
        } else {
            inc.status = i % 10 == 3 ? GeocodeStatus::geocoded : GeocodeStatus::source;
            inc.xy = XY{449000.125 + shift + i * 37.3, 357000.0625 - i * 11.1 + 1e-9 * i};
        }
        if (i % 3 == 1) inc.in_study_area = (i % 2) == 1;
        if (i % 5 == 2) inc.own_lsoa_distance_m = i * 0.1;
        inc.source_file = "ünïcode file.csv";
        inc.source_line = first_line + i;
        inc.source_format = i % 2 ? "police.uk" : "csv";
        if (i % 8 == 4) inc.attributes_json = R"({"Officer":"J Smith"})";
        out.push_back(std::move(inc));
    }
    return out;
}

// As the import job does: open, count, write in one transaction, commit, close (GDAL writes
// what it keeps of a layer when the project closes).
void import(const std::string& project, const std::vector<Incident>& rows, Rows how) {
    auto store = io::ProjectStore::open(project, true);
    // The import job asks for the count first (to size its key table), so GDAL knows it.
    store.layer("incidents").GetFeatureCount(TRUE);
    store.begin();
    {
        io::IncidentWriter writer(store, io::IncidentPartitions::NewYears::made_at_once, how);
        for (const auto& inc : rows) writer.write(inc);
        writer.finish();
    }
    store.commit();
    store.close();
}

std::vector<std::string> rows_of(io::ProjectStore& store, const std::string& sql) {
    std::vector<std::string> rows;
    io::for_each_row(store.dataset(), store.path(), sql, [&](OGRFeature& f) {
        std::string row;
        for (int i = 0; i < f.GetFieldCount(); ++i)
            row += f.IsFieldNull(i) ? std::string("NULL|") : fmt::format("{}|", f.GetFieldAsString(i));
        rows.push_back(row);
    });
    return rows;
}

// What SQLite holds, column by column, with each value's type; doubles as their exact bits.
const std::string k_stored =
    "SELECT fid, hex(geom), key, crime_id, month, occurred, category, reported_by, falls_within, location, lsoa_code, lsoa_name, "
    "hex(outcome), hex(context), address, postcode, printf('%!.17g', weight), typeof(weight), src_x, src_y, src_crs, "
    "geocode_status, match_level, match_score, in_study_area, typeof(in_study_area), printf('%!.17g', own_lsoa_distance_m), "
    "typeof(own_lsoa_distance_m), source_file, source_line, typeof(source_line), source_format, attributes, typeof(key), "
    "typeof(outcome), typeof(location) FROM incidents ORDER BY fid";

std::vector<std::string> bookkeeping(io::ProjectStore& store) {
    std::vector<std::string> out;
    for (const char* sql : {"SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'incidents'",
                            "SELECT COUNT(*), printf('%!.17g %!.17g', MIN(minx), MAX(maxy)) FROM rtree_incidents_geom",
                            "SELECT rtreecheck('rtree_incidents_geom')",
                            "SELECT name, sql FROM sqlite_master WHERE tbl_name = 'incidents' AND type = 'trigger' ORDER BY name"}) {
        auto rows = rows_of(store, sql);
        out.insert(out.end(), rows.begin(), rows.end());
    }
    return out;
}

// The layer's extent in gpkg_contents (NaN while unknown). GDAL prints it to SQL text and may
// come back an ulp off; the statement binds the exact doubles.
std::array<double, 4> extent_of(io::ProjectStore& store) {
    std::array<double, 4> e{NAN, NAN, NAN, NAN};
    io::for_each_row(store.dataset(), store.path(), "SELECT min_x, min_y, max_x, max_y FROM gpkg_contents WHERE table_name = 'incidents'",
                     [&](OGRFeature& f) {
                         for (int i = 0; i < 4; ++i)
                             if (!f.IsFieldNull(i)) e[i] = f.GetFieldAsDouble(i);
                     });
    return e;
}

} // namespace

TEST_CASE("the GeoPackage insert statement stores what GDAL's CreateFeature stores", "[io][gpkg_insert]") {
    test::TempDir dir;
    const std::string ours = dir.file("ours.gpkg"), gdal = dir.file("gdal.gpkg");
    io::ProjectStore::create(ours, {}).close();
    io::ProjectStore::create(gdal, {}).close();
    // First into an empty table, then into one that has rows, reaching further out.
    for (const auto& [first_line, shift] : {std::pair{2, 0.0}, std::pair{100, -2500.5}}) {
        import(ours, incidents(first_line, shift), Rows::by_statement);
        import(gdal, incidents(first_line, shift), Rows::through_gdal);
        auto a = io::ProjectStore::open(ours, false);
        auto b = io::ProjectStore::open(gdal, false);
        const auto stored = rows_of(a, k_stored);
        REQUIRE(stored.size() == static_cast<std::size_t>(first_line == 2 ? 40 : 80));
        CHECK(stored == rows_of(b, k_stored));
        CHECK(bookkeeping(a) == bookkeeping(b));
        CHECK(bookkeeping(a).front() == fmt::format("{}|", stored.size()));
        const auto ea = extent_of(a), eb = extent_of(b);
        for (int i = 0; i < 4; ++i) CHECK(ea[i] == Approx(eb[i]).epsilon(0).margin(1e-9));
        // The exact extremes of what was stored.
        CHECK(ea[0] == 449000.125 + shift);
        CHECK(ea[3] == 357000.0625);
        // GDAL reads it back as it wrote it.
        OGREnvelope extent;
        REQUIRE(a.layer("incidents").GetExtent(&extent, TRUE) == OGRERR_NONE);
        CHECK(extent.MinX == ea[0]);
        CHECK(a.layer("incidents").GetFeatureCount(TRUE) == static_cast<GIntBig>(stored.size()));
        CHECK(rows_of(a, "SELECT last_change IS NOT NULL FROM gpkg_contents WHERE table_name = 'incidents'") ==
              std::vector<std::string>{"1|"});
    }
}

TEST_CASE("a row SQLite refuses is named by its source file and line, and the import leaves nothing", "[io][gpkg_insert]") {
    test::TempDir dir;
    auto store = io::ProjectStore::create(dir.file("p.gpkg"), {});
    io::run_sql(store.dataset(), store.path(),
                "CREATE TRIGGER refuse_test BEFORE INSERT ON incidents WHEN NEW.crime_id = 'refuse me' "
                "BEGIN SELECT RAISE(ABORT, 'refused by the test'); END");
    const auto before = bookkeeping(store);
    auto rows = incidents(2, 0);
    rows[7].crime_id = "refuse me";
    store.begin();
    {
        io::IncidentWriter writer(store);
        REQUIRE_NOTHROW(writer.write(rows[0]));
        REQUIRE_THROWS_WITH(writer.write(rows[7]),
                            Catch::Contains("ünïcode file.csv: line 9: cannot store incident in") && Catch::Contains("refused by the test"));
    }
    store.rollback();
    CHECK(rows_of(store, "SELECT COUNT(*) FROM incidents") == std::vector<std::string>{"0|"});
    CHECK(bookkeeping(store) == before);
}

TEST_CASE("a feature count GDAL left unknown is counted when rows are added", "[io][gpkg_insert]") {
    test::TempDir dir;
    const std::string path = dir.file("p.gpkg");
    io::ProjectStore::create(path, {}).close();
    {
        auto store = io::ProjectStore::open(path, true);
        REQUIRE(rows_of(store, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'incidents'") ==
                std::vector<std::string>{"NULL|"});
        store.begin();
        io::IncidentWriter writer(store);
        for (const auto& inc : incidents(2, 0)) writer.write(inc);
        writer.finish();
        store.commit();
        // Closed while the writer still exists: finish() let go of the connection (a statement
        // left prepared would keep SQLite from closing it; the sanitizer build saw the leak).
        store.close();
    }
    auto store = io::ProjectStore::open(path, false);
    CHECK(rows_of(store, "SELECT feature_count FROM gpkg_ogr_contents WHERE table_name = 'incidents'") == std::vector<std::string>{"40|"});
}

// GDAL stamps gpkg_contents.last_change with OGR_CURRENT_DATE when it is set (reproducible
// files); so must the statement.
TEST_CASE("the insert statement's last_change honours OGR_CURRENT_DATE as GDAL's does", "[io][gpkg_insert]") {
    struct PinnedDate {
        PinnedDate() { CPLSetConfigOption("OGR_CURRENT_DATE", "2000-01-01T00:00:00.000Z"); }
        ~PinnedDate() { CPLSetConfigOption("OGR_CURRENT_DATE", nullptr); }
    };
    test::TempDir dir;
    const std::string ours = dir.file("ours.gpkg"), gdal = dir.file("gdal.gpkg");
    io::ProjectStore::create(ours, {}).close();
    io::ProjectStore::create(gdal, {}).close();
    {
        PinnedDate pinned;
        import(ours, incidents(2, 0), Rows::by_statement);
        import(gdal, incidents(2, 0), Rows::through_gdal);
    }
    const std::string sql = "SELECT last_change FROM gpkg_contents WHERE table_name = 'incidents'";
    auto a = io::ProjectStore::open(ours, false);
    auto b = io::ProjectStore::open(gdal, false);
    CHECK(rows_of(b, sql) == std::vector<std::string>{"2000/01/01 00:00:00+00|"});
    CHECK(rows_of(a, sql) == rows_of(b, sql));
}

// The import job's own path: a new project made in the import's transaction, where GDAL's
// layer is freshest, then a second file into it.
TEST_CASE("an import into a new GeoPackage keeps its count, extent, R-tree and triggers", "[io][gpkg_insert]") {
    test::TempDir dir;
    const std::string csv = dir.file("points.csv");
    {
        std::ofstream out(csv);
        out << "ref,easting,northing,date\n";
        for (int i = 0; i < 300; ++i) {
            if (i % 50 == 7) out << fmt::format("R{},,,2025-01-02\n", i); // kept, not geocoded
            else out << fmt::format("R{},{:.3f},{:.3f},2025-01-02\n", i, 440000 + i * 31.7, 350000 + (i * 7919 % 300) * 41.3);
        }
    }
    io::ImportRequest request = test::bng_points_request(dir, csv);
    request.columns.address = "ref"; // rows without coordinates are kept, to be geocoded
    io::run_import(request);
    auto check = [&](int expected) {
        auto store = io::ProjectStore::open(request.project, false);
        CHECK(rows_of(store, "SELECT feature_count, (SELECT COUNT(*) FROM incidents) FROM gpkg_ogr_contents WHERE table_name = 'incidents'") ==
              std::vector<std::string>{fmt::format("{0}|{0}|", expected)});
        CHECK(rows_of(store, "SELECT rtreecheck('rtree_incidents_geom'), (SELECT COUNT(*) FROM rtree_incidents_geom) = "
                             "(SELECT COUNT(*) FROM incidents WHERE geom IS NOT NULL)") == std::vector<std::string>{"ok|1|"});
        CHECK(rows_of(store, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'incidents'") ==
              std::vector<std::string>{"8|"});
        CHECK(rows_of(store, "SELECT c.min_x = MIN(ST_MinX(i.geom)), c.max_x = MAX(ST_MaxX(i.geom)), c.min_y = MIN(ST_MinY(i.geom)), "
                             "c.max_y = MAX(ST_MaxY(i.geom)) FROM gpkg_contents c, incidents i WHERE c.table_name = 'incidents'") ==
              std::vector<std::string>{"1|1|1|1|"});
    };
    check(300);
    // A second file, reaching further out: a later import keeps them up to date too.
    {
        std::ofstream out(csv);
        out << "ref,easting,northing,date\n";
        for (int i = 0; i < 20; ++i) out << fmt::format("S{},{:.3f},{:.3f},2025-02-02\n", i, 430000 - i * 5.5, 370000 + i * 3.25);
    }
    io::run_import(request);
    check(320);
}
