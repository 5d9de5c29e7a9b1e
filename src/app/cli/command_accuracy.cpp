// SPDX-License-Identifier: MIT
#include "analysis/bandwidth.hpp"
#include "analysis/dbscan.hpp"
#include "analysis/gi_star.hpp"
#include "analysis/grid_counts.hpp"
#include "analysis/kde.hpp"
#include "analysis/prediction_accuracy.hpp"
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "core/error.hpp"
#include "geo/bounds.hpp"
#include "jobs/kde_job.hpp"
#include "jobs/month_span.hpp"
#include "io/features/polygon_loader.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <array>
#include <cmath>

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
        if (m_input.project().empty()) throw ConfigError("accuracy needs a project");
        if (!m_input.filter().from_month.empty() || !m_input.filter().to_month.empty())
            throw ConfigError("accuracy: --from/--to do not apply; give the periods as --train FROM:TO and --test FROM:TO");
        const jobs::MonthSpan train = jobs::parse_month_span(m_train, "--train"), test = jobs::parse_month_span(m_test, "--test");
        m_input.resolve();
        AnalysisInput all = m_input;
        all.request.filter.from_month.clear();
        all.request.filter.to_month.clear();
        io::PointSet points = all.load();
        std::vector<double> tx, ty, tw, sx, sy;
        for (std::size_t k = 0; k < points.size(); ++k) {
            const auto m = points.month[k];
            if (m >= train.from && m <= train.to) tx.push_back(points.x[k]), ty.push_back(points.y[k]), tw.push_back(points.weight[k]);
            if (m >= test.from && m <= test.to) sx.push_back(points.x[k]), sy.push_back(points.y[k]);
        }
        if (tx.size() < 2 || sx.empty()) throw ConfigError(fmt::format("accuracy: {} training and {} test incidents; both periods need incidents", tx.size(), sx.size()));
        geo::GeosContext geos;
        std::optional<io::PolygonSet> area;
        try {
            area = io::load_project_polygons(m_input.project(), m_area_kind, geos);
        } catch (const ConfigError&) {
            // A kind the user typed must exist; only the default may be missing.
            if (m_kind_option->count() + m_alias_option->count() > 0) throw;
            m_area_note = fmt::format("no '{}' boundaries: all cells over the incidents' extent", m_area_kind);
        }
        const double h = jobs::choose_bandwidth(m_bandwidth, tx, ty, analysis::Kernel::quartic).metres;

        // The same maps on four grid origins (shifted by half a cell) show how much the
        // scores depend on where the grid happens to start.
        const std::array<std::pair<double, double>, 4> shifts{{{0, 0}, {0.5, 0}, {0, 0.5}, {0.5, 0.5}}};
        std::vector<std::string> names{"grid", "kde", "gistar", "clusters"};
        std::vector<std::vector<analysis::AccuracyScores>> by_origin(names.size());
        const auto labels = analysis::dbscan(tx, ty, {m_eps, m_min_points});
        for (auto [fx, fy] : shifts) {
            analysis::GridSpec grid = grid_for(points, area, fx * m_cell, fy * m_cell);
            std::vector<bool> eligible = eligible_cells(grid, area);
            auto train_counts = analysis::count_in_grid(tx, ty, tw, grid).weighted.values;
            auto test_counts = analysis::count_in_grid(sx, sy, {}, grid).count.values;
            std::vector<analysis::WeightedPoint> wp(tx.size());
            for (std::size_t k = 0; k < tx.size(); ++k) wp[k] = {tx[k], ty[k], tw[k]};
            auto kde = analysis::kde(wp, grid, {analysis::Kernel::quartic, h, analysis::KdeOptions::Method::automatic}).values;
            auto gi = analysis::gi_star(train_counts, analysis::grid_distance_band(grid, 1.5 * m_cell), {}).z;
            std::vector<double> cx, cy;
            for (std::size_t k = 0; k < tx.size(); ++k)
                if (labels[k] >= 0) cx.push_back(tx[k]), cy.push_back(ty[k]);
            auto clustered = analysis::count_in_grid(cx, cy, {}, grid).count.values;
            const std::vector<std::vector<double>*> scores{&train_counts, &kde, &gi, &clustered};
            for (std::size_t m = 0; m < names.size(); ++m)
                by_origin[m].push_back(analysis::score_hotspot_map(*scores[m], train_counts, test_counts, eligible, m_coverage / 100));
        }
        report(names, by_origin, tx.size(), sx.size(), h);
        return 0;
    }

private:
    analysis::GridSpec grid_for(const io::PointSet& points, const std::optional<io::PolygonSet>& area, double dx, double dy) const {
        double xmin = 1e300, ymin = 1e300, xmax = -1e300, ymax = -1e300;
        if (area) {
            for (std::size_t i = 0; i < area->index->size(); ++i) {
                double a, b, c, d;
                GEOSGeom_getXMin_r(area->index->context().handle(), area->index->polygon(i), &a);
                GEOSGeom_getYMin_r(area->index->context().handle(), area->index->polygon(i), &b);
                GEOSGeom_getXMax_r(area->index->context().handle(), area->index->polygon(i), &c);
                GEOSGeom_getYMax_r(area->index->context().handle(), area->index->polygon(i), &d);
                xmin = std::min(xmin, a), ymin = std::min(ymin, b), xmax = std::max(xmax, c), ymax = std::max(ymax, d);
            }
        } else {
            const geo::Bounds b = geo::bounds_of(points.x, points.y);
            xmin = b.min_x, xmax = b.max_x, ymin = b.min_y, ymax = b.max_y;
        }
        const double x0 = std::floor(xmin / m_cell) * m_cell - dx, y0 = std::floor(ymin / m_cell) * m_cell - dy;
        return analysis::GridSpec::covering(x0, y0, xmax + m_cell, ymax + m_cell, m_cell);
    }

    static std::vector<bool> eligible_cells(const analysis::GridSpec& g, const std::optional<io::PolygonSet>& area) {
        std::vector<bool> out(g.cells(), true);
        if (!area) return out;
        for (int j = 0; j < g.ny; ++j)
            for (int i = 0; i < g.nx; ++i)
                out[static_cast<std::size_t>(j) * g.nx + i] = area->index->locate(g.centre_x(i), g.centre_y(j)).has_value();
        return out;
    }

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
    std::string m_train, m_test, m_area_kind, m_area_note;
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
