// SPDX-License-Identifier: MIT
#pragma once

#include "app/cli/analysis_input.hpp"
#include "jobs/study_area.hpp"

#include <CLI/CLI.hpp>

namespace safermap::cli {

// --area-km2, or --kind: the study area is the project's boundaries of that kind.
struct StudyAreaInput {
    jobs::StudyAreaRequest request;

    void add_options(CLI::App& app);
    double resolve(const std::string& project, const io::PointSet& points, std::string& how) const {
        return request.resolve(project, points, how);
    }
};

} // namespace safermap::cli
