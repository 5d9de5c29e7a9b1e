// SPDX-License-Identifier: MIT
#include "analysis/concentration.hpp"
#include "app/cli/analysis_units.hpp"
#include "app/cli/command.hpp"
#include "core/error.hpp"
#include "io/results/polygon_result_writer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <memory>

namespace safermap::cli {

namespace {

class CommandConcentration : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
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
        if (!m_out.empty()) write_lorenz(u, c);
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
        for (const auto& [reason, n] : u.points_report.notes_by_reason) fmt::print("  note     {:<32} {:>8}\n", reason, n);
        fmt::print("Gini {:.3f}; expected from random scatter {:.3f}; chance-corrected {:.3f}\n", c.gini, c.gini_expected_random, c.gini_adjusted);
        fmt::print("{:.1f}% of {} hold 25% of the total; {:.1f}% hold half\n", 100 * c.unit_share_for_25, unit_word, 100 * c.unit_share_for_50);
        for (const auto& [n, share] : c.top_n_share) fmt::print("the top {} {} hold {:.1f}%\n", n, unit_word, 100 * share);
        if (!u.grid) {
            fmt::print("\n{:>4} {:<12} {:<28} {:>8} {:>8}\n", "rank", "code", "name", "value", "cum %");
            for (std::size_t k = 0; k < std::min<std::size_t>(10, c.order.size()); ++k) {
                const std::size_t i = c.order[k];
                fmt::print("{:>4} {:<12} {:<28} {:>8} {:>8.1f}\n", k + 1, u.label(i), u.name(i).substr(0, 28), u.values[i], 100 * c.cum_total_share[k]);
            }
        }
        if (!m_out.empty()) fmt::print("written {}\n", m_out);
        return 0;
    }

private:
    void write_lorenz(const Units& u, const analysis::Concentration& c) const {
        std::unique_ptr<std::FILE, decltype(&std::fclose)> out(std::fopen(m_out.c_str(), "wb"), &std::fclose);
        if (!out) throw IoError(m_out + ": cannot write");
        fmt::print(out.get(), "rank,unit,name,value,cum_unit_share,cum_total_share\n");
        for (std::size_t k = 0; k < c.order.size(); ++k) {
            const std::size_t i = c.order[k];
            fmt::print(out.get(), "{},\"{}\",\"{}\",{},{},{}\n", k + 1, u.label(i), u.name(i), u.values[i], c.cum_unit_share[k], c.cum_total_share[k]);
        }
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
