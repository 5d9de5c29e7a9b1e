// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace safermap::io {

// Writes a project's incidents back out as a police.uk street-level CSV (the 12 columns, in
// import order), byte-for-byte as they were read for rows that came from police.uk files.
// Returns the number of rows written. Throws IoError when either file cannot be used.
long long export_police_uk_csv(const std::string& project, const std::string& out_csv);

} // namespace safermap::io
