// SPDX-License-Identifier: MIT
// The report pack's text sections: cover, summary, the ward performance table, interventions,
// and methods and sources. The map sections are in report_maps.cpp.
#include "print/report_sections.hpp"

#include "analysis/trends.hpp"
#include "jobs/intervention_evaluation.hpp"
#include "render/furniture_painter.hpp"
#include "render/map_style.hpp"
#include "scene/map_legend.hpp"
#include "scene/scene_filter.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <numeric>

namespace safermap::print {

namespace {

using render::TextAlign;
using render::TextStyle;
namespace style = render::style;

// "+12%", "-3%", or "-" when it cannot be worked out or, in public, when a count is suppressed.
std::string change_text(long long now, long long before, bool is_public) {
    if (before == 0) return "-";
    if (is_public && (now < jobs::k_small_count || before < jobs::k_small_count)) return "-";
    const double pct = 100.0 * static_cast<double>(now - before) / static_cast<double>(before);
    return fmt::format("{:+.0f}%", pct);
}

// "**" p <= 0.01, "*" p <= 0.05 (Poisson test of two counts); nothing in public when suppressed.
std::string significance(double p, long long now, long long before, bool is_public) {
    if (is_public && (now < jobs::k_small_count || before < jobs::k_small_count)) return "";
    return p <= 0.01 ? "**" : p <= 0.05 ? "*" : "";
}

struct TypeChange {
    std::string type;
    long long now = 0, before = 0;
};

std::vector<TypeChange> changes_by_type(const ReportContext& ctx) {
    const auto& inc = ctx.scene->incidents;
    std::vector<TypeChange> out(inc.categories.size());
    for (std::size_t c = 0; c < out.size(); ++c) out[c].type = inc.categories[c];
    for (std::size_t i = 0; i < inc.size(); ++i) {
        if (ctx.current.passes(inc, i)) ++out[inc.category[i]].now;
        if (ctx.comparison.passes(inc, i)) ++out[inc.category[i]].before;
    }
    out.erase(std::remove_if(out.begin(), out.end(), [](const TypeChange& t) { return t.now == 0 && t.before == 0; }), out.end());
    return out;
}

} // namespace

void write_cover(ReportDocument& doc, const ReportContext& ctx, const std::string& date) {
    auto& c = doc.canvas();
    const render::Box b = doc.body();
    const ReportRequest& r = *ctx.request;
    const std::string title = r.title.empty() ? ctx.scene->name + ": community safety report" : r.title;
    double y = b.y + 150;
    for (const auto& line : render::wrap_text(title, b.w, 28, true)) {
        c.text({b.x, y}, line, TextStyle{28, true, style::ink});
        y += 36;
    }
    c.text({b.x, y + 10}, ctx.period(), TextStyle{18, false, style::ink});
    c.text({b.x, y + 36}, ctx.types + (ctx.current.area_label.empty() ? "" : ", " + ctx.current.area_label), TextStyle{13, false, style::ink});
    c.text({b.x, y + 58}, fmt::format("Compared with {} ({})", ctx.comparison_period(),
                                      ctx.base_last_year ? "the same months a year earlier" : "the months just before"),
           TextStyle{11, false, style::attribution_ink});
    c.text({b.x, y + 100}, "Prepared " + date, TextStyle{11, false, style::ink});
    c.text({b.x, y + 118}, ctx.is_public ? "For publication: disclosure control applied (see Methods and sources)"
                                         : "For the partnership only: " + r.audience.printed_marking(),
           TextStyle{11, !ctx.is_public, style::ink});
    c.text({b.x, b.bottom() - 10}, "Made with SaferMap from " + ctx.scene->name, TextStyle{8, false, style::attribution_ink});
    ctx.section("cover");
}

void write_summary(ReportDocument& doc, const ReportContext& ctx) {
    doc.new_page();
    doc.heading("Summary");
    const auto& inc = ctx.scene->incidents;
    const long long now = static_cast<long long>(scene::count_passing(inc, ctx.current));
    const long long before = static_cast<long long>(scene::count_passing(inc, ctx.comparison));
    const double p = analysis::poisson_two_count_p(now, before);
    auto headline = [&](long long n) { return ctx.headline(n); };
    doc.paragraph(fmt::format("{} incidents recorded in {}, against {} in {}: {}{}.", headline(now), ctx.period(), headline(before),
                              ctx.comparison_period(), change_text(now, before, ctx.is_public),
                              p <= 0.05 ? fmt::format(" (a change unlikely to be chance: Poisson test p = {:.3f})", p)
                                        : " (within what chance alone would give: Poisson test)"),
                  11);
    auto types = changes_by_type(ctx);
    std::sort(types.begin(), types.end(), [](const TypeChange& a, const TypeChange& b) {
        return std::abs(a.now - a.before) > std::abs(b.now - b.before) || (std::abs(a.now - a.before) == std::abs(b.now - b.before) && a.type < b.type);
    });
    doc.subheading("The biggest changes by crime type");
    Table t;
    t.headers = {"Crime type", ctx.period(), ctx.comparison_period(), "Change", "Significance"};
    t.widths = {3, 2, 2, 1, 1.2};
    t.align = {TextAlign::left, TextAlign::right, TextAlign::right, TextAlign::right, TextAlign::centre};
    for (std::size_t i = 0; i < types.size() && i < 6; ++i)
        t.rows.push_back({types[i].type, headline(types[i].now), headline(types[i].before), change_text(types[i].now, types[i].before, ctx.is_public),
                          significance(analysis::poisson_two_count_p(types[i].now, types[i].before), types[i].now, types[i].before, ctx.is_public)});
    doc.table(t);
    if (!ctx.trends.rows.empty()) {
        doc.subheading("Wards flagged by the Poisson test (p <= 0.05)");
        bool any = false;
        for (std::size_t i = 0; i < ctx.trends.rows.size(); ++i) {
            const auto& row = ctx.trends.rows[i];
            if (row.p > 0.05 || (ctx.is_public && (row.current < jobs::k_small_count || row.baseline < jobs::k_small_count))) continue;
            any = true;
            doc.bullet(fmt::format("{}: {} against {} ({}, p = {:.3f}): {}", ctx.trends.areas.name[i], ctx.count(row.current), ctx.count(row.baseline),
                                   change_text(row.current, row.baseline, ctx.is_public), row.p,
                                   row.current > row.baseline ? "up" : "down"));
        }
        if (!any) doc.paragraph("No ward changed by more than chance would allow.");
    }
    doc.paragraph("Significance: * p <= 0.05, ** p <= 0.01 (two-sided Poisson test of two counts).", 8);
    ctx.section("summary");
}

void write_ward_table(ReportDocument& doc, const ReportContext& ctx) {
    if (ctx.trends.rows.empty()) {
        ctx.omitted("ward performance table", "the project has no ward boundaries");
        doc.new_page();
        doc.heading("Performance by ward");
        doc.paragraph("Left out: the project has no ward boundaries (import them with --kind ward).");
        return;
    }
    doc.new_page();
    doc.heading("Performance by ward");
    doc.paragraph(fmt::format("{}, {} against {} ({}). Ranked by the current count.", ctx.types, ctx.period(), ctx.comparison_period(),
                              ctx.base_last_year ? "the same months a year earlier" : "the months just before"),
                  9);
    const auto& tr = ctx.trends;
    std::vector<std::size_t> order(tr.rows.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return tr.rows[a].rank < tr.rows[b].rank; });
    Table t;
    t.headers = {"Ward", "Code", ctx.period(), ctx.comparison_period(), "Change", "Rank", "Significance"};
    t.widths = {3.2, 1.4, 1.8, 1.8, 0.9, 0.6, 1};
    t.align = {TextAlign::left, TextAlign::left, TextAlign::right, TextAlign::right, TextAlign::right, TextAlign::right, TextAlign::centre};
    std::vector<std::int64_t> now_parts, base_parts;
    for (std::size_t i : order) {
        const auto& row = tr.rows[i];
        t.rows.push_back({tr.areas.name[i], tr.areas.code[i], ctx.count(row.current), ctx.count(row.baseline),
                          change_text(row.current, row.baseline, ctx.is_public),
                          ctx.is_public && row.current < jobs::k_small_count ? "-" : std::to_string(row.rank),
                          significance(row.p, row.current, row.baseline, ctx.is_public)});
        now_parts.push_back(row.current);
        base_parts.push_back(row.baseline);
    }
    // Totals: in public, computed only from what the table shows (jobs::public_total).
    const std::string total_now = ctx.is_public ? jobs::public_total(now_parts) : jobs::exact_count(tr.total_current);
    const std::string total_base = ctx.is_public ? jobs::public_total(base_parts) : jobs::exact_count(tr.total_base);
    t.rows.push_back({"All wards", "", total_now, total_base, ctx.is_public ? "-" : change_text(tr.total_current, tr.total_base, false), "",
                      ctx.is_public ? "" : significance(tr.total_p, tr.total_current, tr.total_base, false)});
    t.last_row_total = true;
    doc.table(t);
    if (ctx.is_public)
        doc.paragraph(fmt::format("Counts under {0} are shown as <{0} and have no rank; the total adds up the shown counts and says how "
                                  "many are under {0}, so no hidden count can be recovered. Headline counts are rounded to 10.",
                                  jobs::k_small_count),
                      8);
    doc.paragraph("Significance: * p <= 0.05, ** p <= 0.01 (two-sided Poisson test of the two counts). Incidents more than 150 m "
                  "outside every ward are not in any row.",
                  8);
    ctx.section("ward performance table");
}

