// SPDX-License-Identifier: MIT
#pragma once

#include "io/project/import_job.hpp"

#include <cstdio>

namespace safermap::cli {

// Prints the import summary table: per incident file read / kept / not geocoded / outside
// the study area / rejected, then rejections and notes by reason, boundary repairs, and
// where the rejects went.
void print_import_report(std::FILE* out, const io::ImportSummary& summary);

} // namespace safermap::cli
