// SPDX-License-Identifier: MIT
#include "jobs/siting_job.hpp"

#include "analysis/mclp_solve.hpp"
#include "analysis/sight_obstacles.hpp"
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "geo/study_area.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/ogr_geos_bridge.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/boundary_reader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_store.hpp"
#include "io/results/result_gpkg.hpp"
#include "io/results/surface_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <map>
#include <memory>
#include <tuple>

namespace safermap::jobs {

namespace {

const char* kind_name(analysis::SiteKind kind) {
    switch (kind) {
    case analysis::SiteKind::ptz: return "ptz";
    case analysis::SiteKind::fixed: return "fixed";
    case analysis::SiteKind::lighting: return "lighting";
    }
    return "?";
}

// The polygons a lattice fills, their bounding box, and how the output names them.
struct LatticeArea {
    std::vector<geo::GeomPtr> polygons; // empty: the incidents' extent
    geo::Bounds bounds;
    std::string description;
};

std::vector<geo::GeomPtr> read_polygons(io::ProjectStore& store, const std::string& where, const geo::GeosContext& geos) {
    std::vector<geo::GeomPtr> out;
    io::read_boundaries(store, where, geos, [&](io::StoredBoundary&& b) { out.push_back(std::move(b.geometry)); });
    return out;
}

// A boundary by name or code (of `kind` when given), spelt as the project spells it; throws
// ConfigError listing the names there are, as --area does.
std::vector<geo::GeomPtr> named_boundary(io::ProjectStore& store, std::string& name, const std::string& kind,
                                         const geo::GeosContext& geos) {
    io::PointFilter f;
    f.area = name;
    f.area_kind = kind;
    name = io::resolve_project_filter(store, f).area;
    return io::read_named_boundary(store, name, kind, geos);
}

// The study area's boundary kind from the project's setting ("district boundaries (1)"), or "".
std::string study_area_kind(io::ProjectStore& store) {
    const std::string text = store.setting("study_area").value_or("");
    const auto at = text.find(" boundaries (");
    return at == std::string::npos ? "" : text.substr(0, at);
}

LatticeArea lattice_area(const PointRequest& request, const io::PointSet& points, const CandidateRequest& c,
                         const geo::GeosContext& geos) {
    LatticeArea out;
    if (!c.area.empty() && request.project.empty())
        throw ConfigError("--candidate-area names a project boundary, so it needs a project");
    if (!request.project.empty()) {
        io::ProjectStore store = io::ProjectStore::open(request.project, false);
        if (!c.area.empty()) {
            std::string name = c.area;
            out.polygons = named_boundary(store, name, "", geos);
            out.description = name;
        } else if (!request.filter.area.empty()) {
            std::string name = request.filter.area;
            out.polygons = named_boundary(store, name, request.filter.area_kind, geos);
            out.description = name + " (the --area filter)";
        } else {
            std::string kind = study_area_kind(store);
            if (!kind.empty()) out.polygons = read_polygons(store, "kind = " + io::sql_quote(kind), geos);
            if (out.polygons.empty()) {
                kind = "district";
                out.polygons = read_polygons(store, "kind = 'district'", geos);
            }
            if (!out.polygons.empty()) out.description = fmt::format("the study area ({} boundaries)", kind);
        }
    }
    if (out.polygons.empty()) {
        out.bounds = geo::bounds_of(points.x, points.y);
        out.description = "the incidents' extent";
        return out;
    }
    const GEOSContextHandle_t h = geos.handle();
    bool first = true;
    for (const auto& g : out.polygons) {
        double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
        if (GEOSisEmpty_r(h, g.get()) == 1) continue;
        GEOSGeom_getXMin_r(h, g.get(), &x0);
        GEOSGeom_getYMin_r(h, g.get(), &y0);
        GEOSGeom_getXMax_r(h, g.get(), &x1);
        GEOSGeom_getYMax_r(h, g.get(), &y1);
        if (first) out.bounds = {x0, y0, x1, y1};
        out.bounds = {std::min(out.bounds.min_x, x0), std::min(out.bounds.min_y, y0), std::max(out.bounds.max_x, x1),
                      std::max(out.bounds.max_y, y1)};
        first = false;
    }
    return out;
}

io::CandidateSites lattice_candidates(const PointRequest& request, const io::PointSet& points, const CandidateRequest& c,
                                      const geo::GeosContext& geos, std::string& source) {
    LatticeArea area = lattice_area(request, points, c, geos);
    io::CandidateSites out;
    if (area.polygons.empty()) {
        out = lattice_sites(area.bounds, c.spacing_m, [](double, double) { return true; });
    } else {
        const geo::Bounds bounds = area.bounds;
        geo::StudyArea inside(geos, std::move(area.polygons), area.description);
        out = lattice_sites(bounds, c.spacing_m, [&](double x, double y) { return inside.contains(x, y); });
    }
    source = fmt::format("{} m lattice inside {}", c.spacing_m, area.description);
    if (out.size() == 0) throw ConfigError(fmt::format("a {} has no points; use a smaller --candidate-spacing", source));
    return out;
}

// Coverage of point candidates where some fixed cameras have a heading of their own: those
// get one option at that heading (worked out as an existing camera would be, by the same
// rule), the rest the --headings tried; options stay numbered candidate by candidate.
analysis::SiteCoverage own_heading_coverage(const io::PointSet& points, const io::CandidateSites& c,
                                            const analysis::CoverageOptions& options, const analysis::SightObstacles* obstacles) {
    std::vector<double> free_x, free_y;
    for (std::size_t j = 0; j < c.size(); ++j)
        if (!c.heading_deg[j]) free_x.push_back(c.x[j]), free_y.push_back(c.y[j]);
    const analysis::SiteCoverage free = analysis::point_site_coverage(points.x, points.y, free_x, free_y, options, obstacles);
    analysis::SiteCoverage out;
    out.candidates = c.size();
    out.demand_points = points.size();
    std::size_t next_free = 0, o = 0;
    for (std::size_t j = 0; j < c.size(); ++j) {
        auto add_option = [&](std::optional<double> heading) {
            out.option_site.push_back(static_cast<std::uint32_t>(j));
            out.option_heading_deg.push_back(heading);
            out.start.push_back(out.points.size());
        };
        if (c.heading_deg[j]) {
            const std::vector<std::uint8_t> seen =
                analysis::existing_coverage(points.x, points.y, {{c.x[j], c.y[j], c.heading_deg[j]}}, options, obstacles);
            for (std::size_t i = 0; i < seen.size(); ++i)
                if (seen[i]) out.points.push_back(static_cast<std::uint32_t>(i));
            add_option(c.heading_deg[j]);
            continue;
        }
        for (; o < free.options() && free.option_site[o] == next_free; ++o) {
            const auto covered = free.covered(o);
            out.points.insert(out.points.end(), covered.begin(), covered.end());
            add_option(free.option_heading_deg[o]);
        }
        ++next_free;
    }
    return out;
}

analysis::SiteCoverage candidate_coverage(const io::PointSet& points, const io::CandidateSites& c, const analysis::CoverageOptions& options,
                                          const analysis::SightObstacles* obstacles, const geo::GeosContext& geos) {
    if (!c.lines.empty()) {
        std::vector<const GEOSGeometry*> lines;
        for (const auto& l : c.lines) lines.push_back(l.get());
        return analysis::line_site_coverage(geos, points.x, points.y, lines, options, obstacles);
    }
    const bool own_headings = options.kind == analysis::SiteKind::fixed &&
                              std::any_of(c.heading_deg.begin(), c.heading_deg.end(), [](const auto& h) { return h.has_value(); });
    if (own_headings) return own_heading_coverage(points, c, options, obstacles);
    return analysis::point_site_coverage(points.x, points.y, c.x, c.y, options, obstacles);
}

bool all_round_type(std::string type) {
    std::transform(type.begin(), type.end(), type.begin(), [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    return type == "ptz" || type == "redeployable";
}

void check_request(const SitingRequest& s) {
    const CandidateRequest& c = s.candidates;
    if (c.file.empty() == !(c.spacing_m > 0)) {
        if (c.spacing_m < 0) throw ConfigError(fmt::format("--candidate-spacing must be more than 0 metres (got {})", c.spacing_m));
        throw ConfigError(c.file.empty() ? "give candidate sites: --candidates FILE, or --candidate-spacing METRES for a lattice"
                                         : "give --candidates FILE or --candidate-spacing, not both");
    }
    if (!c.area.empty() && c.file.size()) throw ConfigError("--candidate-area applies to a lattice (--candidate-spacing)");
    if ((s.max_sites > 0) == s.budget.has_value())
        throw ConfigError(s.budget ? "give --sites K or --budget B, not both" : "give --sites K (how many sites) or --budget B with --cost-field");
    if (s.max_sites < 0) throw ConfigError(fmt::format("--sites must be at least 1 (got {})", s.max_sites));
    if (s.budget && !(*s.budget > 0)) throw ConfigError(fmt::format("--budget must be more than 0 (got {})", *s.budget));
    if (!(s.time_limit_s > 0)) throw ConfigError(fmt::format("--time-limit must be more than 0 seconds (got {})", s.time_limit_s));
    s.coverage.validate();
}

// Each candidate's cost for a budget; ConfigError naming the first that has none or a bad one.
std::vector<double> budget_costs(const io::CandidateSites& c, const CandidateRequest& request) {
    if (request.file.empty())
        throw ConfigError("--budget needs a cost for every candidate: give --candidates FILE with a cost column (--cost-field)");
    std::vector<double> cost;
    for (std::size_t j = 0; j < c.size(); ++j) {
        if (!c.cost[j])
            throw ConfigError(fmt::format("{}: candidate '{}' has no cost; --budget needs one for every candidate{}", c.where[j], c.id[j],
                                          request.file_options.cost_field.empty() ? " (a 'cost' column, or name it with --cost-field)" : ""));
        if (!(*c.cost[j] > 0)) throw ConfigError(fmt::format("{}: candidate '{}' costs {}; costs must be more than 0", c.where[j], c.id[j], *c.cost[j]));
        cost.push_back(*c.cost[j]);
    }
    return cost;
}

ResultMetadata describe_parameters(const SitingRequest& s, const SitingOutcome& out) {
    ResultMetadata p = ResultMetadata::object();
    p["coverage"] = kind_name(s.coverage.kind);
    p["range_m"] = s.coverage.range_m;
    if (s.coverage.kind == analysis::SiteKind::fixed) {
        p["fov_deg"] = s.coverage.fov_deg;
        p["headings"] = s.coverage.headings;
    }
    p["candidates"] = out.candidates_source;
    p["candidate_count"] = out.candidates.size();
    if (s.candidates.spacing_m > 0) p["candidate_spacing_m"] = s.candidates.spacing_m;
    p["existing"] = out.existing;
    p["existing_cameras"] = out.existing_cameras;
    if (!s.obstacles.empty()) {
        p["obstacles"] = s.obstacles;
        p["obstacle_polygons"] = out.obstacle_polygons;
    }
    if (s.budget) p["budget"] = *s.budget;
    else p["max_sites"] = s.max_sites;
    p["solver_requested"] = analysis::to_string(s.solver);
    p["time_limit_s"] = s.time_limit_s;
    return p;
}

ResultMetadata describe_totals(const SitingOutcome& out, bool budget) {
    const analysis::MclpResult& r = out.result;
    ResultMetadata t = ResultMetadata::object();
    t["solver"] = analysis::to_string(r.solver);
    t["solver_reason"] = r.solver_reason;
    t["optimal"] = r.optimal;
    t["demand_points"] = out.demand_points;
    t["total_demand"] = r.total_demand;
    t["covered_by_existing"] = r.covered_by_existing;
    t["new_demand"] = r.objective;
    t["covered_demand"] = out.covered_demand();
    t["covered_percent"] = r.total_demand > 0 ? 100 * out.covered_demand() / r.total_demand : 0.0;
    // On the scale of covered_demand: no choice of sites brings it above this.
    t["upper_bound"] = r.covered_by_existing + r.upper_bound;
    if (budget) t["spent"] = r.spent;
    if (r.single_site_fallback) t["single_site_fallback"] = true;
    return t;
}

} // namespace

// Demand the cameras cover: each with its own range, and a sector where it records a
// heading (fixed or unknown type, field of view under 360), else all round; what a camera does
// not record comes from the run (--range, --fov). Cameras are grouped by view so that each
// group is one pass of analysis::existing_coverage.
std::vector<std::uint8_t> existing_cover(const std::vector<io::ExistingCamera>& cameras, const io::PointSet& points,
                                         const analysis::CoverageOptions& run, const analysis::SightObstacles* obstacles,
                                         std::size_t& with_sector) {
    std::map<std::tuple<bool, double, double>, std::vector<analysis::ExistingSite>> groups;
    with_sector = 0;
    for (const auto& cam : cameras) {
        const double range = cam.range_m && *cam.range_m > 0 && std::isfinite(*cam.range_m) ? *cam.range_m : run.range_m;
        const double fov = cam.fov_deg && *cam.fov_deg > 0 && *cam.fov_deg <= 360 ? *cam.fov_deg : run.fov_deg;
        const bool sector = cam.heading_deg && std::isfinite(*cam.heading_deg) && !all_round_type(cam.type) && fov < 360;
        with_sector += sector;
        groups[{sector, range, sector ? fov : 360.0}].push_back({cam.x, cam.y, sector ? cam.heading_deg : std::nullopt});
    }
    std::vector<std::uint8_t> covered(points.size(), 0);
    for (const auto& [key, sites] : groups) {
        analysis::CoverageOptions o;
        o.kind = std::get<0>(key) ? analysis::SiteKind::fixed : analysis::SiteKind::ptz;
        o.range_m = std::get<1>(key);
        o.fov_deg = std::get<2>(key);
        o.headings = 1;
        const auto flags = analysis::existing_coverage(points.x, points.y, sites, o, obstacles);
        for (std::size_t i = 0; i < flags.size(); ++i) covered[i] |= flags[i];
    }
    return covered;
}


io::CandidateSites lattice_sites(const geo::Bounds& extent, double spacing_m, const std::function<bool(double, double)>& inside) {
    if (!(spacing_m > 0) || !std::isfinite(spacing_m))
        throw ConfigError(fmt::format("--candidate-spacing must be more than 0 metres (got {})", spacing_m));
    const double i0 = std::ceil(extent.min_x / spacing_m), i1 = std::floor(extent.max_x / spacing_m);
    const double j0 = std::ceil(extent.min_y / spacing_m), j1 = std::floor(extent.max_y / spacing_m);
    const double n = std::max(0.0, i1 - i0 + 1) * std::max(0.0, j1 - j0 + 1);
    if (n > static_cast<double>(k_max_lattice_sites))
        throw ConfigError(fmt::format("a {} m lattice over {:.0f} x {:.0f} m would test {:.0f} positions, more than {}; use a wider "
                                      "--candidate-spacing or a smaller --candidate-area",
                                      spacing_m, extent.width(), extent.height(), n, k_max_lattice_sites));
    io::CandidateSites out;
    for (double j = j0; j <= j1; ++j) {
        for (double i = i0; i <= i1; ++i) {
            const double x = i * spacing_m, y = j * spacing_m;
            if (!inside(x, y)) continue;
            out.id.push_back(fmt::format("L{}", out.id.size() + 1));
            out.x.push_back(x);
            out.y.push_back(y);
            out.heading_deg.emplace_back();
            out.cost.emplace_back();
            out.where.push_back(fmt::format("lattice point ({}, {})", x, y));
        }
    }
    return out;
}

SitingOutcome run_siting(const PointRequest& request, const io::PointSet& points, const SitingRequest& siting, const geo::GeosContext& geos) {
    check_request(siting);
    SitingOutcome out;
    out.demand_points = points.size();
    const CandidateRequest& cr = siting.candidates;
    if (!cr.file.empty()) {
        io::CandidateFileOptions options = cr.file_options;
        options.working_crs = points.crs.empty() ? "none" : points.crs;
        out.candidates = io::load_candidate_sites(cr.file, options, geos);
        out.candidates_source = cr.file;
    } else {
        out.candidates = lattice_candidates(request, points, cr, geos, out.candidates_source);
    }
    if (!out.candidates.lines.empty() && siting.coverage.kind != analysis::SiteKind::lighting)
        throw ConfigError(fmt::format("{}: line candidates are streets to light; use --coverage lighting", cr.file));

    std::vector<geo::GeomPtr> obstacle_geoms;
    std::unique_ptr<analysis::SightObstacles> obstacles;
    if (!siting.obstacles.empty()) {
        obstacle_geoms = io::load_obstacle_polygons(siting.obstacles, points.crs.empty() ? "none" : points.crs, geos);
        std::vector<const GEOSGeometry*> raw;
        for (const auto& g : obstacle_geoms) raw.push_back(g.get());
        obstacles = std::make_unique<analysis::SightObstacles>(geos, raw);
        out.obstacle_polygons = obstacle_geoms.size();
    }

    const analysis::SiteCoverage coverage = candidate_coverage(points, out.candidates, siting.coverage, obstacles.get(), geos);
    analysis::SitingDemand demand;
    demand.weight = points.weight;
    out.whole_weights = std::all_of(points.weight.begin(), points.weight.end(), [](double w) { return w == std::floor(w); });
    if (request.project.empty()) {
        out.existing = "none (incident files, no project cameras)";
    } else if (!siting.use_existing) {
        out.existing = "not counted (--no-existing)";
    } else if (siting.coverage.kind == analysis::SiteKind::lighting) {
        out.existing = "not counted (cameras do not light streets)";
    } else {
        const std::vector<io::ExistingCamera> cameras = io::load_project_cctv(request.project);
        std::size_t with_sector = 0;
        demand.covered_by_existing = existing_cover(cameras, points, siting.coverage, obstacles.get(), with_sector);
        out.existing_cameras = cameras.size();
        out.existing = fmt::format("{} cameras in the project's cctv_sites ({} with a view sector)", cameras.size(), with_sector);
    }

    analysis::MclpOptions options;
    options.max_sites = siting.max_sites;
    options.budget = siting.budget;
    options.time_limit_s = siting.time_limit_s;
    if (siting.budget) options.cost = budget_costs(out.candidates, cr);
    out.result = analysis::solve_mclp(coverage, demand, options, siting.solver);

    for (std::size_t k = 0; k < out.result.sites.size(); ++k) {
        const analysis::ChosenSite& s = out.result.sites[k];
        const std::size_t j = s.candidate;
        out.sites.push_back({static_cast<int>(k + 1), out.candidates.id[j], out.candidates.x[j], out.candidates.y[j], s.heading_deg,
                             out.candidates.cost[j], s.marginal, s.cumulative, s.cumulative_percent, j});
    }
    out.parameters = describe_parameters(siting, out);
    out.totals = describe_totals(out, siting.budget.has_value());
    return out;
}

namespace {

std::string optional_text(const std::optional<double>& v) { return v ? fmt::format("{}", *v) : std::string(); }

std::vector<std::string> write_csv(const std::string& path, const SitingOutcome& out, const ResultMetadata& metadata) {
    ReplacementFile file(path, "CSV");
    std::FILE* f = file.stream();
    fmt::print(f, "rank,candidate_id,x,y,heading_deg,marginal_demand,cumulative_demand,cumulative_percent,cost\n");
    for (const auto& s : out.sites) {
        std::string id;
        io::append_csv_field(id, s.candidate_id);
        fmt::print(f, "{},{},{},{},{},{},{},{},{}\n", s.rank, id, s.x, s.y, optional_text(s.heading_deg), s.marginal, s.cumulative,
                   s.cumulative_percent, optional_text(s.cost));
    }
    io::write_metadata_json(path + ".json", metadata);
    file.commit();
    return {path, path + ".json"};
}

std::vector<std::string> write_gpkg(const std::string& path, const std::string& layer_name, const SitingOutcome& out,
                                    const std::string& crs, const ResultMetadata& metadata, const geo::GeosContext& geos) {
    io::gdal_init();
    const bool lines = !out.candidates.lines.empty();
    io::GpkgOutput gpkg(path);
    OGRLayer& layer = io::create_result_layer(gpkg.dataset(), path, layer_name, crs, lines ? wkbMultiLineString : wkbPoint, metadata);
    const std::pair<const char*, OGRFieldType> fields[] = {{"rank", OFTInteger},           {"candidate_id", OFTString},
                                                           {"heading_deg", OFTReal},       {"marginal_demand", OFTReal},
                                                           {"cumulative_demand", OFTReal}, {"cumulative_percent", OFTReal},
                                                           {"cost", OFTReal}};
    for (const auto& [name, type] : fields) {
        OGRFieldDefn fd(name, type);
        if (layer.CreateField(&fd) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot add field '{}' to layer '{}' ({})", path, name, layer_name, io::gdal_last_error()));
    }
    for (const auto& s : out.sites) {
        OGRFeature f(layer.GetLayerDefn());
        f.SetField("rank", s.rank);
        f.SetField("candidate_id", s.candidate_id.c_str());
        if (s.heading_deg) f.SetField("heading_deg", *s.heading_deg);
        else f.SetFieldNull(f.GetFieldIndex("heading_deg"));
        f.SetField("marginal_demand", s.marginal);
        f.SetField("cumulative_demand", s.cumulative);
        f.SetField("cumulative_percent", s.cumulative_percent);
        if (s.cost) f.SetField("cost", *s.cost);
        else f.SetFieldNull(f.GetFieldIndex("cost"));
        if (lines) f.SetGeometryDirectly(OGRGeometryFactory::forceToMultiLineString(io::to_ogr(geos, out.candidates.lines[s.candidate].get()).release()));
        else f.SetGeometryDirectly(new OGRPoint(s.x, s.y));
        if (layer.CreateFeature(&f) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot write site {} ({})", path, s.rank, io::gdal_last_error()));
    }
    gpkg.commit();
    return {path + " (layer " + layer_name + ")"};
}

} // namespace

std::vector<std::string> write_proposed_sites(const std::string& path, const std::string& layer_name, const SitingOutcome& outcome,
                                              const std::string& crs, const ResultMetadata& metadata, const geo::GeosContext& geos) {
    const std::string ext = lower_extension(path);
    if (ext == ".csv") return write_csv(path, outcome, metadata);
    if (is_layer_output(path)) return write_gpkg(path, layer_name, outcome, crs, metadata, geos);
    throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv, or .gpkg or PG:... for layers)", path, ext));
}

CameraCover project_camera_cover(const std::string& project, const io::PointSet& points, double default_range_m) {
    CameraCover out;
    const auto cameras = io::load_project_cctv(project);
    out.cameras = cameras.size();
    out.incidents = points.size();
    if (cameras.empty() || points.size() == 0) return out;
    analysis::CoverageOptions run;
    run.kind = analysis::SiteKind::ptz;
    run.range_m = default_range_m;
    const auto covered = existing_cover(cameras, points, run, nullptr, out.with_sector);
    for (auto c : covered) out.covered += c != 0;
    return out;
}

} // namespace safermap::jobs
