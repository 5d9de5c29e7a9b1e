// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "core/error.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/kde_job.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>

namespace safermap::cli {

namespace {

class CommandKde : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
        m_grid.add_options(app, 50);
        app.add_option("--kernel", m_kernel, "quartic, epanechnikov, triangular, uniform or gaussian")->default_val("quartic");
        app.add_option("--bandwidth", m_bandwidth,
                       "Search radius in metres (Gaussian: standard deviation), or 'nn' (mean nearest-neighbour spacing between "
                       "distinct positions) or 'normal' (normal reference rule, which oversmooths clustered crime)")
            ->default_val("nn");
        app.add_option("--method", m_method, "auto, direct or fft")->default_val("auto");
        app.add_option("--adaptive-k", m_adaptive_k, "Adaptive bandwidths: each point's is the distance to its k-th nearest neighbour (at least --bandwidth)");
        app.add_flag("--edge-correction", m_edge, "Rescale each point by the share of its kernel on the grid (Diggle 1985)");
        app.add_option("--out", m_out, "Write the surface: .tif (GeoTIFF), .csv (cell centres) or .gpkg (cell polygons)");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("kde");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        analysis::KdeOptions options;
        options.kernel = analysis::parse_kernel(m_kernel);
        options.method = m_method == "direct" ? analysis::KdeOptions::Method::direct
                         : m_method == "fft"  ? analysis::KdeOptions::Method::fft
                         : m_method == "auto" ? analysis::KdeOptions::Method::automatic
                                              : throw ConfigError("--method must be auto, direct or fft (got '" + m_method + "')");
        options.adaptive_k = m_adaptive_k;
        options.edge_correction = m_edge;
        io::PointSet points = m_input.load();
        jobs::KdeRequest request{options, m_bandwidth, m_grid.resolved()};
        jobs::KdeOutcome kde = jobs::run_kde(points, request);
        const analysis::Surface& surface = kde.surface;
        const analysis::GridSpec& grid = surface.grid;
        const double total_weight = kde.total_weight;
        const auto& suggested = kde.suggested;
        std::size_t peak_at = 0;
        for (std::size_t c = 0; c < surface.values.size(); ++c)
            if (surface.values[c] > surface.values[peak_at]) peak_at = c;
        const int pi = static_cast<int>(peak_at % static_cast<std::size_t>(grid.nx));
        const int pj = static_cast<int>(peak_at / static_cast<std::size_t>(grid.nx));
        const double integral = surface.sum() * grid.cell_area_m2() / 1e6;

        ResultMetadata meta = jobs::describe_result("kde", m_input.request, points.crs);
        meta.update(kde.parameters);
        std::vector<std::string> written;
        if (!m_out.empty()) written = io::write_surface(m_out, surface, points.crs, meta, m_layer);

        if (m_json) {
            nlohmann::ordered_json j = meta;
            j["points"] = points.size();
            j["total_weight"] = total_weight;
            j["rows_read"] = points.report.rows_read;
            j["rejected_by_reason"] = points.report.rejected_by_reason;
            j["notes_by_reason"] = points.report.notes_by_reason;
            j["grid"] = {{"nx", grid.nx}, {"ny", grid.ny}, {"min_x", grid.min_x}, {"min_y", grid.min_y}};
            if (suggested)
                j["suggested_bandwidth_m"] = {{"normal_reference", suggested->normal_reference_m},
                                              {"mean_nn", suggested->mean_nn_m},
                                              {"mean_nn_sample", suggested->mean_nn_sample}};
            j["peak"] = {{"value", surface.values[peak_at]}, {"x", grid.centre_x(pi)}, {"y", grid.centre_y(pj)}};
            j["integral"] = integral;
            if (!m_out.empty()) j["out"] = written;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("KDE of {} points (weight {}) from {}: {}\n", points.size(), total_weight, m_input.describe(),
                   jobs::describe_filter(m_input.filter()));
        print_row_report(stdout, points.report);
        fmt::print("kernel {}, bandwidth {:.1f} m ({})", analysis::to_string(options.kernel), kde.bandwidth_m, kde.bandwidth_source);
        if (suggested) {
            fmt::print("; suggestions: normal reference {:.1f} m, mean nearest-neighbour spacing {:.1f} m",
                       suggested->normal_reference_m, suggested->mean_nn_m);
            if (suggested->mean_nn_sample < suggested->points)
                fmt::print(" (estimated from {} of the {} points)", suggested->mean_nn_sample, suggested->points);
        }
        fmt::print("\ngrid {} x {} cells of {} m from ({}, {}); {}\n", grid.nx, grid.ny, grid.cell_size_m, grid.min_x, grid.min_y,
                   kde.evaluation.describe());
        fmt::print("peak {:.2f} per km² at ({:.0f}, {:.0f}); surface integral {:.2f} ({:.2f}% of the weight)\n",
                   surface.values[peak_at], grid.centre_x(pi), grid.centre_y(pj), integral,
                   total_weight > 0 ? 100 * integral / total_weight : 0.0);
        print_written(stdout, written);
        return 0;
    }

private:
    AnalysisInput m_input;
    GridInput m_grid;
    std::string m_kernel, m_bandwidth, m_method, m_out, m_layer;
    int m_adaptive_k = 0;
    bool m_json = false, m_edge = false;
};

} // namespace

std::unique_ptr<Command> make_kde_command() { return std::make_unique<CommandKde>(); }

} // namespace safermap::cli
