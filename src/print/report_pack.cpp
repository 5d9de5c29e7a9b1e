// SPDX-License-Identifier: MIT
#include "print/report_pack.hpp"

#include "core/credentials.hpp"
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "print/report_sections.hpp"
#include "scene/scene_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>
#include <ctime>

namespace safermap::print {

namespace {

// Today, or the day SOURCE_DATE_EPOCH names (reproducible outputs and tests).
std::string report_date() {
    std::time_t t = std::time(nullptr);
    if (const char* epoch = std::getenv("SOURCE_DATE_EPOCH"); epoch && *epoch) t = static_cast<std::time_t>(std::atoll(epoch));
    std::tm tm{};
    gmtime_r(&t, &tm);
    static const char* months[] = {"January", "February", "March",     "April",   "May",      "June",
                                   "July",    "August",   "September", "October", "November", "December"};
    return fmt::format("{} {} {}", tm.tm_mday, months[tm.tm_mon], tm.tm_year + 1900);
}

} // namespace

std::string ReportContext::count(long long n) const { return jobs::shown_count(n, is_public); }
std::string ReportContext::headline(long long n) const { return is_public ? jobs::public_rounded(n) : jobs::exact_count(n); }
std::string ReportContext::period() const { return jobs::long_period(current_span.from, current_span.to); }
std::string ReportContext::comparison_period() const { return jobs::long_period(base_span.from, base_span.to); }
void ReportContext::section(const std::string& name) const { (*summary)["sections"].push_back(name); }
void ReportContext::omitted(const std::string& name, const std::string& why) const {
    (*summary)["omitted"].push_back({{"section", name}, {"why", why}});
}

ResultMetadata export_report(const ReportRequest& r) {
    if (lower_extension(r.out) != ".pdf") throw ConfigError(fmt::format("{}: a report pack is a PDF: give a .pdf file", r.out));
    ReplacementFile file(r.out, "PDF");
    geo::GeosContext geos;
    const scene::MapScene scene = scene::load_scene(r.project, geos);
    if (scene.incidents.size() == 0) throw ConfigError(fmt::format("{} holds no incidents with a position to report on", r.project));

    ReportContext ctx;
    ctx.request = &r;
    ctx.scene = &scene;
    ctx.geos = &geos;
    ctx.is_public = r.audience.public_audience;
    // The period: as asked, else the last three months of data.
    const std::int32_t last = scene.incidents.last_month;
    const std::string to = r.to.empty() ? io::month_text(last) : r.to;
    const std::string from = r.from.empty() ? io::month_text(std::max(scene.incidents.first_month, io::month_index(to, "--to") - 2)) : r.from;
    ctx.current = scene::resolve_scene_filter(scene, {from, to, r.categories, r.area});
    ctx.current_span = {ctx.current.from_month, ctx.current.to_month};
    // The comparison: the same months a year earlier where the data has them, else the months just before.
    const std::int32_t span = ctx.current_span.months();
    ctx.base_last_year = ctx.current_span.from - 12 >= scene.incidents.first_month;
    ctx.base_span = ctx.base_last_year ? jobs::MonthSpan{ctx.current_span.from - 12, ctx.current_span.to - 12}
                                       : jobs::MonthSpan{ctx.current_span.from - span, ctx.current_span.from - 1};
    ctx.comparison = ctx.current;
    ctx.comparison.from_month = ctx.base_span.from;
    ctx.comparison.to_month = ctx.base_span.to;
    if (ctx.current.categories.empty()) {
        ctx.types = "All crime";
    } else {
        for (std::size_t i = 0; i < ctx.current.categories.size(); ++i)
            if (ctx.current.categories[i]) ctx.types += (ctx.types.empty() ? "" : ", ") + scene.incidents.categories[i];
    }
    ctx.points.project = r.project;
    ctx.points.filter.from_month = io::month_text(ctx.current_span.from);
    ctx.points.filter.to_month = io::month_text(ctx.current_span.to);
    for (std::size_t i = 0; i < ctx.current.categories.size(); ++i)
        if (ctx.current.categories[i]) ctx.points.filter.categories.push_back(scene.incidents.categories[i]);
    if (ctx.current.ward >= 0) {
        ctx.points.filter.area = scene.area("ward")->codes[static_cast<std::size_t>(ctx.current.ward)];
        ctx.points.filter.area_kind = "ward";
    } else if (ctx.current.area_mask) {
        ctx.points.filter.area = r.area; // resolved again by the jobs, by the same rules
    }
    if (scene.area("ward")) {
        jobs::TrendsRequest tr;
        tr.points = ctx.points;
        tr.points.filter.area.clear(); // the table shows every ward; the area narrows the rest
        tr.points.filter.area_kind.clear();
        tr.baseline = ctx.base_last_year ? jobs::Baseline::last_year : jobs::Baseline::previous;
        ctx.trends = jobs::run_trends(tr, geos);
    }

    ResultMetadata out;
    out["method"] = "report";
    out["input"] = mask_credentials(r.project);
    out["output"] = r.out;
    out["period"] = ctx.period();
    out["comparison"] = ctx.comparison_period();
    out["comparison_rule"] = ctx.base_last_year ? "the same months a year earlier" : "the months just before (the data has no year earlier)";
    out["categories"] = ctx.types;
    if (!ctx.current.area_label.empty()) out["area"] = ctx.current.area_label;
    out["public"] = ctx.is_public;
    out["marking"] = r.audience.printed_marking();
    out["sections"] = nlohmann::ordered_json::array();
    out["omitted"] = nlohmann::ordered_json::array();
    ctx.summary = &out;

    const std::string title = r.title.empty() ? scene.name + ": community safety report" : r.title;
    ReportDocument doc(file.temp_path(), title, r.audience.printed_marking());
    write_cover(doc, ctx, report_date());
    write_summary(doc, ctx);
    write_ward_table(doc, ctx);
    write_hotspot_maps(doc, ctx);
    write_priority_areas(doc, ctx);
    write_cctv(doc, ctx);
    write_interventions(doc, ctx);
    write_methods(doc, ctx);
    doc.finish();
    file.commit();
    out["pages"] = doc.pages();
    return out;
}

} // namespace safermap::print
