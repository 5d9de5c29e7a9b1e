// SPDX-License-Identifier: MIT
#include "support/postgis.hpp"

#include "io/gdal/gdal_env.hpp"

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

} // namespace safermap::test
