// SPDX-License-Identifier: MIT
#include "analysis/gi_star.hpp"
#include "app/cli/analysis_units.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/terminal_progress.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "io/results/polygon_result_writer.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <numeric>

namespace safermap::cli {

namespace {

class CommandGiStar : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_or_files, AnalysisInput::Kind::taken);
        m_grid.add_options(app, 100);
        m_units.add_options(app, true);
        app.add_option("--weights", m_weights, "binary or row (row-standardised)")->default_val("binary");
        app.add_flag("--no-fdr", m_no_fdr, "Bin by raw p-values instead of Benjamini-Hochberg q-values");
        app.add_option("--permutations", m_options.permutations, "Conditional permutations for pseudo p-values (0: none)")->default_val(0);
        app.add_option("--seed", m_options.seed, "Random seed for permutations")->default_val(12345);
        app.add_option("--out", m_out, "Write results: grid .tif/.csv/.gpkg; polygons .csv/.gpkg");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("gistar");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        m_options.fdr = !m_no_fdr;
        m_options.validate();
        TerminalProgress progress("Gi* permutations", "units");
        m_options.progress = progress.callback();
        geo::GeosContext geos;
        Units u = m_units.build(m_input, m_grid, geos);
        if (analysis::parse_weight_style(m_weights) == analysis::WeightStyle::row) u.weights.row_standardise();
        analysis::GiStarResult r = analysis::gi_star(u.values, u.weights, m_options);
        write(u, r);
        report(u, r);
        return 0;
    }

private:
    ResultMetadata metadata(const Units& u) const {
        ResultMetadata m = jobs::describe_result("gistar", m_input.request, u.crs);
        if (!m_units.request.polygons_file.empty()) {
            m["input"] = m_units.request.polygons_file;
            m["weights"] = "field " + m_units.request.field;
        }
        m["units"] = u.grid ? fmt::format("{} m cells", u.grid->cell_size_m) : "polygons";
        m["neighbours"] = u.weights_text + (m_weights == "row" ? ", row-standardised" : ", binary");
        m["fdr"] = !m_no_fdr;
        m["permutations"] = m_options.permutations;
        m["seed"] = m_options.seed;
        return m;
    }

    void write(const Units& u, const analysis::GiStarResult& r) {
        if (m_out.empty()) return;
        std::vector<double> bins(r.bin.begin(), r.bin.end());
        std::vector<GridBand> columns{{"count", u.counts}, {"value", u.values}, {"z", r.z}, {"p", r.p}, {"q", r.q}, {"bin", bins, true}};
        if (!r.p_perm.empty()) columns.push_back({"p_perm", r.p_perm});
        if (u.grid) m_written = io::write_grid(m_out, *u.grid, columns, u.crs, metadata(u), m_layer);
        else m_written = io::write_polygon_results(m_out, *u.polygons, columns, metadata(u), m_layer);
    }

    void report(const Units& u, const analysis::GiStarResult& r) const {
        std::map<int, long long> bins;
        for (int b : r.bin) ++bins[b];
        std::vector<std::size_t> order(r.z.size());
        std::iota(order.begin(), order.end(), 0);
        std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
            double za = std::isnan(r.z[a]) ? -1e300 : r.z[a], zb = std::isnan(r.z[b]) ? -1e300 : r.z[b];
            return za > zb;
        });
        const std::size_t top = std::min<std::size_t>(10, order.size());
        if (m_json) {
            nlohmann::ordered_json j = metadata(u);
            j["n"] = u.values.size();
            j["total"] = std::accumulate(u.values.begin(), u.values.end(), 0.0);
            nlohmann::ordered_json b = nlohmann::ordered_json::object();
            for (int level = 3; level >= -3; --level) b[std::to_string(level)] = bins[level];
            j["bins"] = b;
            j["notes_by_reason"] = u.points_report.notes_by_reason;
            j["rejected_by_reason"] = u.points_report.rejected_by_reason;
            nlohmann::ordered_json t = nlohmann::ordered_json::array();
            for (std::size_t k = 0; k < top; ++k) {
                const std::size_t i = order[k];
                t.push_back({{"unit", u.label(i)}, {"name", u.name(i)}, {"value", u.values[i]}, {"z", r.z[i]}, {"q", r.q[i]}, {"bin", r.bin[i]}});
            }
            j["hottest"] = t;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("Getis-Ord Gi* on {} {} ({}; {}; bins by {})\n", u.values.size(), u.grid ? "cells" : "polygons",
                   u.weights_text, m_weights, m_no_fdr ? "p" : "FDR q");
        print_row_report(stdout, u.points_report);
        fmt::print("hot spots: {} at 99%, {} at 95%, {} at 90%; cold spots: {} at 99%, {} at 95%, {} at 90%; {} not significant\n",
                   bins[3], bins[2], bins[1], bins[-3], bins[-2], bins[-1], bins[0]);
        TextTable table({{"unit"}, {"name"}, {"value", true}, {"z", true}, {"q", true}, {"bin", true}});
        for (std::size_t k = 0; k < top; ++k) {
            const std::size_t i = order[k];
            table.add({u.label(i), u.name(i), number_cell(u.values[i]), fmt::format("{:.2f}", r.z[i]), fmt::format("{:.2g}", r.q[i]),
                       fmt::format("{}", r.bin[i])});
        }
        fmt::print("\n");
        table.print(stdout);
        print_written(stdout, m_written);
    }

    AnalysisInput m_input;
    GridInput m_grid;
    UnitsInput m_units;
    analysis::GiStarOptions m_options;
    std::string m_weights, m_out, m_layer;
    std::vector<std::string> m_written;
    bool m_no_fdr = false, m_json = false;
};

} // namespace

std::unique_ptr<Command> make_gistar_command() { return std::make_unique<CommandGiStar>(); }

} // namespace safermap::cli
