// SPDX-License-Identifier: MIT
#include "app/cli/command.hpp"
#include "app/cli/project_argument.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "io/project/project_summary.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace safermap::cli {

namespace {

class CommandInfo : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_project, "Project")->required();
        app.add_flag("--json", m_json, "Print a JSON object (keys: rows_read, incidents, not_geocoded, outside_study_area, "
                                       "rejected, rejected_by_reason, layers, crs, places, ...)");
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
        if (!s.results.empty()) {
            fmt::print("\nResults saved in the project:\n");
            std::size_t w = 5;
            for (const auto& r : s.results) w = std::max(w, r.name.size());
            fmt::print("{:<{}} {:<14} {:>10}  {}\n", "layer", w, "method", "features", "period; crime types");
            for (const auto& r : s.results)
                fmt::print("{:<{}} {:<14} {:>10}  {}{}\n", r.name, w, r.method.empty() ? "-" : r.method, r.features,
                           r.period.empty() ? "-" : r.period, r.categories.empty() ? "" : "; " + r.categories);
        }
        fmt::print("\nIncidents: {} rows read = {} stored + {} rejected; {} not yet geocoded; {} outside the study area\n",
                   s.rows_read, s.incidents, s.rejected, s.not_geocoded, s.outside_study_area);
        RunReport reasons;
        reasons.rejected_by_reason = s.rejected_by_reason;
        reasons.notes_by_reason = s.notes_by_reason;
        print_row_report(stdout, reasons);
        if (!s.incidents_by_match_level.empty()) {
            fmt::print("Geocoding (safermap geocode):");
            for (const auto& [level, n] : s.incidents_by_match_level) fmt::print(" {} {};", level, n);
            fmt::print("\n");
        }
        if (!s.incidents_by_category.empty()) {
            TextTable table({{"crime type"}, {"count", true}});
            for (const auto& [cat, n] : s.incidents_by_category) table.add({cat, fmt::format("{}", n)});
            fmt::print("\n");
            table.print(stdout);
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
        if (s.places) {
            fmt::print("Places: {} NaPTAN localities:", s.places);
            for (const auto& [kind, n] : s.places_by_kind) fmt::print(" {} {};", kind, n);
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
