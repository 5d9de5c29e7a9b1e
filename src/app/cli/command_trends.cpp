// SPDX-License-Identifier: MIT
#include "analysis/trends.hpp"
#include "app/cli/analysis_units.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "io/results/polygon_result_writer.hpp"
#include "jobs/result_description.hpp"
#include "jobs/trends_job.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <numeric>

namespace safermap::cli {

namespace {

// The monthly CSP performance table: counts per area for a period against the same period
// last year (or the period just before), % change, rank, rolling 3-month counts, and whether
// the change is unlikely to be noise (exact two-count Poisson test).
class CommandTrends : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_only, AnalysisInput::Kind::taken);
        app.add_option("--kind", m_kind, "Areas to report on: the project's boundaries of this kind")->default_val("ward");
        add_hidden_alias(app, "--polygons-kind", m_kind);
        app.add_option("--baseline", m_baseline, "last-year (the same months a year earlier) or previous (the months just before)")
            ->default_val("last-year");
        app.add_option("--alpha", m_alpha, "Flag changes whose Poisson test p is below this")->default_val(0.05);
        app.add_option("--out", m_out, "Write the table: .csv or .gpkg (one row per area)");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("trends");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        m_input.resolve();
        geo::GeosContext geos;
        const jobs::TrendsOutcome t = jobs::run_trends({m_input.request, m_kind, jobs::parse_baseline(m_baseline)}, geos);
        const std::string period = jobs::period_label(io::month_text(t.current.from), io::month_text(t.current.to));
        const std::string base_period = jobs::period_label(io::month_text(t.base.from), io::month_text(t.base.to));
        std::vector<std::string> written;
        if (!m_out.empty()) written = write(t, period, base_period);
        report(t, period, base_period);
        print_written(stdout, written);
        return 0;
    }

private:
    ResultMetadata metadata(const jobs::TrendsOutcome& t, const std::string& period, const std::string& base_period) const {
        ResultMetadata meta = jobs::describe_result("trends", m_input.request, t.areas.crs);
        meta["period"] = period;
        meta["baseline"] = base_period;
        meta["weights"] = "count"; // the Poisson test needs counts
        meta["areas"] = m_kind;
        meta["test"] = "exact two-count Poisson (conditional binomial), two-sided";
        meta["alpha"] = m_alpha;
        return meta;
    }

    std::vector<std::string> write(const jobs::TrendsOutcome& t, const std::string& period, const std::string& base_period) const {
        const auto& rows = t.rows;
        const auto& rolling = t.rolling;
        const std::int32_t from = t.current.from;
        std::vector<io::PolygonColumn> cols{{"current", {}}, {"baseline", {}}, {"change_pct", {}}, {"p", {}}, {"significant", {}, true}, {"rank", {}, true}};
        for (const auto& r : rows) {
            cols[0].values.push_back(static_cast<double>(r.current));
            cols[1].values.push_back(static_cast<double>(r.baseline));
            cols[2].values.push_back(r.change_pct.value_or(std::nan("")));
            cols[3].values.push_back(r.p);
            cols[4].values.push_back(r.p < m_alpha ? 1 : 0);
            cols[5].values.push_back(r.rank);
        }
        for (std::size_t m = 0; m < (rolling.empty() ? 0 : rolling[0].size()); ++m) {
            io::PolygonColumn c{"rolling3_" + io::month_text(from + static_cast<std::int32_t>(m)), {}};
            for (const auto& r : rolling) c.values.push_back(static_cast<double>(r[m]));
            cols.push_back(std::move(c));
        }
        return io::write_polygon_results(m_out, t.areas, cols, metadata(t, period, base_period), m_layer);
    }

    void report(const jobs::TrendsOutcome& t, const std::string& period, const std::string& base_period) const {
        const auto& rows = t.rows;
        const auto& areas = t.areas;
        const RunReport& notes = t.notes;
        const long long total_current = t.total_current, total_base = t.total_base;
        const double total_p = t.total_p;
        std::vector<std::size_t> order(rows.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return rows[a].rank < rows[b].rank; });
        if (m_json) {
            nlohmann::ordered_json j = metadata(t, period, base_period);
            j["total"] = {{"current", total_current}, {"baseline", total_base}, {"p", total_p}};
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (std::size_t i : order) {
                const auto& r = rows[i];
                list.push_back({{"code", areas.code[i]}, {"name", areas.name[i]}, {"current", r.current}, {"baseline", r.baseline},
                                {"change_pct", r.change_pct ? nlohmann::ordered_json(*r.change_pct) : nlohmann::ordered_json(nullptr)},
                                {"p", r.p}, {"significant", r.p < m_alpha}, {"rank", r.rank}});
            }
            j["rows"] = list;
            j["notes_by_reason"] = notes.notes_by_reason;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("{} by {}: {} against {}\n", "Incidents", m_kind, period, base_period);
        print_row_report(stdout, notes);
        TextTable table({{"rank", true}, {"area"}, {"now", true}, {"before", true}, {"change", true}, {"p", true}, {""}});
        for (std::size_t i : order) {
            const auto& r = rows[i];
            std::string change = r.change_pct ? fmt::format("{:+.1f}%", *r.change_pct) : "new";
            table.add({fmt::format("{}", r.rank), areas.name[i], fmt::format("{}", r.current), fmt::format("{}", r.baseline), change,
                       fmt::format("{:.3f}", r.p), r.p < m_alpha ? "*" : ""});
        }
        std::string total_change = total_base > 0 ? fmt::format("{:+.1f}%", 100.0 * (total_current - total_base) / total_base) : "new";
        table.add({"", "all areas", fmt::format("{}", total_current), fmt::format("{}", total_base), total_change,
                   fmt::format("{:.3f}", total_p), total_p < m_alpha ? "*" : ""});
        fmt::print("\n");
        table.print(stdout);
        fmt::print("* change unlikely to be chance (exact Poisson test, p < {})\n", m_alpha);
    }

    AnalysisInput m_input;
    std::string m_kind, m_baseline, m_out, m_layer;
    double m_alpha = 0.05;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_trends_command() { return std::make_unique<CommandTrends>(); }

} // namespace safermap::cli
