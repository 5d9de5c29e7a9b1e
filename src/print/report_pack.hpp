// SPDX-License-Identifier: MIT
#pragma once
// `safermap report`: the multi-page PDF a strategic group reads at its meeting, from one
// project: cover, summary, the ward performance table, hotspot maps (KDE and Gi*) for all
// crime and the top crime types, each priority area with its map and trend, CCTV coverage
// and siting proposals, intervention evaluations, and methods and sources. Sections the
// project cannot fill (no CCTV, no interventions) say so in a line. Every analysis runs
// through the same jobs as the CLI commands; tables are PDF text; a public pack follows
// jobs/disclosure.

#include "core/result_metadata.hpp"
#include "jobs/disclosure.hpp"

#include <string>
#include <vector>

namespace safermap::print {

struct ReportRequest {
    std::string project;
    std::string out;                     // .pdf
    std::string from, to;                // YYYY-MM; default: the last three months of data
    std::vector<std::string> categories; // default: all crime
    std::string area;                    // a ward, boundary or place (name or code, as --area): the pack narrows to it
    std::string title;                   // default: "<project name>: community safety report"
    jobs::Audience audience;
};

// Writes request.out (under a temporary name, renamed when complete) and says what it holds:
// method "report", output, pages, period, comparison, sections, and the sections left out
// with why. Throws ConfigError for filters that match nothing (listing what exists), IoError
// naming a file. The cover's date is today, or SOURCE_DATE_EPOCH's when set (reproducible).
ResultMetadata export_report(const ReportRequest& request);

} // namespace safermap::print
