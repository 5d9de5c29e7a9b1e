// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/project_argument.hpp"
#include "app/cli/row_report.hpp"
#include "core/error.hpp"
#include "io/incidents/incident_export.hpp"
#include "io/project/project_location.hpp"
#include "io/project/project_slice.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace safermap::cli {

namespace {

class CommandExport : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_project, "Project")->required();
        app.add_option("--out", m_out, "Output: .csv (police.uk street-level columns, WGS84 Longitude/Latitude) or .gpkg (a layer)");
        add_hidden_alias(app, "--incidents", m_out); // the old spelling
        app.add_option("--layer", m_layer, "Layer name for .gpkg output")->default_val("incidents");
        app.add_option("--category", m_filter.categories, "Only these crime types (repeatable; case and surrounding spaces ignored)");
        app.add_option("--from", m_filter.from_month, "First month, YYYY-MM");
        app.add_option("--to", m_filter.to_month, "Last month, YYYY-MM");
        app.add_option("--area", m_filter.area, "Only incidents inside this boundary (name or code)");
        app.add_option("--kind", m_filter.area_kind, "Kind of the --area boundary (ward, lsoa, priority, ...)");
        add_hidden_alias(app, "--area-kind", m_filter.area_kind);
        app.add_flag("--study-area-only", m_filter.study_area_only, "Leave out incidents marked outside the study area");
        app.add_option("--offline", m_offline,
                       "Instead of --out: a new GeoPackage project holding what lies in --area (incidents passing the "
                       "filters, boundaries touching it, CCTV, interventions, places), to work on offline");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }
    int run() override {
        if (!m_offline.empty()) return run_offline();
        if (m_out.empty()) throw ConfigError("export needs --out FILE.csv or FILE.gpkg, or --offline FILE.gpkg");
        io::ExportResult r = io::export_incidents(m_project, m_filter, m_out, m_layer);
        if (m_json) {
            nlohmann::ordered_json j{{"method", "export"},         {"input", io::display_project(m_project)},
                                     {"period", jobs::period_label(m_filter)}, {"categories", jobs::categories_label(m_filter)},
                                     {"incidents", r.incidents},   {"without_position", r.without_position},
                                     {"extra_columns", r.extra_columns}, {"out", r.written}};
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("wrote {} incidents ({}) to {}", r.incidents, jobs::describe_filter(m_filter), r.written.front());
        if (r.without_position) fmt::print("; {} without a position have blank Longitude/Latitude", r.without_position);
        fmt::print("\n");
        return 0;
    }

private:
    int run_offline() {
        if (!m_out.empty()) throw ConfigError("give --out or --offline, not both");
        const io::SliceResult r = io::copy_project_slice(m_project, m_filter, m_offline);
        if (m_json) {
            nlohmann::ordered_json j{{"method", "export"}, {"input", r.source}, {"period", jobs::period_label(m_filter)},
                                     {"categories", jobs::categories_label(m_filter)}, {"offline", r.target},
                                     {"copied", r.copied}};
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("wrote the GeoPackage project {} from {} ({}):", r.target, r.source, jobs::describe_filter(m_filter));
        for (const auto& [layer, n] : r.copied) fmt::print(" {} {};", layer, n);
        fmt::print("\n");
        return 0;
    }

    std::string m_project, m_out, m_layer, m_offline;
    io::PointFilter m_filter;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<CommandExport>(); }

} // namespace safermap::cli
