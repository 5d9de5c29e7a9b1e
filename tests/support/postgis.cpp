// SPDX-License-Identifier: MIT
#include "support/postgis.hpp"

#include "io/gdal/gdal_env.hpp"

#include <fmt/format.h>
#include <gdal_priv.h>
#include <ogrsf_frmts.h>
#include <unistd.h>

#include <cstdlib>
#include <stdexcept>

namespace safermap::test {

std::string postgis_server() {
    const char* server = std::getenv("SAFERMAP_TEST_PG");
    if (!server || !*server)
        throw std::runtime_error("SAFERMAP_TEST_PG is not set: run the PostGIS tests through ctest, whose postgis fixture "
                                 "starts a throwaway server (scripts/pg_test_cluster.sh)");
    return server;
}

std::string postgis_project(const std::string& name) {
    return postgis_server() + " schemas=" + name + "_" + std::to_string(getpid());
}

std::string postgis_value(const std::string& sql) {
    io::gdal_init();
    io::gdal_clear_error();
    const char* drivers[] = {"PostgreSQL", nullptr};
    GDALDatasetUniquePtr ds(static_cast<GDALDataset*>(
        GDALOpenEx(postgis_server().c_str(), GDAL_OF_VECTOR | GDAL_OF_UPDATE, drivers, nullptr, nullptr)));
    if (!ds) throw std::runtime_error("cannot connect to the test server: " + io::gdal_last_error());
    OGRLayer* result = ds->ExecuteSQL(sql.c_str(), nullptr, nullptr);
    if (!result) {
        if (CPLGetLastErrorType() >= CE_Failure) throw std::runtime_error(sql + ": " + io::gdal_last_error());
        return "";
    }
    std::string value;
    if (OGRFeatureUniquePtr f{result->GetNextFeature()}; f && f->IsFieldSetAndNotNull(0)) value = f->GetFieldAsString(0);
    ds->ReleaseResultSet(result);
    return value;
}

std::string postgis_leftovers(const std::string& schema) {
    return postgis_value(fmt::format(
        "SELECT (SELECT COUNT(*) FROM pg_tables WHERE schemaname = '{0}' AND tablename LIKE '%\\_load\\_%') || ' tables, ' || "
        "(SELECT COUNT(*) FROM pg_constraint c JOIN pg_namespace n ON n.oid = c.connamespace "
        "WHERE n.nspname = '{0}' AND c.conname = 'loaded_months') || ' checks'",
        schema));
}

std::string postgis_index_definitions(const std::string& schema, const std::string& table) {
    return postgis_value(fmt::format("SELECT string_agg(replace(indexdef, '{1}', 'T'), E'\\n' ORDER BY indexname) "
                                     "FROM pg_indexes WHERE schemaname = '{0}' AND tablename = '{1}'",
                                     schema, table));
}

} // namespace safermap::test
