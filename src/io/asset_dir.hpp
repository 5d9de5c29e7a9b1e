// SPDX-License-Identifier: MIT
#pragma once

#include <string>

namespace safermap::io {

// The folder of SaferMap's bundled data (harm tables, demo data). Tries, in order:
// $SAFERMAP_ASSET_DIR; the source tree's assets/ (SAFERMAP_SOURCE_ASSET_DIR, defined when
// safermap_core is built); <executable's folder>/../share/safermap/assets (an install). The
// first that holds `probe` (a path relative to the folder, e.g. "harm/ons-css/README.md")
// wins. `executable_path` "" means this process's own (/proc/self/exe). Mirrors
// gl::find_shader_dir. Throws IoError listing the folders it looked in.
std::string find_asset_dir(const std::string& probe, const std::string& executable_path = {});

} // namespace safermap::io
