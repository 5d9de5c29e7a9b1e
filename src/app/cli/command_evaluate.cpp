// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/intervention_evaluation.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <filesystem>

namespace safermap::cli {

namespace {

using Json = nlohmann::ordered_json;

// Counts as whole numbers when they are (unweighted), else as they are.
Json count_json(double v) {
    if (std::floor(v) == v && std::abs(v) < 9e15) return static_cast<std::int64_t>(v);
    return v;
}

// The six counts, named as in the JSON and CSV.
std::vector<std::pair<const char*, double>> counts_of(const analysis::InterventionCounts& c) {
    return {{"treatment_before", c.treatment_before}, {"treatment_after", c.treatment_after}, {"buffer_before", c.buffer_before},
            {"buffer_after", c.buffer_after}, {"control_before", c.control_before}, {"control_after", c.control_after}};
}

Json optional_json(const std::optional<double>& v) { return v ? Json(*v) : Json(nullptr); }

std::string optional_text(const std::optional<double>& v, const char* format = "{:.3f}") {
    return v ? fmt::format(fmt::runtime(format), *v) : "-";
}

std::string csv_number(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : ""; }

const char* reading_name(analysis::WdqReading r) {
    switch (r) {
    case analysis::WdqReading::not_interpretable: return "not_interpretable";
    case analysis::WdqReading::diffusion_exceeds_benefit: return "diffusion_exceeds_benefit";
    case analysis::WdqReading::diffusion: return "diffusion";
    case analysis::WdqReading::no_effect: return "no_effect";
    case analysis::WdqReading::displacement: return "displacement";
    case analysis::WdqReading::displacement_exceeds_benefit: return "displacement_exceeds_benefit";
    }
    return "";
}

std::string period(std::int32_t from, std::int32_t to) { return jobs::period_label(io::month_text(from), io::month_text(to)); }

// Before/after evaluation of interventions: the treatment area against a buffer ring (where
// crime could be displaced to) and a control area, in whole months either side of the start.
class CommandEvaluate : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
        app.get_option("--area")->description("Project: only incidents inside this boundary. With --points: the treatment area, a "
                                              "polygon file (points or lines with --radius)");
        app.add_option("--intervention", m_request.interventions, "The project's interventions to evaluate, by id (repeatable)");
        app.add_flag("--all", m_request.all, "Evaluate every intervention in the project");
        app.add_option("--start", m_request.start_month,
                       "YYYY-MM the scheme began: required with --points --area FILE; otherwise it replaces the install dates");
        app.add_option("--before", m_request.before_months, "Whole months before the start month to compare (the start month is left out)")
            ->required();
        app.add_option("--after", m_request.after_months, "Whole months after the start month")->required();
        app.add_option("--buffer", m_request.buffer_m, "Width in metres of the ring around the treatment area where crime could be displaced to")
            ->required();
        app.add_option("--radius", m_request.radius_m, "Metres around an intervention's point or line that it protects (polygons are used as they are)");
        app.add_option("--control", m_control,
                       "The control area: a polygon file, or 'auto' (the project's --control-kind boundary with the nearest before "
                       "count that touches neither the treatment area nor the buffer)");
        app.add_option("--control-area", m_request.control.area, "The control area: a boundary of the project, by name or code");
        app.add_option("--control-kind", m_request.control.kind, "Boundary kind for --control auto (default ward) and --control-area");
        app.add_option("--out", m_out, "Write the evaluations: .csv, one row per intervention (with a .json sidecar)");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        jobs::EvaluationRequest request = m_request;
        if (m_control == "auto") request.control.automatic = true;
        else request.control.file = m_control;
        if (m_input.project().empty()) {
            // No boundaries to filter by without a project: --area names the treatment area's file.
            request.treatment_file = m_input.request.filter.area;
            m_input.request.filter.area.clear();
        }
        m_input.resolve();
        geo::GeosContext geos;
        const jobs::EvaluationOutcome outcome = jobs::evaluate_interventions(m_input.request, request, geos);
        ResultMetadata meta = jobs::describe_result("evaluate", m_input.request, outcome.crs);
        meta["period"] = fmt::format("{} months before and {} after each start month, the start month left out", request.before_months,
                                     request.after_months);
        meta.update(outcome.parameters);
        std::vector<std::string> written;
        if (!m_out.empty()) written = write(outcome, meta);
        if (m_json) {
            Json j = meta;
            Json list = Json::array();
            for (const auto& e : outcome.evaluations) list.push_back(to_json(e));
            j["evaluations"] = std::move(list);
            j["rows_read"] = outcome.points_report.rows_read;
            j["rejected_by_reason"] = outcome.points_report.rejected_by_reason;
            j["notes_by_reason"] = outcome.points_report.notes_by_reason;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        // Not describe_filter(): its "all months" would mislead, as each evaluation has its own windows.
        const io::PointFilter& f = m_input.filter();
        fmt::print("Evaluation of {} intervention{} from {}: {}{}\n", outcome.evaluations.size(), outcome.evaluations.size() == 1 ? "" : "s",
                   m_input.describe(), jobs::categories_label(f), f.area.empty() ? "" : "; area " + f.area);
        print_row_report(stdout, outcome.points_report);
        if (outcome.first_month)
            fmt::print("the incidents cover {}\n", period(*outcome.first_month, *outcome.last_month));
        if (std::none_of(outcome.evaluations.begin(), outcome.evaluations.end(), [](const auto& e) { return e.counted; }))
            fmt::print("no evaluation's windows fall within those months, so nothing could be counted; --start YYYY-MM evaluates as if "
                       "the schemes had begun then\n");
        for (const auto& e : outcome.evaluations) print(e);
        if (outcome.evaluations.size() > 1) print_summary(outcome);
        print_written(stdout, written);
        return 0;
    }

private:
    static Json to_json(const jobs::Evaluation& e) {
        const auto& c = e.counts;
        const auto& x = e.effect;
        Json j;
        j["intervention_id"] = e.id;
        j["type"] = e.type;
        j["description"] = e.description;
        j["illustrative"] = e.illustrative;
        j["start_month"] = io::month_text(e.start_month);
        j["start_source"] = e.start_source;
        j["before_period"] = period(e.before_from, e.before_to);
        j["after_period"] = period(e.after_from, e.after_to);
        j["treatment"] = e.treatment_how;
        j["treatment_km2"] = e.treatment_km2;
        j["buffer"] = e.buffer_how;
        j["buffer_km2"] = e.buffer_km2;
        const bool has_control = !e.control_name.empty();
        j["control"] = has_control ? Json(e.control_name) : Json(nullptr);
        j["control_how"] = e.control_how;
        j["control_km2"] = has_control && e.counted ? Json(e.control_km2) : Json(nullptr);
        j["counted"] = e.counted;
        for (const auto& [key, value] : counts_of(c)) j[key] = e.counted ? count_json(value) : Json(nullptr);
        j["treatment_change_pct"] = optional_json(x.treatment_change_pct);
        j["buffer_change_pct"] = optional_json(x.buffer_change_pct);
        j["control_change_pct"] = optional_json(x.control_change_pct);
        j["success_measure"] = optional_json(x.success_measure);
        j["buffer_displacement_measure"] = optional_json(x.buffer_displacement_measure);
        j["wdq"] = optional_json(x.wdq);
        j["wdq_reading"] = e.counted ? Json(reading_name(x.wdq_reading)) : Json(nullptr);
        j["tne"] = optional_json(x.total_net_effect);
        j["net_effect_treatment"] = optional_json(x.net_effect_treatment);
        j["net_effect_buffer"] = optional_json(x.net_effect_buffer);
        j["odds_ratio"] = optional_json(x.odds_ratio);
        j["or_ci_low"] = optional_json(x.odds_ratio_ci_low);
        j["or_ci_high"] = optional_json(x.odds_ratio_ci_high);
        j["warnings"] = x.warnings;
        return j;
    }

