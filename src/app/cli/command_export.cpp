// SPDX-License-Identifier: MIT
#include "app/cli/command.hpp"
#include "io/incidents/incident_export.hpp"

#include <fmt/format.h>

namespace safermap::cli {

namespace {

class CommandExport : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("project", m_project, "Project file (.gpkg)")->required()->check(CLI::ExistingFile);
        app.add_option("--incidents", m_out, "Output CSV in police.uk street-level format")->required();
    }
    int run() override {
        long long n = io::export_police_uk_csv(m_project, m_out);
        fmt::print("wrote {} incidents to {}\n", n, m_out);
        return 0;
    }

private:
    std::string m_project, m_out;
};

} // namespace

std::unique_ptr<Command> make_export_command() { return std::make_unique<CommandExport>(); }

} // namespace safermap::cli
