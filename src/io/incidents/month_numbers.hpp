// SPDX-License-Identifier: MIT
#pragma once
// Months and days as the analysis methods number them, apart from the loaders so that the
// row parsers (and their fuzz targets) can number dates without the project code.

#include <cstdint>
#include <string>
#include <string_view>

namespace safermap::io {

// "2025-03" -> 2025 * 12 + 2; throws ConfigError naming `what` for anything else.
std::int32_t month_index(const std::string& yyyy_mm, const char* what);
std::string month_text(std::int32_t index);

// "2025-03-31" or "2025-03-31T14:05:00" (an incident's `occurred`) -> days since 1970-01-01;
// -1 for anything without a whole valid date ("2025-03", "").
std::int32_t day_number(std::string_view iso_date);

} // namespace safermap::io
