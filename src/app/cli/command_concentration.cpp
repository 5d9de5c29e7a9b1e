// SPDX-License-Identifier: MIT
#include "analysis/concentration.hpp"
#include "app/cli/analysis_units.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "io/csv/rejects_writer.hpp"
#include "core/output_file.hpp"
#include "io/results/polygon_result_writer.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <filesystem>
#include <memory>

namespace safermap::cli {

namespace {

class CommandConcentration : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_or_files, AnalysisInput::Kind::taken);
        m_grid.add_options(app, 100);
        m_units.add_options(app, true);
        app.add_option("--top", m_options.top_n, "Report the share held by the top N units (repeatable)")->default_val(std::vector<int>{5, 10});
        app.add_option("--simulations", m_options.simulations, "Random-scatter draws for the baseline Gini")->default_val(199);
        app.add_option("--seed", m_options.seed, "Random seed")->default_val(12345);
        app.add_option("--out", m_out, "Write the Lorenz curve: .csv (rank, unit, name, value, cumulative shares)");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        geo::GeosContext geos;
        Units u = m_units.build(m_input, m_grid, geos);
        analysis::Concentration c = analysis::concentration(u.values, m_options);
        std::vector<std::string> written;
        if (!m_out.empty()) written = write_lorenz(u, c);
        const char* unit_word = u.grid ? "cells" : "polygons";
        if (m_json) {
            nlohmann::ordered_json j{{"method", "concentration"}, {"units", c.units}, {"unit_kind", unit_word}, {"total", c.total},
                                     {"gini", c.gini}, {"gini_expected_random", c.gini_expected_random},
                                     {"gini_adjusted", c.gini_adjusted}, {"unit_share_for_25", c.unit_share_for_25},
                                     {"unit_share_for_50", c.unit_share_for_50}};
            nlohmann::ordered_json top = nlohmann::ordered_json::object();
            for (const auto& [n, share] : c.top_n_share) top[std::to_string(n)] = share;
            j["top_n_share"] = top;
            j["notes_by_reason"] = u.points_report.notes_by_reason;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("Concentration of {} over {} {}\n", c.total, c.units, unit_word);
        print_row_report(stdout, u.points_report);
        fmt::print("Gini {:.3f}; expected from random scatter {:.3f}; chance-corrected {:.3f}\n", c.gini, c.gini_expected_random, c.gini_adjusted);
        fmt::print("{:.1f}% of {} hold 25% of the total; {:.1f}% hold half\n", 100 * c.unit_share_for_25, unit_word, 100 * c.unit_share_for_50);
        for (const auto& [n, share] : c.top_n_share) fmt::print("the top {} {} hold {:.1f}%\n", n, unit_word, 100 * share);
        if (!u.grid) {
            TextTable table({{"rank", true}, {"code"}, {"name"}, {"value", true}, {"cum %", true}});
            for (std::size_t k = 0; k < std::min<std::size_t>(10, c.order.size()); ++k) {
                const std::size_t i = c.order[k];
                table.add({fmt::format("{}", k + 1), u.label(i), u.name(i), number_cell(u.values[i]),
                           fmt::format("{:.1f}", 100 * c.cum_total_share[k])});
            }
            fmt::print("\n");
            table.print(stdout);
        }
        print_written(stdout, written);
        return 0;
    }

private:
    // The Lorenz curve: units in rank order with cumulative shares. CSV rows come in rank
    // order; a .gpkg gets the units themselves (polygons or cell centres) with their rank.
    std::vector<std::string> write_lorenz(const Units& u, const analysis::Concentration& c) const {
        ResultMetadata meta = jobs::describe_result("concentration", m_input.request, u.crs);
        meta["units"] = u.grid ? fmt::format("{} m cells", u.grid->cell_size_m) : "polygons";
        meta["gini"] = c.gini;
        meta["gini_adjusted"] = c.gini_adjusted;
        const std::string ext = lower_extension(m_out);
        if (is_layer_output(m_out)) {
            std::vector<double> rank(c.order.size()), cum_units(c.order.size()), cum_total(c.order.size());
            for (std::size_t k = 0; k < c.order.size(); ++k) {
                rank[c.order[k]] = static_cast<double>(k + 1);
                cum_units[c.order[k]] = c.cum_unit_share[k];
                cum_total[c.order[k]] = c.cum_total_share[k];
            }
            std::vector<GridBand> columns{{"value", u.values}, {"rank", rank, true}, {"cum_unit_share", cum_units}, {"cum_total_share", cum_total}};
            if (u.grid) return io::write_grid(m_out, *u.grid, columns, u.crs, meta, "concentration");
            return io::write_polygon_results(m_out, *u.polygons, columns, meta, "concentration");
        }
        if (ext != ".csv") throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv, or .gpkg or PG:... for layers)", m_out, ext));
        ReplacementFile file(m_out, "CSV");
        fmt::print(file.stream(), "rank,unit,name,value,cum_unit_share,cum_total_share\n");
        for (std::size_t k = 0; k < c.order.size(); ++k) {
            const std::size_t i = c.order[k];
            std::string line = fmt::format("{},", k + 1);
            io::append_csv_field(line, u.label(i));
            line.push_back(',');
            io::append_csv_field(line, u.name(i));
            fmt::print(file.stream(), "{},{},{},{}\n", line, u.values[i], c.cum_unit_share[k], c.cum_total_share[k]);
        }
        io::write_metadata_json(m_out + ".json", meta);
        file.commit();
        return {m_out, m_out + ".json"};
    }

    AnalysisInput m_input;
    GridInput m_grid;
    UnitsInput m_units;
    analysis::ConcentrationOptions m_options;
    std::string m_out;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_concentration_command() { return std::make_unique<CommandConcentration>(); }

} // namespace safermap::cli