    static void print(const jobs::Evaluation& e) {
        const auto& c = e.counts;
        const auto& x = e.effect;
        std::string title = e.id;
        if (!e.type.empty()) title += fmt::format(" ({}{})", e.type, e.illustrative ? ", ILLUSTRATIVE" : "");
        if (!e.description.empty()) title += ": " + e.description;
        fmt::print("\n{}\n", title);
        fmt::print("  start {} ({}); before {}, after {}\n", io::month_text(e.start_month), e.start_source, period(e.before_from, e.before_to),
                   period(e.after_from, e.after_to));
        auto change = [](const std::optional<double>& pct) { return pct ? fmt::format("{:+.1f}%", *pct) : "-"; };
        auto count = [&e](double v) { return e.counted ? fmt::format("{:g}", v) : "no data"; };
        TextTable table({{"area"}, {"before", true}, {"after", true}, {"change", true}, {"km²", true}, {"what"}});
        table.add({"treatment", count(c.treatment_before), count(c.treatment_after), change(x.treatment_change_pct),
                   fmt::format("{:.3f}", e.treatment_km2), e.treatment_how});
        table.add({"buffer", count(c.buffer_before), count(c.buffer_after), change(x.buffer_change_pct), fmt::format("{:.3f}", e.buffer_km2),
                   e.buffer_how});
        table.add({"control", count(c.control_before), count(c.control_after), change(x.control_change_pct),
                   e.control_name.empty() ? "-" : fmt::format("{:.3f}", e.control_km2), e.control_name.empty() ? "-" : e.control_name});
        table.print(stdout, 2);
        fmt::print("  control {}{}\n", e.control_name.empty() ? "" : e.control_name + ": ", e.control_how);
        if (!e.counted) {
            for (const auto& w : x.warnings) fmt::print("  warning: {}\n", w);
            return;
        }
        if (x.wdq)
            fmt::print("  WDQ {:.3f}: {}\n", *x.wdq, analysis::describe(x.wdq_reading));
        else
            fmt::print("  WDQ -: {}\n", x.success_measure ? analysis::describe(x.wdq_reading) : "not computed (see warnings)");
        fmt::print("  success measure {}, buffer displacement measure {}\n", optional_text(x.success_measure, "{:.4f}"),
                   optional_text(x.buffer_displacement_measure, "{:.4f}"));
        if (x.total_net_effect)
            fmt::print("  total net effect {:.1f} crimes {} (treatment {:.1f}, buffer {:.1f}), against the control's trend\n",
                       std::abs(*x.total_net_effect), *x.total_net_effect >= 0 ? "prevented" : "added", *x.net_effect_treatment,
                       *x.net_effect_buffer);
        else
            fmt::print("  total net effect -\n");
        if (x.odds_ratio && x.odds_ratio_ci_low)
            fmt::print("  odds ratio {:.2f} [95% CI {:.2f}, {:.2f}] (above 1: fewer crimes than the control's trend predicts)\n",
                       *x.odds_ratio, *x.odds_ratio_ci_low, *x.odds_ratio_ci_high);
        else
            fmt::print("  odds ratio {}\n", optional_text(x.odds_ratio, "{:.2f}"));
        for (const auto& w : x.warnings) fmt::print("  warning: {}\n", w);
    }

