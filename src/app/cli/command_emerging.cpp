// SPDX-License-Identifier: MIT
#include "analysis/emerging_hotspots.hpp"
#include "analysis/grid_counts.hpp"
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "core/error.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/emerging_job.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>

namespace safermap::cli {

namespace {

// Emerging hot spots: monthly Gi* per cell with FDR, then ArcGIS's categories from each cell's
// history and the Mann-Kendall trend of its z-scores.
class CommandEmerging : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
        m_grid.add_options(app, 200);
        app.add_option("--band", m_band, "Gi* distance band in metres (default 1.5 cells)");
        app.add_option("--min-bin", m_options.min_bin, "Smallest |Gi_Bin| counted as significant: 1 (90%), 2 (95%), 3 (99%)")->default_val(1);
        app.add_flag("--no-fdr", m_no_fdr, "Bin each month's Gi* by p instead of FDR q");
        app.add_option("--out", m_out, "Write the categories: .tif, .csv or .gpkg (codes +1..+8 hot, -1..-8 cold)");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("emerging");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        m_options.fdr = !m_no_fdr;
        io::PointSet points = m_input.load();
        const jobs::MonthSpan present = jobs::months_present(points);
        jobs::EmergingRequest request{m_grid.resolved(), m_band, m_options};
        const jobs::EmergingOutcome e = jobs::run_emerging(points, jobs::month_span(m_input.filter(), present.from, present.to), request);
        const analysis::GridSpec& grid = e.grid;
        const analysis::EmergingResult& r = e.result;
        const auto& total = e.total;
        const std::int32_t first = e.span.from, last = e.span.to;
        const int steps = e.span.months();
        const double band = e.band_m;
        const std::string period = jobs::period_label(io::month_text(first), io::month_text(last));
        ResultMetadata meta = jobs::describe_result("emerging", m_input.request, points.crs);
        meta["period"] = period;
        meta["steps_months"] = steps;
        meta["cell_size_m"] = grid.cell_size_m;
        meta["neighbours"] = fmt::format("distance band {} m", band);
        meta["fdr"] = !m_no_fdr;
        meta["significant_bin"] = m_options.min_bin;
        meta["category_codes"] = "1 new, 2 consecutive, 3 intensifying, 4 persistent, 5 diminishing, 6 sporadic, "
                                 "7 oscillating, 8 historical; positive hot, negative cold; 0 no pattern (ArcGIS)";
        std::vector<std::string> written;
        if (!m_out.empty()) {
            std::vector<double> cat(r.category.begin(), r.category.end()), fin(r.final_bin.begin(), r.final_bin.end());
            written = io::write_grid(m_out, grid, {{"category", cat, true}, {"total", total}, {"count_trend_z", r.count_trend_z},
                                                   {"count_trend_p", r.count_trend_p}, {"final_bin", fin, true}},
                                     points.crs, meta, m_layer);
        }
        std::map<int, long long> by;
        for (int c : r.category) ++by[c];
        if (m_json) {
            nlohmann::ordered_json j = meta;
            j["cells"] = grid.cells();
            nlohmann::ordered_json c = nlohmann::ordered_json::object();
            for (const auto& [code, n] : by) c[std::string(analysis::describe(code))] = n;
            j["emerging_categories"] = c;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("Emerging hot spots over {} ({} months), {} cells of {} m\n", period, steps, grid.cells(), grid.cell_size_m);
        for (const auto& [code, n] : by)
            if (code != 0) fmt::print("  {:<26} {:>6}\n", analysis::describe(code), n);
        fmt::print("  {:<26} {:>6}\n", "no pattern", by[0]);
        print_written(stdout, written);
        return 0;
    }

private:
    AnalysisInput m_input;
    GridInput m_grid;
    analysis::EmergingOptions m_options;
    std::string m_out, m_layer;
    double m_band = 0;
    bool m_no_fdr = false, m_json = false;
};

} // namespace

std::unique_ptr<Command> make_emerging_command() { return std::make_unique<CommandEmerging>(); }

} // namespace safermap::cli
