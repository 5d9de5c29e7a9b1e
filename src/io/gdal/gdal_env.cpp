// SPDX-License-Identifier: MIT
#include "io/gdal/gdal_env.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <gdal.h>

#include <mutex>

namespace safermap::io {

namespace {
thread_local std::string t_last_error;

void CPL_STDCALL record_error(CPLErr level, CPLErrorNum, const char* message) {
    // Warnings are kept too: GDAL reports e.g. a missing .shx as a warning before failing.
    if (level >= CE_Warning && message) t_last_error = message;
}
} // namespace

void gdal_init() {
    static std::once_flag once;
    std::call_once(once, [] {
        GDALAllRegister();
        // SQLite's default page cache (a few MB) makes appending to a large GeoPackage read
        // back pages it has just written; 256 MB keeps a million-row import in memory.
        // A user's own setting (environment or --config) wins.
        if (!CPLGetConfigOption("OGR_SQLITE_CACHE", nullptr)) CPLSetConfigOption("OGR_SQLITE_CACHE", "256");
        CPLSetErrorHandler(&record_error);
    });
}

std::string gdal_last_error() { return t_last_error; }

void gdal_clear_error() {
    t_last_error.clear();
    CPLErrorReset();
}

} // namespace safermap::io
