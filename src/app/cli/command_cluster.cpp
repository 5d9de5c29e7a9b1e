// SPDX-License-Identifier: MIT
#include "analysis/dbscan.hpp"
#include "analysis/nearest_neighbour.hpp"
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/study_area_input.hpp"
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/results/feature_writer.hpp"
#include "jobs/cluster_job.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>
#include <numbers>

namespace safermap::cli {

namespace {

using jobs::FoundCluster;

class CommandCluster : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_or_files, AnalysisInput::Kind::taken);
        m_area.add_options(app);
        app.add_option("--method", m_method, "dbscan or nnh")->default_val("dbscan");
        app.add_option("--eps", m_eps, "DBSCAN neighbourhood radius in metres")->default_val(100);
        app.add_option("--min-points", m_min_points, "Points a cluster needs (DBSCAN: within eps, the point itself counted)")->default_val(10);
        app.add_option("--p", m_p, "NNH: probability of a random pair being as close as the threshold")->default_val(0.01);
        app.add_option("--max-order", m_max_order, "NNH: highest order to compute")->default_val(3);
        app.add_option("--hull", m_hull, "Cluster polygon in .gpkg output: convex, concave or ellipse")->default_val("convex");
        app.add_option("--concave-ratio", m_concave_ratio, "Concave hull ratio in [0, 1] (1 = convex)")->default_val(0.3);
        app.add_option("--out", m_out, ".csv: one row per input point (x,y,cluster); .gpkg: a layer of cluster polygons");
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("clusters");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        if (m_hull != "convex" && m_hull != "concave" && m_hull != "ellipse") throw ConfigError("--hull must be convex, concave or ellipse");
        io::PointSet points = m_input.load();
        geo::GeosContext geos;
        jobs::ClusterRequest request{m_method, m_eps, m_min_points, m_p, m_max_order, m_concave_ratio, m_hull == "concave", m_area.request,
                                     m_input.project()};
        jobs::ClusterOutcome c = jobs::run_clusters(geos, points, request);
        const auto& point_label = c.labels;
        const auto& found = c.found;
        const std::string& detail = c.detail;
        write(points, point_label, found, geos, detail);
        report(points, point_label, found, detail);
        return 0;
    }

