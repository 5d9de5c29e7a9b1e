// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "core/output_file.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "jobs/result_description.hpp"
#include "jobs/siting_job.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <filesystem>

namespace safermap::cli {

namespace {

class CommandSite : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
        auto& c = m_siting.candidates;
        app.add_option("--candidates", c.file,
                       "Candidate sites: a CSV with id, x, y (in the points' CRS) and optional heading_deg and cost, or any GDAL "
                       "point or line layer (lines: --coverage lighting only)");
        app.add_option("--id-field", c.file_options.id_field, "With --candidates: the column or field holding each site's id (default id)");
        app.add_option("--cost-field", c.file_options.cost_field, "With --candidates: the column or field holding each site's cost (default cost)");
        app.add_option("--candidate-spacing", c.spacing_m, "Instead of --candidates: a square lattice of sites this many metres apart");
        app.add_option("--candidate-area", c.area,
                       "The lattice's area: a project boundary by name or code (default: the --area boundary, the study area, the "
                       "district, or the incidents' extent)");
        app.add_option("--coverage", m_coverage, "ptz (all round), fixed (a field of view about a heading) or lighting")->default_val("ptz");
        app.add_option("--range", m_siting.coverage.range_m, "How far a camera sees or a light reaches, in metres")->default_val(50);
        app.add_option("--fov", m_siting.coverage.fov_deg, "Fixed cameras: field of view in degrees")->default_val(90);
        app.add_option("--headings", m_siting.coverage.headings,
                       "Fixed cameras: headings tried at each site without its own, 360/N degrees apart from grid north")
            ->default_val(8);
        app.add_option("--sites", m_siting.max_sites, "How many new sites to choose");
        app.add_option("--budget", m_budget, "Instead of --sites: the most the chosen sites may cost together (needs costs)");
        app.add_option("--solver", m_solver, "greedy, exact (GLPK integer programme) or auto (exact when the problem is small enough)")
            ->default_val("auto");
        app.add_option("--time-limit", m_siting.time_limit_s, "Seconds the exact solver may take; then its best answer so far")->default_val(60);
        app.add_flag("--no-existing", m_no_existing, "Do not count incidents the project's existing cameras already cover as covered");
        app.add_option("--obstacles", m_siting.obstacles, "Buildings or other polygons (any GDAL polygon layer) that block sight");
        app.add_option("--out", m_out, "Write the ranked sites: .csv, or .gpkg (the project itself stores them as a layer)");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("proposed_sites");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        if (m_coverage != "ptz" && m_coverage != "fixed" && m_coverage != "lighting")
            throw ConfigError("--coverage must be ptz, fixed or lighting (got '" + m_coverage + "')");
        m_siting.coverage.kind = analysis::parse_site_kind(m_coverage);
        if (m_solver != "auto" && m_solver != "greedy" && m_solver != "exact")
            throw ConfigError("--solver must be auto, greedy or exact (got '" + m_solver + "')");
        m_siting.solver = analysis::parse_mclp_solver(m_solver);
        if (m_budget) m_siting.budget = *m_budget;
        m_siting.use_existing = !m_no_existing;
        if (!m_out.empty()) {
            const std::string ext = lower_extension(m_out);
            if (ext != ".csv" && !is_layer_output(m_out)) throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv, or .gpkg or PG:... for layers)", m_out, ext));
        }
        io::PointSet points = m_input.load();
        geo::GeosContext geos;
        const jobs::SitingOutcome out = jobs::run_siting(m_input.request, points, m_siting, geos);

        ResultMetadata meta = jobs::describe_result("site", m_input.request, points.crs);
        meta.update(out.parameters);
        meta.update(out.totals);
        std::vector<std::string> written;
        if (!m_out.empty()) written = jobs::write_proposed_sites(m_out, m_layer, out, points.crs, meta, geos);
        if (m_json) {
            print_json(meta, out, written);
            return 0;
        }
        print_text(points, out, written);
        return 0;
    }

