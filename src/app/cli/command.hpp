// SPDX-License-Identifier: MIT
#pragma once

#include <CLI/CLI.hpp>

#include <memory>

namespace safermap::cli {

// One `safermap <verb>`: declares its flags on a CLI11 subcommand and runs when chosen.
// Commands throw safermap::Error subclasses; main() maps them to exit codes.
class Command {
public:
    virtual ~Command() = default;
    virtual void setup(CLI::App& app) = 0;
    // Returns the process exit code.
    virtual int run() = 0;
};

std::unique_ptr<Command> make_import_command();
std::unique_ptr<Command> make_info_command();
std::unique_ptr<Command> make_export_command();
std::unique_ptr<Command> make_kde_command();
std::unique_ptr<Command> make_gistar_command();
std::unique_ptr<Command> make_lisa_command();
std::unique_ptr<Command> make_cluster_command();
std::unique_ptr<Command> make_nni_command();
std::unique_ptr<Command> make_concentration_command();
std::unique_ptr<Command> make_trends_command();
std::unique_ptr<Command> make_accuracy_command();
std::unique_ptr<Command> make_site_command();
std::unique_ptr<Command> make_emerging_command();
std::unique_ptr<Command> make_knox_command();
std::unique_ptr<Command> make_evaluate_command();
std::unique_ptr<Command> make_gazetteer_command();
std::unique_ptr<Command> make_geocode_command();
std::unique_ptr<Command> make_view_command();
std::unique_ptr<Command> make_map_command();
std::unique_ptr<Command> make_report_command();

} // namespace safermap::cli
