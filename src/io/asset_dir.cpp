// SPDX-License-Identifier: MIT
#include "io/asset_dir.hpp"

#include "core/error.hpp"

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <system_error>
#include <vector>

namespace safermap::io {

std::string find_asset_dir(const std::string& probe, const std::string& executable_path) {
    namespace fs = std::filesystem;
    std::vector<fs::path> tries;
    if (const char* env = std::getenv("SAFERMAP_ASSET_DIR"); env && *env) tries.emplace_back(env);
#ifdef SAFERMAP_SOURCE_ASSET_DIR
    tries.emplace_back(SAFERMAP_SOURCE_ASSET_DIR);
#endif
    fs::path exe = executable_path;
    if (exe.empty()) {
        std::error_code ec;
        exe = fs::read_symlink("/proc/self/exe", ec);
    }
    if (!exe.empty()) tries.push_back(exe.parent_path() / ".." / "share" / "safermap" / "assets");
    for (const auto& t : tries) {
        std::error_code ec;
        if (fs::exists(t / probe, ec)) return t.string();
    }
    std::string listed;
    for (const auto& t : tries) listed += "\n  " + t.string();
    throw IoError(fmt::format("no bundled assets holding {} found (looked in:{}); set SAFERMAP_ASSET_DIR to the assets/ folder",
                              probe, listed.empty() ? " nowhere" : listed));
}

} // namespace safermap::io
