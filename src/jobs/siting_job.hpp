// SPDX-License-Identifier: MIT
#pragma once
// Where to put new cameras or lights so that they cover the most incidents (or harm): the
// maximal covering location problem (analysis/mclp*.hpp) over candidate sites from a file or
// a lattice, with demand the project's existing CCTV already covers taken out, as every face
// asks for it.

#include "analysis/mclp.hpp"
#include "analysis/site_coverage.hpp"
#include "core/result_metadata.hpp"
#include "geo/bounds.hpp"
#include "io/features/siting_inputs.hpp"
#include "jobs/point_request.hpp"

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safermap::jobs {

// Candidate sites: a file (CSV or GDAL point or line layer), or a square lattice.
struct CandidateRequest {
    std::string file;                      // --candidates
    io::CandidateFileOptions file_options; // --id-field, --cost-field (working_crs is set from the points)
    double spacing_m = 0;                  // --candidate-spacing: a lattice of points this far apart...
    std::string area;                      // ...inside this project boundary (name or code, case ignored)
};

struct SitingRequest {
    analysis::CoverageOptions coverage;    // kind, range_m, and for fixed cameras fov_deg and headings
    CandidateRequest candidates;
    int max_sites = 0;                     // --sites K, or
    std::optional<double> budget;          // --budget B (candidates need costs)
    double time_limit_s = 60;
    analysis::MclpSolver solver = analysis::MclpSolver::automatic;
    bool use_existing = true;              // count demand the project's cameras cover as covered
    std::string obstacles;                 // a GDAL polygon layer that blocks sight ("" = none)
};

// One recommended site, best first.
struct ProposedSite {
    int rank = 0;
    std::string candidate_id;
    double x = 0, y = 0;                   // working CRS; a point on the line for line candidates
    std::optional<double> heading_deg;     // fixed cameras only
    std::optional<double> cost;            // when the candidate has one
    double marginal = 0;                   // demand it adds to the sites ranked above it
    double cumulative = 0;                 // new demand covered by it and the sites above it
    double cumulative_percent = 0;         // 100 * cumulative / all demand (existing cover not included)
    std::size_t candidate = 0;             // index into the candidates
};

struct SitingOutcome {
    std::vector<ProposedSite> sites;
    analysis::MclpResult result;           // solver, reason, objective, upper bound, totals
    io::CandidateSites candidates;
    std::string candidates_source;         // "cands.csv", or "100 m lattice inside Central & New Cross (ward)"
    std::string existing;                  // what counted as covered already, in words
    std::size_t existing_cameras = 0;
    std::size_t obstacle_polygons = 0;
    std::size_t demand_points = 0;
    bool whole_weights = true;             // every demand weight is a whole number (counts)
    ResultMetadata parameters;             // coverage, range_m, candidates, existing, sites or budget, ...
    ResultMetadata totals;                 // solver, optimal, total_demand, covered_by_existing, covered_demand, upper_bound, ...

    double covered_demand() const { return result.covered_by_existing + result.objective; }
};

// Lattice points at whole multiples of `spacing_m` within `extent` (edges included) for which
// `inside` holds, south-west first, row by row, with ids L1, L2, ... Throws ConfigError for a
// spacing that is not > 0, or when the lattice would exceed k_max_lattice_sites.
inline constexpr std::size_t k_max_lattice_sites = 250000;
io::CandidateSites lattice_sites(const geo::Bounds& extent, double spacing_m, const std::function<bool(double, double)>& inside);

// Runs the siting for the incidents `points` of `request`: builds the candidates (a lattice's
// area is the --candidate-area boundary; else the --area filter's boundary; else the project's
// study area; else its district boundaries; else the incidents' extent), their coverage (a
// candidate's own heading replaces the --headings tried, for fixed cameras), the demand
// covered by the project's cameras (each with its own type, heading, field of view and range
// where recorded, else the run's --range and an all-round view; not for lighting, which
// cameras do not provide), and solves. Throws ConfigError for conflicting or missing choices
// (neither or both of candidates file and spacing; neither or both of --sites and --budget; a
// budget without a cost for every candidate; lines without --coverage lighting), and what the
// readers and analysis::solve_mclp throw.
SitingOutcome run_siting(const PointRequest& request, const io::PointSet& points, const SitingRequest& siting,
                         const geo::GeosContext& geos);

// One flag per point of `points`: 1 when one of `cameras` covers it, each camera with its own
// range, and a sector where it records a heading (fixed or unknown type, field of view under
// 360), else all round; what a camera does not record comes from `run` (range_m, fov_deg).
// `with_sector` returns how many cameras had a sector. As run_siting counts existing cover.
std::vector<std::uint8_t> existing_cover(const std::vector<io::ExistingCamera>& cameras, const io::PointSet& points,
                                         const analysis::CoverageOptions& run, const analysis::SightObstacles* obstacles,
                                         std::size_t& with_sector);

// What the project's existing cameras cover of `points`: each camera with its own range and
// sector where recorded, else `default_range_m` all round (as run_siting counts existing cover).
struct CameraCover {
    std::size_t cameras = 0, with_sector = 0;
    std::size_t incidents = 0, covered = 0;
    double share() const { return incidents ? static_cast<double>(covered) / static_cast<double>(incidents) : 0.0; }
};
CameraCover project_camera_cover(const std::string& project, const io::PointSet& points, double default_range_m);

// Writes the ranked sites by extension: .csv (rank, candidate_id, x, y, heading_deg,
// marginal_demand, cumulative_demand, cumulative_percent, cost; the metadata in PATH.json), or
// .gpkg (a point layer, or a line layer for line candidates, `layer_name`, with the same
// fields and the metadata on the layer; the GeoPackage may be the project itself). Never
// half-written. Returns the files written. Throws ConfigError for another extension or a
// GeoPackage in the way of a CSV, IoError naming the file.
std::vector<std::string> write_proposed_sites(const std::string& path, const std::string& layer_name, const SitingOutcome& outcome,
                                              const std::string& crs, const ResultMetadata& metadata, const geo::GeosContext& geos);

} // namespace safermap::jobs
