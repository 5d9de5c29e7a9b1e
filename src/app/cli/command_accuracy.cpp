// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "core/error.hpp"
#include "jobs/accuracy_job.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>

namespace safermap::cli {

namespace {

// Prediction accuracy of four hotspot maps made on a training period and scored on a test
// period: grid counts, KDE, Gi* z-scores and DBSCAN clusters, each ranked cell by cell.
class CommandAccuracy : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_only, AnalysisInput::Kind::taken);
        app.add_option("--train", m_train, "Training months FROM:TO (YYYY-MM:YYYY-MM)")->required();
        app.add_option("--test", m_test, "Test months FROM:TO")->required();
        app.add_option("--coverage", m_coverage, "Percent of the study area flagged as hot")->default_val(5.0);
        app.add_option("--cell", m_cell, "Cell size in metres")->default_val(100);
        m_kind_option = app.add_option("--kind", m_area_kind, "Cells whose centres lie in the project's boundaries of this kind")->default_val("district");
        m_alias_option = add_hidden_alias(app, "--study-area", m_area_kind);
        app.add_option("--bandwidth", m_bandwidth, "KDE quartic bandwidth: metres, 'nn' (the training points' mean nearest-neighbour spacing) or 'normal'")
            ->default_val("nn");
        app.add_option("--eps", m_eps, "DBSCAN eps in metres")->default_val(100);
        app.add_option("--min-points", m_min_points, "DBSCAN min points")->default_val(10);
        app.add_flag("--json", m_json, "Print the JSON object {coverage, methods: [{method, hit_rate, pai, pei, rri}, ...]}");
    }

    int run() override {
        m_input.resolve();
        jobs::AccuracyRequest request;
        request.points = m_input.request;
        request.train = jobs::parse_month_span(m_train, "--train");
        request.test = jobs::parse_month_span(m_test, "--test");
        request.coverage_percent = m_coverage;
        request.cell_m = m_cell;
        request.area_kind = m_area_kind;
        request.area_kind_given = m_kind_option->count() + m_alias_option->count() > 0;
        request.bandwidth = m_bandwidth;
        request.eps_m = m_eps;
        request.min_points = m_min_points;
        geo::GeosContext geos;
        const jobs::AccuracyOutcome r = jobs::run_accuracy(request, geos);
        m_area_note = r.area_note;
        report(r.methods, r.by_origin, r.train_incidents, r.test_incidents, r.kde_bandwidth_m);
        return 0;
    }

private:
    void report(const std::vector<std::string>& names, const std::vector<std::vector<analysis::AccuracyScores>>& by_origin,
                std::size_t n_train, std::size_t n_test, double h) const {
        if (m_json) {
            nlohmann::ordered_json j{{"coverage", m_coverage}, {"train", m_train}, {"test", m_test}, {"cell_size_m", m_cell},
                                     {"train_incidents", n_train}, {"test_incidents", n_test}, {"kde_bandwidth_m", h}};
            nlohmann::ordered_json methods = nlohmann::ordered_json::array();
            for (std::size_t m = 0; m < names.size(); ++m) {
                const auto& s = by_origin[m][0];
                double lo = s.pai, hi = s.pai;
                for (const auto& o : by_origin[m]) lo = std::min(lo, o.pai), hi = std::max(hi, o.pai);
                methods.push_back({{"method", names[m]}, {"hit_rate", s.hit_rate}, {"pai", s.pai}, {"pei", s.pei}, {"rri", s.rri},
                                   {"coverage_achieved", s.coverage * 100}, {"pai_range_over_grid_origins", {lo, hi}}});
            }
            j["methods"] = methods;
            if (!m_area_note.empty()) j["note"] = m_area_note;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("Prediction accuracy: maps from {} ({} incidents) scored on {} ({} incidents), top {}% of the study area, {} m cells\n",
                   m_train, n_train, m_test, n_test, m_coverage, m_cell);
        if (!m_area_note.empty()) fmt::print("  note: {}\n", m_area_note);
        fmt::print("\n{:<10} {:>9} {:>7} {:>7} {:>7}   {}\n", "method", "hit rate", "PAI", "PEI", "RRI", "PAI over 4 grid origins");
        for (std::size_t m = 0; m < names.size(); ++m) {
            const auto& s = by_origin[m][0];
            double lo = s.pai, hi = s.pai;
            for (const auto& o : by_origin[m]) lo = std::min(lo, o.pai), hi = std::max(hi, o.pai);
            fmt::print("{:<10} {:>8.1f}% {:>7.2f} {:>7.2f} {:>7.2f}   {:.2f} - {:.2f}\n", names[m], 100 * s.hit_rate, s.pai, s.pei, s.rri, lo, hi);
        }
        fmt::print("(KDE: quartic, bandwidth {:.0f} m; Gi*: 1.5-cell band; clusters: DBSCAN eps {} m, min {} points)\n", h, m_eps, m_min_points);
    }

    AnalysisInput m_input;
    std::string m_train, m_test, m_area_kind;
    std::string m_area_note;
    CLI::Option* m_kind_option = nullptr;
    CLI::Option* m_alias_option = nullptr;
    double m_coverage = 5, m_cell = 100, m_eps = 100;
    std::string m_bandwidth = "nn";
    int m_min_points = 10;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_accuracy_command() { return std::make_unique<CommandAccuracy>(); }

} // namespace safermap::cli
