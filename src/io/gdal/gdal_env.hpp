// SPDX-License-Identifier: MIT
#pragma once

#include <functional>
#include <optional>
#include <string>

namespace safermap::io {

// Registers GDAL's drivers once and routes GDAL's error messages into a per-thread record
// instead of stderr, so that library code can turn them into exceptions with context.
// Safe to call many times.
void gdal_init();

// The most recent GDAL error message on this thread ("" when none), and a reset.
std::string gdal_last_error();
void gdal_clear_error();
// The first GDAL error (not warning) on this thread since gdal_clear_error(), "" when none:
// the cause, where the errors after it are its consequences.
std::string gdal_first_error();

// A copy of this thread's own GDAL configuration options (ScopedConfigOption's), as a step
// that gives them to another thread working for this one. GDAL reads some options only on
// first use, on whichever thread that is (PG_USE_COPY at a layer's first write): a helper
// thread without them made an import send a million single INSERTs instead of one COPY.
std::function<void()> share_thread_options();

// Sets a GDAL configuration option on this thread for the object's lifetime, then restores
// what was there (a user's own --config or environment setting is overridden only meanwhile).
class ScopedConfigOption {
public:
    ScopedConfigOption(const char* key, const char* value);
    ~ScopedConfigOption();
    ScopedConfigOption(const ScopedConfigOption&) = delete;
    ScopedConfigOption& operator=(const ScopedConfigOption&) = delete;

private:
    std::string m_key;
    std::optional<std::string> m_previous; // this thread's own value before, if it had one
};

} // namespace safermap::io
