// SPDX-License-Identifier: MIT
#include "app/cli/study_area_input.hpp"

namespace safermap::cli {

void StudyAreaInput::add_options(CLI::App& app) {
    app.add_option("--area-km2", request.area_km2, "Study area size in km² (default: the points' bounding rectangle)");
    app.add_option("--kind", request.kind, "Study area: the project's boundaries of this kind (e.g. district)");
    add_hidden_alias(app, "--study-area", request.kind);
}

} // namespace safermap::cli
