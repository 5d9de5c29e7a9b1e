// SPDX-License-Identifier: MIT
// `safermap view`: hands over to the safermap-view executable beside this one, so that the
// CLI links no OpenGL. Every argument after `view` goes to it unchanged.
#include "app/cli/command.hpp"
#include "core/error.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <vector>

namespace safermap::cli {

namespace {

class CommandView : public Command {
public:
    void setup(CLI::App& app) override {
        app.allow_extras();
        app.prefix_command();
        app.footer("Opens the map viewer (safermap-view); see `safermap view --help` there: PROJECT [--screenshot OUT.png "
                   "--size WxH --view NAME --layers ... --presentation --public --analysis ...]");
        m_app = &app;
    }

    int run() override {
        std::error_code ec;
        const auto self = std::filesystem::read_symlink("/proc/self/exe", ec);
        if (ec) throw Error(fmt::format("cannot find this program's path ({})", ec.message()));
        const std::string viewer = (self.parent_path() / "safermap-view").string();
        if (!std::filesystem::exists(viewer))
            throw ConfigError(fmt::format("{} is missing: the viewer was not built (configure with -DSAFERMAP_BUILD_VIEWER=ON)", viewer));
        std::vector<std::string> args{viewer};
        for (const auto& a : m_app->remaining()) args.push_back(a);
        std::vector<char*> argv;
        for (auto& a : args) argv.push_back(a.data());
        argv.push_back(nullptr);
        ::execv(viewer.c_str(), argv.data());
        throw Error(fmt::format("cannot start {} ({})", viewer, std::strerror(errno)));
    }

private:
    CLI::App* m_app = nullptr;
};

} // namespace

std::unique_ptr<Command> make_view_command() { return std::make_unique<CommandView>(); }

} // namespace safermap::cli