    // One line per evaluation, for --all.
    static void print_summary(const jobs::EvaluationOutcome& o) {
        fmt::print("\nSummary (counts before -> after)\n");
        TextTable table({{"intervention"}, {"start"}, {"treatment", true}, {"buffer", true}, {"control", true}, {"WDQ", true}, {"TNE", true},
                         {"odds ratio [95% CI]", true}, {"warnings", true}});
        for (const auto& e : o.evaluations) {
            const auto& c = e.counts;
            const auto& x = e.effect;
            auto pair = [&e](double b, double a) { return e.counted ? fmt::format("{:g} -> {:g}", b, a) : "no data"; };
            std::string odds = optional_text(x.odds_ratio, "{:.2f}");
            if (x.odds_ratio_ci_low) odds += fmt::format(" [{:.2f}, {:.2f}]", *x.odds_ratio_ci_low, *x.odds_ratio_ci_high);
            table.add({e.id, io::month_text(e.start_month), pair(c.treatment_before, c.treatment_after), pair(c.buffer_before, c.buffer_after),
                       pair(c.control_before, c.control_after), optional_text(x.wdq), optional_text(x.total_net_effect, "{:.1f}"), odds,
                       fmt::format("{}", x.warnings.size())});
        }
        table.print(stdout, 2);
    }

    // One row per evaluation; null measures are empty cells, warnings joined by " | ".
    std::vector<std::string> write(const jobs::EvaluationOutcome& o, const ResultMetadata& meta) const {
        const std::string ext = lower_extension(m_out);
        if (ext != ".csv") throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv)", m_out, ext));
        ReplacementFile file(m_out, "CSV");
        fmt::print(file.stream(),
                   "intervention_id,type,start_month,before_from,before_to,after_from,after_to,treatment,control,control_how,"
                   "treatment_before,treatment_after,buffer_before,buffer_after,control_before,control_after,treatment_change_pct,"
                   "buffer_change_pct,control_change_pct,success_measure,buffer_displacement_measure,wdq,wdq_reading,tne,odds_ratio,"
                   "or_ci_low,or_ci_high,warnings\n");
        for (const auto& e : o.evaluations) {
            const auto& c = e.counts;
            const auto& x = e.effect;
            std::string line;
            auto text = [&line](const std::string& s) {
                io::append_csv_field(line, s);
                line.push_back(',');
            };
            text(e.id);
            text(e.type);
            for (auto m : {e.start_month, e.before_from, e.before_to, e.after_from, e.after_to}) text(io::month_text(m));
            text(e.treatment_how);
            text(e.control_name);
            text(e.control_how);
            for (const auto& [key, value] : counts_of(c)) line += e.counted ? fmt::format("{},", value) : std::string(",");
            for (const auto& v : {x.treatment_change_pct, x.buffer_change_pct, x.control_change_pct, x.success_measure,
                                  x.buffer_displacement_measure, x.wdq})
                line += csv_number(v) + ",";
            text(reading_name(x.wdq_reading));
            for (const auto& v : {x.total_net_effect, x.odds_ratio, x.odds_ratio_ci_low, x.odds_ratio_ci_high}) line += csv_number(v) + ",";
            std::string warnings;
            for (const auto& w : x.warnings) warnings += (warnings.empty() ? "" : " | ") + w;
            io::append_csv_field(line, warnings);
            fmt::print(file.stream(), "{}\n", line);
        }
        io::write_metadata_json(m_out + ".json", meta);
        file.commit();
        return {m_out, m_out + ".json"};
    }

    AnalysisInput m_input;
    jobs::EvaluationRequest m_request;
    std::string m_control, m_out;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_evaluate_command() { return std::make_unique<CommandEvaluate>(); }

} // namespace safermap::cli