private:
    ResultMetadata metadata(const std::string& detail, const std::string& crs) const {
        ResultMetadata m = jobs::describe_result(m_method, m_input.request, crs);
        m["parameters"] = detail;
        m["hull"] = m_hull;
        return m;
    }

    void write(const io::PointSet& points, const std::vector<std::int32_t>& labels, const std::vector<FoundCluster>& found,
               const geo::GeosContext& geos, const std::string& detail) {
        if (m_out.empty()) return;
        const std::string ext = lower_extension(m_out);
        if (ext == ".csv") {
            std::vector<double> l(labels.begin(), labels.end());
            m_written = io::write_points_csv(m_out, points.x, points.y, {{"cluster", l, true}}, metadata(detail, points.crs));
            return;
        }
        if (!is_layer_output(m_out)) throw ConfigError(m_out + ": unknown output type (use .csv, or .gpkg or PG:... for layers)");
        std::vector<const GEOSGeometry*> geoms;
        GridBand order{"order", {}}, id{"cluster", {}}, count{"count", {}}, weight{"weight", {}}, area{"area_m2", {}},
            density{"density_per_km2", {}}, mx{"mean_x", {}}, my{"mean_y", {}}, major{"sde_major_m", {}}, minor{"sde_minor_m", {}},
            angle{"sde_angle_deg", {}};
        for (const auto& f : found) {
            const auto& s = f.shape;
            geoms.push_back(m_hull == "convex" ? s.convex_hull.get() : m_hull == "concave" ? s.concave_hull.get() : s.ellipse.get());
            order.values.push_back(f.order);
            id.values.push_back(s.cluster);
            count.values.push_back(static_cast<double>(s.count));
            weight.values.push_back(s.weight);
            area.values.push_back(s.convex_area_m2);
            // A cluster on one snap point has no area, so no density (NaN, null in QGIS).
            density.values.push_back(s.convex_area_m2 > 0 ? s.weight / (s.convex_area_m2 / 1e6) : std::nan(""));
            mx.values.push_back(s.mean_x);
            my.values.push_back(s.mean_y);
            major.values.push_back(s.sde.sigma_major);
            minor.values.push_back(s.sde.sigma_minor);
            angle.values.push_back(s.sde.angle_rad * 180 / std::numbers::pi);
        }
        m_written = io::write_features_gpkg(m_out, m_layer, points.crs, geos, geoms,
                                {order, id, count, weight, area, density, mx, my, major, minor, angle}, metadata(detail, points.crs));
    }

    void report(const io::PointSet& points, const std::vector<std::int32_t>& labels, const std::vector<FoundCluster>& found,
                const std::string& detail) const {
        std::size_t clustered = 0;
        for (auto l : labels) clustered += l >= 0;
        if (m_json) {
            nlohmann::ordered_json j = metadata(detail, points.crs);
            j["points"] = points.size();
            j["in_clusters"] = clustered;
            j["noise"] = points.size() - clustered;
            nlohmann::ordered_json list = nlohmann::ordered_json::array();
            for (const auto& f : found)
                list.push_back({{"order", f.order}, {"cluster", f.shape.cluster}, {"count", f.shape.count}, {"weight", f.shape.weight},
                                {"area_m2", f.shape.convex_area_m2}, {"mean_x", f.shape.mean_x}, {"mean_y", f.shape.mean_y}});
            j["clusters"] = list;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("{} on {} points ({}): {} clusters; {} points in first-order clusters, {} not\n", m_method == "dbscan" ? "DBSCAN" : "NNH",
                   points.size(), detail, found.size(), clustered, points.size() - clustered);
        fmt::print("\n{:>5} {:>7} {:>7} {:>12} {:>14} {:>10} {:>10}\n", "order", "cluster", "count", "hull m²", "per km²", "mean x", "mean y");
        for (std::size_t k = 0; k < std::min<std::size_t>(found.size(), 20); ++k) {
            const auto& s = found[k].shape;
            const std::string density = s.convex_area_m2 > 0 ? fmt::format("{:.1f}", s.weight / (s.convex_area_m2 / 1e6)) : "-";
            fmt::print("{:>5} {:>7} {:>7} {:>12.0f} {:>14} {:>10.0f} {:>10.0f}\n", found[k].order, s.cluster, s.count, s.convex_area_m2,
                       density, s.mean_x, s.mean_y);
        }
        if (found.size() > 20) fmt::print("... {} more\n", found.size() - 20);
        print_written(stdout, m_written);
    }

    AnalysisInput m_input;
    StudyAreaInput m_area;
    std::string m_method, m_hull, m_out, m_layer;
    std::vector<std::string> m_written;
    double m_eps = 100, m_p = 0.01, m_concave_ratio = 0.3;
    int m_min_points = 10, m_max_order = 3;
    bool m_json = false;
};

class CommandNni : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app, AnalysisInput::Sources::project_or_files, AnalysisInput::Kind::taken);
        m_area.add_options(app);
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }
    int run() override {
        io::PointSet points = m_input.load();
        std::string how;
        const double area = m_area.resolve(m_input.project(), points, how);
        analysis::NearestNeighbourIndex r = analysis::clark_evans(points.x, points.y, area);
        if (m_json) {
            nlohmann::ordered_json j = jobs::describe_result("nni", m_input.request, points.crs);
            j.update(nlohmann::ordered_json{{"points", r.n}, {"area_m2", r.area_m2}, {"area_source", how},
                                            {"mean_observed_m", r.mean_observed_m}, {"mean_expected_m", r.mean_expected_m},
                                            {"ratio", r.ratio}, {"standard_error_m", r.standard_error_m}, {"z", r.z}, {"p", r.p}});
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("Nearest neighbour index (Clark & Evans) of {} points over {}\n", r.n, how);
        fmt::print("observed mean {:.2f} m, expected under randomness {:.2f} m, R = {:.3f} ({}), z = {:.2f}, p = {:.2g}\n",
                   r.mean_observed_m, r.mean_expected_m, r.ratio,
                   r.ratio < 1 ? "clustered" : r.ratio > 1 ? "dispersed" : "random", r.z, r.p);
        return 0;
    }

private:
    AnalysisInput m_input;
    StudyAreaInput m_area;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_cluster_command() { return std::make_unique<CommandCluster>(); }
std::unique_ptr<Command> make_nni_command() { return std::make_unique<CommandNni>(); }

} // namespace safermap::cli
