// SPDX-License-Identifier: MIT
#include "analysis/local_moran.hpp"
#include "app/cli/analysis_units.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/terminal_progress.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "io/results/polygon_result_writer.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <map>

namespace safermap::cli {

namespace {

class CommandLisa : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_or_files, AnalysisInput::Kind::taken);
        m_units.add_options(app, false);
        app.add_option("--weights", m_weights, "row (row-standardised) or binary")->default_val("row");
        app.add_option("--permutations", m_options.permutations, "Conditional permutations for pseudo p-values")->default_val(999);
        app.add_option("--seed", m_options.seed, "Random seed for permutations")->default_val(12345);
        app.add_option("--alpha", m_options.alpha, "Significance level for the cluster classes")->default_val(0.05);
        app.add_flag("--no-fdr", m_no_fdr, "Classify by raw p instead of Benjamini-Hochberg q (FDR is on by default)");
        app.add_flag("--fdr", m_fdr_flag)->group(""); // the old opt-in, now the default
        app.add_option("--moments", m_moments, "Analytical moments: conditional (spdep's default) or total (Anselin 1995)")
            ->default_val("conditional");
        app.add_option("--out", m_out, "Write results: .csv or .gpkg (one row per polygon, in input order)");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("lisa");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        if (m_no_fdr && m_fdr_flag) throw ConfigError("give --no-fdr or --fdr, not both");
        m_options.fdr = !m_no_fdr;
        if (!m_units.polygons()) throw ConfigError("lisa runs on polygons: give --kind KIND (with a project) or --polygons FILE --field NAME");
        if (m_moments != "conditional" && m_moments != "total") throw ConfigError("--moments must be conditional or total");
        m_options.conditional_moments = m_moments == "conditional";
        m_options.validate();
        TerminalProgress progress("LISA permutations", "units");
        m_options.progress = progress.callback();
        geo::GeosContext geos;
        Units u = m_units.build(m_input, GridInput{}, geos);
        u.weights.exclude_self();
        if (!u.weights.islands().empty())
            u.points_report.note("units_without_neighbours", static_cast<std::int64_t>(u.weights.islands().size()));
        if (analysis::parse_weight_style(m_weights) == analysis::WeightStyle::row) u.weights.row_standardise();
        analysis::LocalMoranResult r = analysis::local_moran(u.values, u.weights, m_options);

        ResultMetadata meta = jobs::describe_result("lisa", m_input.request, u.crs);
        if (!m_units.request.polygons_file.empty()) {
            meta["input"] = m_units.request.polygons_file;
            meta["weights"] = "field " + m_units.request.field;
        }
        meta["neighbours"] = u.weights_text + (m_weights == "row" ? ", row-standardised" : ", binary");
        meta["permutations"] = m_options.permutations;
        meta["seed"] = m_options.seed;
        meta["alpha"] = m_options.alpha;
        meta["fdr"] = m_options.fdr;
        meta["moments"] = m_moments;
        meta["cluster_codes"] = "0 not significant, 1 High-High, 2 Low-Low, 3 Low-High, 4 High-Low (GeoDa)";
        std::vector<std::string> written;
        if (!m_out.empty()) {
            std::vector<double> cluster;
            for (auto c : r.cluster) cluster.push_back(static_cast<double>(c));
            std::vector<io::PolygonColumn> columns{{"value", u.values}, {"Ii", r.ii},       {"E_Ii", r.expected},
                                                   {"Var_Ii", r.variance}, {"z", r.z},      {"p_norm", r.p_norm}};
            if (!r.p_sim.empty()) columns.push_back({"p_sim", r.p_sim});
            columns.push_back({"q", r.q});
            columns.push_back({"cluster", cluster, true});
            written = io::write_polygon_results(m_out, *u.polygons, columns, meta, m_layer);
        }
        std::map<analysis::LisaClass, long long> classes;
        for (auto c : r.cluster) ++classes[c];
        if (m_json) {
            nlohmann::ordered_json j = meta;
            j["n"] = u.values.size();
            j["global"] = {{"I", r.global_i}, {"expected", r.global_expected}, {"variance", r.global_variance},
                           {"z", r.global_z}, {"p", r.global_p}};
            nlohmann::ordered_json c = nlohmann::ordered_json::object();
            for (auto k : {analysis::LisaClass::high_high, analysis::LisaClass::low_low, analysis::LisaClass::low_high,
                           analysis::LisaClass::high_low, analysis::LisaClass::not_significant})
                c[std::string(analysis::to_string(k))] = classes[k];
            j["clusters"] = c;
            j["notes_by_reason"] = u.points_report.notes_by_reason;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("Local Moran's I on {} polygons ({}, {}; {} permutations, alpha {}{})\n", u.values.size(), u.weights_text,
                   m_weights, m_options.permutations, m_options.alpha, m_options.fdr ? " with FDR" : "");
        print_row_report(stdout, u.points_report);
        fmt::print("global Moran's I {:.4f} (expected {:.4f}, z {:.2f}, p {:.2g})\n", r.global_i, r.global_expected, r.global_z, r.global_p);
        fmt::print("High-High {}, Low-Low {}, Low-High {}, High-Low {}, not significant {}\n", classes[analysis::LisaClass::high_high],
                   classes[analysis::LisaClass::low_low], classes[analysis::LisaClass::low_high], classes[analysis::LisaClass::high_low],
                   classes[analysis::LisaClass::not_significant]);
        TextTable table({{"unit"}, {"name"}, {"value", true}, {"cluster"}, {"p", true}});
        for (std::size_t i = 0; i < u.values.size(); ++i)
            if (r.cluster[i] != analysis::LisaClass::not_significant)
                table.add({u.label(i), u.name(i), number_cell(u.values[i]), std::string(analysis::to_string(r.cluster[i])),
                           fmt::format("{:.3f}", r.p_sim.empty() ? r.p_norm[i] : r.p_sim[i])});
        table.print(stdout, 2);
        print_written(stdout, written);
        return 0;
    }

private:
    AnalysisInput m_input;
    UnitsInput m_units;
    analysis::MoranOptions m_options;
    std::string m_weights, m_moments, m_out, m_layer;
    bool m_no_fdr = false, m_fdr_flag = false;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_lisa_command() { return std::make_unique<CommandLisa>(); }

} // namespace safermap::cli