private:
    void print_json(nlohmann::ordered_json j, const jobs::SitingOutcome& out, const std::vector<std::string>& written) const {
        nlohmann::ordered_json sites = nlohmann::ordered_json::array();
        for (const auto& s : out.sites) {
            nlohmann::ordered_json o{{"rank", s.rank}, {"candidate_id", s.candidate_id}, {"x", s.x}, {"y", s.y}};
            o["heading_deg"] = s.heading_deg ? nlohmann::ordered_json(*s.heading_deg) : nlohmann::ordered_json(nullptr);
            o["marginal_demand"] = s.marginal;
            o["cumulative_demand"] = s.cumulative;
            o["cumulative_percent"] = s.cumulative_percent;
            if (s.cost) o["cost"] = *s.cost;
            sites.push_back(std::move(o));
        }
        j["sites"] = std::move(sites);
        if (!written.empty()) j["out"] = written;
        fmt::print("{}\n", j.dump(2));
    }

    void print_text(const io::PointSet& points, const jobs::SitingOutcome& out, const std::vector<std::string>& written) const {
        const analysis::MclpResult& r = out.result;
        const bool whole = out.whole_weights;
        auto demand = [whole](double v) { return whole ? fmt::format("{:.0f}", v) : fmt::format("{:.1f}", v); };
        auto percent = [&](double v) { return fmt::format("{:.1f}%", r.total_demand > 0 ? 100 * v / r.total_demand : 0.0); };
        const auto k = m_siting.coverage.kind;
        const char* kind = k == analysis::SiteKind::lighting ? "lights" : k == analysis::SiteKind::fixed ? "fixed cameras" : "ptz cameras";
        const std::string what = m_siting.budget ? fmt::format("{} within a budget of {:g}", kind, *m_siting.budget)
                                                 : fmt::format("up to {} {}", m_siting.max_sites, kind);
        fmt::print("Siting {} (range {} m{}) for {} incidents ({}) from {}: {}\n", what, m_siting.coverage.range_m,
                   m_siting.coverage.kind == analysis::SiteKind::fixed
                       ? fmt::format(", field of view {}°, {} headings tried", m_siting.coverage.fov_deg, m_siting.coverage.headings)
                       : "",
                   points.size(), jobs::weights_label(m_input.request), m_input.describe(), jobs::describe_filter(m_input.filter()));
        print_row_report(stdout, points.report);
        fmt::print("candidates: {} sites, {}\n", out.candidates.size(), out.candidates_source);
        if (out.obstacle_polygons) fmt::print("obstacles: {} polygons from {}\n", out.obstacle_polygons, m_siting.obstacles);
        fmt::print("existing: {}", out.existing);
        if (out.existing_cameras) fmt::print(", covering {} ({})", demand(r.covered_by_existing), percent(r.covered_by_existing));
        fmt::print("\nsolver: {}, {} ({})\n\n", analysis::to_string(r.solver), r.optimal ? "optimal" : "not proven optimal", r.solver_reason);

        const bool fixed = m_siting.coverage.kind == analysis::SiteKind::fixed;
        const bool costs = std::any_of(out.sites.begin(), out.sites.end(), [](const auto& s) { return s.cost.has_value(); });
        std::vector<TextTable::Column> columns{{"rank", true}, {"site"}, {"x", true}, {"y", true}};
        if (fixed) columns.push_back({"heading", true});
        if (costs) columns.push_back({"cost", true});
        columns.insert(columns.end(), {{"adds", true}, {"cumulative", true}, {"cum %", true}});
        TextTable table(std::move(columns));
        for (const auto& s : out.sites) {
            std::vector<std::string> row{fmt::format("{}", s.rank), s.candidate_id, fmt::format("{:.0f}", s.x), fmt::format("{:.0f}", s.y)};
            if (fixed) row.push_back(s.heading_deg ? fmt::format("{:g}", *s.heading_deg) : "");
            if (costs) row.push_back(s.cost ? fmt::format("{:g}", *s.cost) : "");
            row.insert(row.end(), {demand(s.marginal), demand(s.cumulative), fmt::format("{:.1f}", s.cumulative_percent)});
            table.add(std::move(row));
        }
        if (out.sites.empty()) fmt::print("no candidate site covers any demand not already covered\n");
        else table.print(stdout);
        fmt::print("\ncovered: {} by existing cameras + {} by {} new site{} = {} of {} ({}); no choice of sites covers more than {}\n",
                   demand(r.covered_by_existing), demand(r.objective), out.sites.size(), out.sites.size() == 1 ? "" : "s", demand(out.covered_demand()), demand(r.total_demand),
                   percent(out.covered_demand()), demand(r.covered_by_existing + r.upper_bound));
        if (m_siting.budget) fmt::print("spent {:g} of {:g}\n", r.spent, *m_siting.budget);
        print_written(stdout, written);
    }

    AnalysisInput m_input;
    jobs::SitingRequest m_siting;
    std::optional<double> m_budget;
    std::string m_coverage, m_solver, m_out, m_layer;
    bool m_no_existing = false, m_json = false;
};

} // namespace

std::unique_ptr<Command> make_site_command() { return std::make_unique<CommandSite>(); }

} // namespace safermap::cli
