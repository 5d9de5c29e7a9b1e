// SPDX-License-Identifier: MIT
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace safermap::io {

// A rough row count for incident files, to size tables and columns up front and to show
// progress. A CSV (plain or gzip) is measured by the length of its first lines (a police.uk
// row is about 200 bytes, an x,y export 20) against its size (gzip's own record of it);
// anything else counts 200 bytes a row. Files that cannot be read count nothing.
std::size_t estimate_rows(const std::vector<std::string>& files);

} // namespace safermap::io
