// SPDX-License-Identifier: MIT
#pragma once
// The sections of a report pack (print/report_pack.hpp), each writing its pages into the
// document from one shared context. Internal to print/.

#include "core/result_metadata.hpp"
#include "jobs/month_span.hpp"
#include "jobs/point_request.hpp"
#include "jobs/trends_job.hpp"
#include "print/report_document.hpp"
#include "print/report_pack.hpp"
#include "scene/map_scene.hpp"

#include <string>
#include <vector>

namespace safermap::print {

struct ReportContext {
    const ReportRequest* request = nullptr;
    const scene::MapScene* scene = nullptr;
    const geo::GeosContext* geos = nullptr;
    scene::IncidentFilter current, comparison;  // the same types and area, in each period
    jobs::MonthSpan current_span, base_span;
    bool base_last_year = true;                 // else the months just before
    std::string types;                          // "All crime" or the types
    jobs::PointRequest points;                  // the current period, for the jobs
    jobs::TrendsOutcome trends;                 // by ward
    bool is_public = false;
    ResultMetadata* summary = nullptr;          // sections and omissions are recorded here

    std::string count(long long n) const;       // a table cell: exact, or public_count in a public pack
    std::string headline(long long n) const;    // a total outside a table: exact, or public_rounded
    std::string period() const;                 // "October to December 2025"
    std::string comparison_period() const;
    void section(const std::string& name) const;
    void omitted(const std::string& name, const std::string& why) const;
};

void write_cover(ReportDocument& doc, const ReportContext& ctx, const std::string& date);
void write_summary(ReportDocument& doc, const ReportContext& ctx);
void write_ward_table(ReportDocument& doc, const ReportContext& ctx);
void write_hotspot_maps(ReportDocument& doc, const ReportContext& ctx);
void write_priority_areas(ReportDocument& doc, const ReportContext& ctx);
void write_cctv(ReportDocument& doc, const ReportContext& ctx);
void write_interventions(ReportDocument& doc, const ReportContext& ctx);
void write_methods(ReportDocument& doc, const ReportContext& ctx);

} // namespace safermap::print
