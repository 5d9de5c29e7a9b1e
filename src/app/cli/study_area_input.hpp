// SPDX-License-Identifier: MIT
#pragma once

#include "io/incidents/point_loader.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace safermap::cli {

// The study area's size for statistics that compare with complete spatial randomness
// (NNI, NNH): --area-km2, or the project's boundaries of --study-area KIND, or else the
// points' minimum bounding rectangle (CrimeStat's default), always said in the output.
struct StudyAreaInput {
    double area_km2 = 0;
    std::string kind;

    void add_options(CLI::App& app);
    // Returns the area in m² and fills `how` with where it came from.
    double resolve(const std::string& project, const io::PointSet& points, std::string& how) const;
};

} // namespace safermap::cli
