// SPDX-License-Identifier: MIT
// `safermap map`: a printed map of the project (PDF, SVG or PNG) for a meeting or the public.
#include "app/cli/command.hpp"
#include "app/cli/project_argument.hpp"
#include "print/map_export.hpp"

#include <fmt/format.h>

namespace safermap::cli {

namespace {

class CommandMap : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_request.project, "Project (.gpkg, or PG:... for a PostGIS database)")->required();
        app.add_option("--out", m_request.out, "The map: .pdf or .svg (vector, real text) or .png (at --dpi)")->required();
        app.add_option("--paper", m_request.paper, "A4 (default), A3 or A2");
        app.add_option("--orientation", m_request.orientation, "landscape (default) or portrait");
        app.add_option("--dpi", m_request.dpi, "PNG resolution, and of surfaces inside a PDF or SVG (default 150)");
        app.add_option("--scale", m_request.scale, "Fix the scale, e.g. 1:25000 (default: the view fills the map frame)");
        app.add_option("--view", m_request.view, "A saved view: 'Whole area', a priority area, or a view saved with `view --save-view`");
        app.add_option("--bounds", m_request.bounds, "XMIN,YMIN,XMAX,YMAX in the project's CRS");
        app.add_option("--layers", m_request.layers,
                       "Only these layers (comma-separated): district, ward, lsoa, priority, incidents, density, hotspots, emerging, "
                       "ward_counts, ward_hotspots, clusters, cctv, proposed, interventions, labels, places");
        app.add_option("--analysis", m_request.analyses, "Run and draw (comma-separated): density, hotspots, emerging, ward_hotspots, clusters");
        app.add_option("--bandwidth", m_request.bandwidth_m, "KDE radius in metres (default 250; public maps need at least 250)");
        app.add_option("--from", m_request.from, "First month, YYYY-MM");
        app.add_option("--to", m_request.to, "Last month, YYYY-MM");
        app.add_option("--category", m_request.categories, "Crime types (repeatable; default all)");
        app.add_option("--title", m_request.title, "Title (default: the project's name)");
        app.add_option("--subtitle", m_request.subtitle, "Subtitle (default: the crime types and period)");
        app.add_flag("--public", m_request.audience.public_audience,
                     "For a public audience: no incident points, KDE bandwidth at least 250 m, counts under 5 shown as <5, no marking");
        app.add_option("--marking", m_request.audience.marking, "Protective marking of an internal map (default OFFICIAL-SENSITIVE)");
        app.add_flag("--json", m_json, "Say what was written as JSON");
    }

    int run() override {
        const ResultMetadata result = print::export_map(m_request);
        if (m_json) {
            fmt::print("{}\n", result.dump(2));
        } else {
            fmt::print("wrote {} ({} {} {}, scale {})\n", m_request.out, result["paper"].get<std::string>(),
                       result["orientation"].get<std::string>(), result["format"].get<std::string>(), result["scale"].get<std::string>());
            fmt::print("  {}\n  {}\n", result["subtitle"].get<std::string>(), result["method_line"].get<std::string>());
            if (m_request.audience.public_audience) fmt::print("  public: no incident points, small counts suppressed, no marking\n");
            else fmt::print("  marked {}\n", result["marking"].get<std::string>());
        }
        return 0;
    }

private:
    print::MapRequest m_request;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_map_command() { return std::make_unique<CommandMap>(); }

} // namespace safermap::cli