void write_interventions(ReportDocument& doc, const ReportContext& ctx) {
    doc.new_page();
    doc.heading("Interventions");
    if (ctx.scene->interventions.empty()) {
        doc.paragraph("Left out: the project records no interventions (import them with --interventions).");
        ctx.omitted("interventions", "the project records no interventions");
        return;
    }
    jobs::PointRequest all = ctx.points;
    all.filter.from_month.clear();
    all.filter.to_month.clear();
    all.filter.area.clear();
    all.filter.area_kind.clear();
    jobs::EvaluationRequest er;
    er.all = true;
    er.before_months = 5;
    er.after_months = 5;
    er.buffer_m = 400;
    er.radius_m = 200;
    er.control.automatic = true;
    er.control.kind = "ward";
    const jobs::EvaluationOutcome ev = jobs::evaluate_interventions(all, er, *ctx.geos);
    doc.paragraph(fmt::format("{}: each scheme's area (points and lines within {:g} m), a {:g} m ring around it for displacement, and "
                              "a control ward with a similar count before, five months before against five months after the start "
                              "(the start month itself in neither).",
                              ctx.types, er.radius_m, er.buffer_m),
                  9);
    Table t;
    t.headers = {"Scheme", "Type", "Start", "Area before/after", "Ring before/after", "Control ward", "Control before/after", "WDQ",
                 "Odds ratio (95% CI)"};
    t.widths = {0.8, 1.4, 0.8, 1.4, 1.4, 2.2, 1.5, 0.6, 1.6};
    t.align = {TextAlign::left, TextAlign::left, TextAlign::left, TextAlign::right, TextAlign::right, TextAlign::left, TextAlign::right,
               TextAlign::right, TextAlign::right};
    bool suppressed = false;
    for (const auto& e : ev.evaluations) {
        const auto& n = e.counts;
        auto pair = [&](double b, double a) { return ctx.count(std::llround(b)) + " / " + ctx.count(std::llround(a)); };
        const bool small = std::min({n.treatment_before, n.treatment_after, n.buffer_before, n.buffer_after, n.control_before, n.control_after}) <
                           static_cast<double>(jobs::k_small_count);
        const bool hide = ctx.is_public && small;
        suppressed |= hide;
        std::string wdq = "-", oratio = "-";
        if (e.counted && !hide) {
            if (e.effect.wdq) wdq = fmt::format("{:.2f}", *e.effect.wdq);
            if (e.effect.odds_ratio)
                oratio = e.effect.odds_ratio_ci_low ? fmt::format("{:.2f} ({:.2f}-{:.2f})", *e.effect.odds_ratio, *e.effect.odds_ratio_ci_low,
                                                                  *e.effect.odds_ratio_ci_high)
                                                    : fmt::format("{:.2f}", *e.effect.odds_ratio);
        }
        t.rows.push_back({e.id + (e.illustrative ? "*" : ""), render::intervention_label(e.type), io::month_text(e.start_month),
                          e.counted ? pair(n.treatment_before, n.treatment_after) : "not counted",
                          e.counted ? pair(n.buffer_before, n.buffer_after) : "", e.control_name,
                          e.counted ? pair(n.control_before, n.control_after) : "",
                          wdq, oratio});
    }
    doc.table(t);
    doc.paragraph("WDQ: weighted displacement quotient (Bowers & Johnson 2003): above 0 diffusion of benefits to the ring, below 0 "
                  "displacement into it; shown only where the area improved against the control. Odds ratio (Welsh & Farrington): "
                  "above 1, fewer incidents than the control's trend would give. * ILLUSTRATIVE schemes, not real ones.",
                  8);
    if (suppressed) doc.paragraph("Measures are not shown for schemes with a count under 5: they could reveal it.", 8);
    ctx.section("interventions");
}

