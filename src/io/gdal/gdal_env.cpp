// SPDX-License-Identifier: MIT
#include "io/gdal/gdal_env.hpp"

#include <cpl_conv.h>
#include <cpl_error.h>
#include <cpl_string.h>
#include <gdal.h>

#include <memory>
#include <mutex>

namespace safermap::io {

namespace {
thread_local std::string t_last_error;
thread_local std::string t_first_error;

void CPL_STDCALL record_error(CPLErr level, CPLErrorNum, const char* message) {
    // Warnings are kept too: GDAL reports e.g. a missing .shx as a warning before failing.
    if (level >= CE_Warning && message) {
        t_last_error = message;
        if (level >= CE_Failure && t_first_error.empty()) t_first_error = message;
    }
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

std::string gdal_first_error() { return t_first_error; }

void gdal_clear_error() {
    t_last_error.clear();
    t_first_error.clear();
    CPLErrorReset();
}

std::function<void()> share_thread_options() {
    auto options = std::make_shared<CPLStringList>(CPLGetThreadLocalConfigOptions(), TRUE);
    return [options] { CPLSetThreadLocalConfigOptions(options->List()); };
}

ScopedConfigOption::ScopedConfigOption(const char* key, const char* value) : m_key(key) {
    if (const char* before = CPLGetThreadLocalConfigOption(key, nullptr)) m_previous = before;
    CPLSetThreadLocalConfigOption(key, value);
}

ScopedConfigOption::~ScopedConfigOption() {
    CPLSetThreadLocalConfigOption(m_key.c_str(), m_previous ? m_previous->c_str() : nullptr);
}

} // namespace safermap::io
