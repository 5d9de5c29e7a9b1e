// SPDX-License-Identifier: MIT
#pragma once

#include "io/project/import_job.hpp"

#include <nlohmann/json.hpp>

#include <cstdio>

namespace safermap::cli {

// Prints the import summary table: per incident file read / kept / not geocoded / outside
// the study area / rejected, then rejections and notes by reason, boundary repairs, places
// made from NaPTAN stops, and where the rejects went.
void print_import_report(std::FILE* out, const io::ImportSummary& summary);

// The same summary as one JSON object, keys in this order: project, created, working_crs,
// boundaries, cctv, interventions, places, incidents {files, total}, study_area, rejects_path,
// rejects_written. Counts are numbers; each report has rows_read, kept, not_geocoded,
// outside_study_area, rejected, rejected_by_reason, notes_by_reason. Each places entry also
// has path, format ("naptan"), places, replaced and places_by_kind; its rows are stops.
nlohmann::ordered_json import_summary_json(const io::ImportSummary& summary);

} // namespace safermap::cli