void write_methods(ReportDocument& doc, const ReportContext& ctx) {
    doc.new_page();
    doc.heading("Methods and sources");
    doc.subheading("Methods");
    doc.bullet("Comparison: " + std::string(ctx.base_last_year ? "the same months a year earlier, so that seasons match."
                                                               : "the months just before (the data has no year earlier).") +
               " Change is the difference in counts; significance is the two-sided Poisson test of two counts (as R's poisson.test).");
    doc.bullet("Kernel density (KDE): a quartic kernel of 250 m radius on 25 m cells, in incidents per km². Shows where incidents "
               "concentrate, not where each one was.");
    doc.bullet("Hot and cold spots (Getis-Ord Gi*): counts on 250 m cells compared with their neighbours within 375 m; bins at 90, "
               "95 and 99% confidence after the false discovery rate correction.");
    doc.bullet("CCTV coverage: an incident is covered when it lies within a camera's range (and its view sector where recorded; "
               "100 m all round where not).");
    doc.bullet("Intervention evaluation: Bowers & Johnson's weighted displacement quotient and the odds ratio of Welsh & "
               "Farrington, with an automatic control ward.");
    doc.bullet("Positions: police.uk moves each crime to one of a set of anonymous snap points, so maps show areas, not addresses.");
    if (ctx.is_public)
        doc.bullet(fmt::format("Disclosure control: no incident points; KDE bandwidth at least {:g} m; counts under {} shown as <{}; "
                               "a table's total is the sum of its shown counts and the number under {}; headline counts rounded to 10; no "
                               "addresses, locations or crime references.",
                               jobs::k_public_min_bandwidth_m, jobs::k_small_count, jobs::k_small_count, jobs::k_small_count));
    doc.subheading("Sources and licences");
    scene::MapShown all;
    all.layers = {"district", "ward", "lsoa", "priority", "incidents", "cctv", "proposed", "interventions", "labels", "places"};
    all.public_audience = false; // the sources of the data used, whatever the audience
    for (const auto& line : scene::describe_map(*ctx.scene, all).attribution) doc.bullet(line);
    ctx.section("methods and sources");
}

} // namespace safermap::print
