// SPDX-License-Identifier: MIT
#pragma once
// The flags that fill a jobs::PointRequest, declared once for every analysis command (README:
// "Flags"): a project or --points files; position, time and input columns; filters; harm.

#include "jobs/grid_request.hpp"
#include "jobs/point_request.hpp"

#include <CLI/CLI.hpp>

#include <string>

namespace safermap::cli {

struct AnalysisInput {
    // Which inputs a command takes: a project or plain files, or a project only (its
    // boundaries or history are needed), in which case the plain-file flags are not offered.
    enum class Sources { project_or_files, project_only };
    // What --kind means here: the kind of the --area boundary, or nothing because the command
    // gives --kind another meaning (the units' or the study area's kind).
    enum class Kind { area_filter, taken };

    jobs::PointRequest request;

    void add_options(CLI::App& app, Sources sources = Sources::project_or_files, Kind kind = Kind::area_filter);
    // Spells the filter as the project does (so results say "Burglary", not "burglary"), then
    // loads the points.
    io::PointSet load() {
        resolve();
        return jobs::load_points(request);
    }
    void resolve() { request = jobs::resolved(request); }
    const io::PointFilter& filter() const { return request.filter; }
    const std::string& project() const { return request.project; }
    std::string describe() const { return request.describe_input(); }

private:
    Sources m_sources = Sources::project_or_files;
};

// --cell and --extent.
struct GridInput {
    std::string extent;
    jobs::GridRequest request;

    void add_options(CLI::App& app, double default_cell_m);
    // The request with --extent parsed.
    jobs::GridRequest resolved() const;
    analysis::GridSpec resolve(const io::PointSet& points, double pad_m) const { return resolved().resolve(points, pad_m); }
};

// A flag's old spelling kept working but out of --help (README: "Flags").
CLI::Option* add_hidden_alias(CLI::App& app, const std::string& name, std::string& target);

} // namespace safermap::cli
