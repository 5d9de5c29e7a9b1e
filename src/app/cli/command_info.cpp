// SPDX-License-Identifier: MIT
#include "app/cli/command.hpp"
#include "io/project/project_summary.hpp"

#include <fmt/format.h>

namespace safermap::cli {

namespace {

class CommandInfo : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("project", m_project, "Project file (.gpkg)")->required();
        app.add_flag("--json", m_json, "Print a JSON object (keys: rows_read, incidents, not_geocoded, outside_study_area, "
                                       "rejected, rejected_by_reason, layers, crs, ...)");
    }

    int run() override {
        io::ProjectSummary s = io::summarise_project(m_project);
        if (m_json) {
            fmt::print("{}\n", io::to_json(s).dump(2));
            return 0;
        }
        fmt::print("Project   {} ({})\n", s.name, s.path);
        fmt::print("CRS       {} ({})\n", s.crs, s.crs_name);
        if (!s.first_month.empty()) fmt::print("Months    {} to {}\n", s.first_month, s.last_month);
        fmt::print("\n{:<15} {:<16} {:>10}  {}\n", "layer", "geometry", "features", "extent (working CRS)");
        for (const auto& l : s.layers) {
            std::string extent = l.extent ? fmt::format("{:.0f} {:.0f} - {:.0f} {:.0f}", (*l.extent)[0], (*l.extent)[1],
                                                        (*l.extent)[2], (*l.extent)[3])
                                           : "";
            fmt::print("{:<15} {:<16} {:>10}  {}\n", l.name, l.geometry_type, l.features, extent);
        }
        fmt::print("\nIncidents: {} rows read = {} stored + {} rejected; {} not yet geocoded; {} outside the study area\n",
                   s.rows_read, s.incidents, s.rejected, s.not_geocoded, s.outside_study_area);
        for (const auto& [reason, n] : s.rejected_by_reason) fmt::print("  rejected {:<28} {:>8}\n", reason, n);
        for (const auto& [reason, n] : s.notes_by_reason) fmt::print("  note     {:<28} {:>8}\n", reason, n);
        if (!s.incidents_by_match_level.empty()) {
            fmt::print("Geocoding (safermap geocode):");
            for (const auto& [level, n] : s.incidents_by_match_level) fmt::print(" {} {};", level, n);
            fmt::print("\n");
        }
        if (!s.incidents_by_category.empty()) {
            fmt::print("\n{:<32} {:>8}\n", "crime type", "count");
            for (const auto& [cat, n] : s.incidents_by_category) fmt::print("{:<32} {:>8}\n", cat, n);
        }
        if (!s.boundaries_by_kind.empty()) {
            fmt::print("\nBoundaries:");
            for (const auto& [kind, n] : s.boundaries_by_kind) fmt::print(" {} {};", kind, n);
            fmt::print("\n");
        }
        long long cctv = 0;
        for (const auto& l : s.layers) if (l.name == "cctv_sites") cctv = l.features;
        if (cctv) fmt::print("CCTV sites: {}{}\n", cctv, s.cctv_illustrative ? fmt::format(" ({} ILLUSTRATIVE, not real positions)", s.cctv_illustrative) : "");
        if (!s.interventions_by_type.empty()) {
            fmt::print("Interventions:");
            for (const auto& [type, n] : s.interventions_by_type) fmt::print(" {} {};", type, n);
            if (s.interventions_illustrative) fmt::print(" ({} ILLUSTRATIVE)", s.interventions_illustrative);
            fmt::print("\n");
        }
        return 0;
    }

private:
    std::string m_project;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_info_command() { return std::make_unique<CommandInfo>(); }

} // namespace safermap::cli
