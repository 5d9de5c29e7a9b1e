// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace safermap::io {

// Registers GDAL's drivers once and routes GDAL's error messages into a per-thread record
// instead of stderr, so that library code can turn them into exceptions with context.
// Safe to call many times.
void gdal_init();

// The most recent GDAL error message on this thread ("" when none), and a reset.
std::string gdal_last_error();
void gdal_clear_error();

} // namespace safermap::io
