// SPDX-License-Identifier: MIT
// Issue #14: a project in a PostgreSQL + PostGIS schema, against the throwaway server ctest
// starts (tests/support/postgis.hpp). Opening, creating, the schema and its indexes, versions.
#include "core/error.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_migrations.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "support/postgis.hpp"

#include <catch2/catch.hpp>

#include <fmt/format.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

using namespace safermap;

namespace {

std::string schema_of(const std::string& project) { return io::parse_project_location(project).schema; }

} // namespace

TEST_CASE("a new PostGIS project has every layer in its schema, in EPSG:27700", "[.postgis][io][project]") {
    const std::string project = test::postgis_project("create");
    REQUIRE_FALSE(io::ProjectStore::exists(project));
    io::ProjectStore::create(project, {}).close();
    CHECK(io::ProjectStore::exists(project));
    // Read back through GDAL directly, as QGIS would.
    const char* drivers[] = {"PostgreSQL", nullptr};
    const char* options[] = {"LIST_ALL_TABLES=YES", nullptr};
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(GDALOpenEx(project.c_str(), GDAL_OF_VECTOR, drivers, options, nullptr)));
    REQUIRE(ds);
    for (const auto& def : io::schema::layers()) {
        INFO(def.name);
        OGRLayer* layer = ds->GetLayerByName(std::string(def.name).c_str());
        REQUIRE(layer);
        CHECK(layer->GetLayerDefn()->GetFieldCount() == static_cast<int>(def.fields.size()));
        if (def.geometry != wkbNone) CHECK(std::string(layer->GetSpatialRef()->GetAuthorityCode(nullptr)) == "27700");
    }
    const std::string schema = schema_of(project);
    // Every layer is a table, and incidents a partitioned one with its undated partition.
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM pg_tables t WHERE schemaname = '{}' AND NOT EXISTS "
                                          "(SELECT 1 FROM pg_inherits i WHERE i.inhrelid = to_regclass(t.schemaname || '.' || t.tablename))",
                                          schema)) == std::to_string(io::schema::layers().size()));
    CHECK(test::postgis_value(fmt::format("SELECT pg_get_partkeydef(to_regclass('{}.incidents'))", schema)) == "RANGE (month)");
    CHECK(test::postgis_value(fmt::format("SELECT string_agg(c.relname || ' ' || pg_get_expr(c.relpartbound, c.oid), '; ') FROM "
                                          "pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = to_regclass('{}.incidents')",
                                          schema)) == "incidents_undated FOR VALUES FROM (MINVALUE) TO ('0')");
    auto store = io::ProjectStore::open(project, false);
    CHECK(store.dialect() == io::SqlDialect::postgres);
    CHECK(store.setting("working_crs") == "EPSG:27700");
    CHECK(store.setting("schema_version") == std::to_string(io::k_schema_version));
    CHECK(store.setting("name") == schema);
    REQUIRE_THROWS_WITH(io::ProjectStore::create(project, {}), Catch::Contains("already exists"));
}

TEST_CASE("a PostGIS project has GiST, month, category and duplicate-key indexes", "[.postgis][io][project]") {
    const std::string project = test::postgis_project("indexes");
    io::ProjectStore::create(project, {}).close();
    const std::string schema = schema_of(project);
    auto index = [&](const std::string& name) {
        return test::postgis_value(
            fmt::format("SELECT indexdef FROM pg_indexes WHERE schemaname = '{}' AND indexname = '{}'", schema, name));
    };
    CHECK_THAT(index("incidents_month_idx"), Catch::Contains("btree (month)"));
    CHECK_THAT(index("incidents_category_idx"), Catch::Contains("btree (category)"));
    CHECK_THAT(index("incidents_key_uq"), Catch::StartsWith("CREATE UNIQUE INDEX") && Catch::Contains("(key, month)"));
    CHECK_THAT(index("boundaries_kind_code_uq"), Catch::StartsWith("CREATE UNIQUE INDEX") && Catch::Contains("(kind, code)"));
    CHECK_THAT(index("places_code_uq"), Catch::StartsWith("CREATE UNIQUE INDEX") && Catch::Contains("(code)"));
    CHECK_THAT(index("settings_key_uq"), Catch::StartsWith("CREATE UNIQUE INDEX") && Catch::Contains("(key)"));
    std::size_t geometry_layers = 0;
    for (const auto& def : io::schema::layers()) geometry_layers += def.geometry != wkbNone;
    CHECK(test::postgis_value(fmt::format("SELECT COUNT(*) FROM pg_indexes WHERE schemaname = '{}' AND indexdef LIKE '%USING gist (geom)' AND tablename NOT LIKE 'incidents\\_%'",
                                          schema)) == std::to_string(geometry_layers));
    // Keys, months and crime types compare byte by byte, as in SQLite, whatever the locale.
    for (const char* column : {"key", "month", "category"}) {
        INFO(column);
        CHECK(test::postgis_value(fmt::format("SELECT collation_name FROM information_schema.columns WHERE table_schema = '{}' "
                                              "AND table_name = 'incidents' AND column_name = '{}'",
                                              schema, column)) == "C");
    }
    // The database enforces what the importers check: a second row with a stored key (in the
    // same month: a partitioned table's unique index holds the partition key) is refused.
    test::postgis_value(fmt::format("INSERT INTO {}.incidents (key, geocode_status) VALUES ('k1', 'source')", schema));
    REQUIRE_THROWS_WITH(test::postgis_value(fmt::format("INSERT INTO {}.incidents (key, geocode_status) VALUES ('k1', 'source')", schema)),
                        Catch::Contains("duplicate key") && Catch::Contains("(key, month)=(k1, )"));
}

TEST_CASE("a schema without a project, or one from a newer SaferMap, is refused", "[.postgis][io][project]") {
    const std::string empty = test::postgis_project("nothing");
    CHECK_FALSE(io::ProjectStore::exists(empty));
    REQUIRE_THROWS_AS(io::ProjectStore::open(empty, false), IoError);
    REQUIRE_THROWS_WITH(io::ProjectStore::open(empty, false),
                        Catch::Contains(fmt::format("no project in schema '{}'", schema_of(empty))) && Catch::Contains("safermap import"));

    const std::string project = test::postgis_project("newer");
    io::ProjectStore::create(project, {}).close();
    test::postgis_value(fmt::format("UPDATE {}.settings SET value = '{}' WHERE key = 'schema_version'", schema_of(project),
                                    io::k_schema_version + 1));
    REQUIRE_THROWS_AS(io::ProjectStore::open(project, false), SchemaError);
    REQUIRE_THROWS_WITH(io::ProjectStore::open(project, true), Catch::Contains("newer SaferMap"));
}

TEST_CASE("a database without PostGIS, or out of reach, is refused with the reason", "[.postgis][io][project]") {
    test::postgis_value("CREATE DATABASE safermap_no_postgis_" + std::to_string(getpid()));
    std::string server = test::postgis_server();
    const std::string plain = server.replace(server.find("dbname=safermap_test"), std::string("dbname=safermap_test").size(),
                                             "dbname=safermap_no_postgis_" + std::to_string(getpid()));
    REQUIRE_THROWS_WITH(io::ProjectStore::create(plain, {}), Catch::Contains("has no PostGIS"));
    REQUIRE_THROWS_WITH(io::ProjectStore::open(test::postgis_server() + " port=1 password=hunter2", false),
                        Catch::Contains("cannot connect") && !Catch::Contains("hunter2") && Catch::Contains("password=***"));
}
