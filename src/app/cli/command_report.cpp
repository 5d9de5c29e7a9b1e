// SPDX-License-Identifier: MIT
// `safermap report`: the strategic group's meeting pack as one PDF.
#include "app/cli/command.hpp"
#include "app/cli/project_argument.hpp"
#include "print/report_pack.hpp"

#include <fmt/format.h>

namespace safermap::cli {

namespace {

class CommandReport : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_request.project, "Project (.gpkg, or PG:... for a PostGIS database)")->required();
        app.add_option("--out", m_request.out, "The pack, a .pdf")->required();
        app.add_option("--from", m_request.from, "First month, YYYY-MM (default: three months before --to)");
        app.add_option("--to", m_request.to, "Last month, YYYY-MM (default: the data's last month)");
        app.add_option("--category", m_request.categories, "Crime types (repeatable; default all)");
        app.add_option("--area", m_request.area, "Narrow the pack to one area: a ward, any boundary or a NaPTAN place (name or code)");
        app.add_option("--title", m_request.title, "Title (default: '<project>: community safety report')");
        app.add_flag("--public", m_request.audience.public_audience,
                     "For publication: no incident points, counts under 5 shown as <5, totals that cannot reveal them, no marking");
        app.add_option("--marking", m_request.audience.marking, "Protective marking of an internal pack (default OFFICIAL-SENSITIVE)");
        app.add_flag("--json", m_json, "Say what was written as JSON");
    }

    int run() override {
        const ResultMetadata result = print::export_report(m_request);
        if (m_json) {
            fmt::print("{}\n", result.dump(2));
            return 0;
        }
        fmt::print("wrote {} ({} pages): {}, {} against {}\n", m_request.out, result["pages"].get<int>(), result["categories"].get<std::string>(),
                   result["period"].get<std::string>(), result["comparison"].get<std::string>());
        for (const auto& o : result["omitted"]) fmt::print("  left out {}: {}\n", o["section"].get<std::string>(), o["why"].get<std::string>());
        return 0;
    }

private:
    print::ReportRequest m_request;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_report_command() { return std::make_unique<CommandReport>(); }

} // namespace safermap::cli
