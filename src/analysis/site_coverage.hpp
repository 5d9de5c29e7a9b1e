// SPDX-License-Identifier: MIT
#pragma once
// Which demand points (incidents) each candidate site for a camera or a light would cover:
// the coverage sets a_ij of the maximal covering location problem (Church & ReVelle 1974,
// "The maximal covering location problem", Papers of the Regional Science Association 32).
// The optimisers are in analysis/mclp*.hpp.
//
// Headings and bearings are degrees clockwise from grid north of the working CRS: 0 = north
// (+y), 90 = east (+x), 180 = south, 270 = west. In EPSG:27700 grid north differs from true
// north by up to about 4 degrees at the edges of Great Britain.

#include "geo/geos_context.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace safermap::analysis {

class SightObstacles;

enum class SiteKind {
    ptz,      // pan-tilt-zoom or redeployable camera: sees all round, out to range_m
    fixed,    // fixed camera: sees out to range_m within fov_deg about one heading
    lighting, // a lamp or a lighting scheme: lights all round a point, or along a street
};

// "ptz", "fixed" or "lighting"; throws ConfigError ("siting: unknown site kind 'dome' ...").
SiteKind parse_site_kind(std::string_view text);

struct CoverageOptions {
    SiteKind kind = SiteKind::ptz;
    double range_m = 0;    // required: how far a camera sees or a light reaches, > 0
    double fov_deg = 90;   // fixed cameras: field of view, in (0, 360]
    int headings = 8;      // fixed cameras: headings tried at each candidate, 0, 360/n, 2*360/n... degrees, >= 1
    void validate() const; // throws ConfigError ("siting: range_m must be > 0 (got 0)")
};

// Coverage sets in compressed rows. An *option* is one way to use a candidate: the candidate
// itself, or for fixed cameras the candidate pointed at one heading. Options are numbered
// candidate by candidate, headings in increasing order, so option_site never decreases.
// At most one option per candidate may be chosen (the optimisers enforce it).
struct SiteCoverage {
    std::size_t candidates = 0;      // candidate sites
    std::size_t demand_points = 0;   // demand points the indices below refer to
    std::vector<std::uint32_t> option_site;                // candidate of each option
    std::vector<std::optional<double>> option_heading_deg; // heading of each option, fixed cameras only
    std::vector<std::size_t> start = {0};                  // option o covers points[start[o] .. start[o+1])
    std::vector<std::uint32_t> points;                     // each once per option, in no set (but deterministic) order

    std::size_t options() const { return option_site.size(); }
    std::span<const std::uint32_t> covered(std::size_t option) const {
        return {points.data() + start[option], start[option + 1] - start[option]};
    }
};

// Coverage of point candidates (cameras, lamps) at (site_x, site_y) over the demand points
// (demand_x, demand_y); all coordinates in the working CRS, in metres. A site covers a point
// when its distance is <= range_m (compared squared, inclusive) and, for fixed cameras, the
// point's bearing lies within heading +- fov_deg / 2 (inclusive, to 1e-9 degrees against
// rounding in atan2). A point at the site itself is covered by every heading. With
// `obstacles`, a point is not covered when the sight line from the site crosses the interior
// of an obstacle (SightObstacles::blocks has the rule for boundaries); this applies to every
// kind, lamps included (buildings cast shadows). Each candidate gives `headings` options for
// fixed cameras, one per heading, else one option with no heading.
// Demand is indexed with a bucket grid of side range_m over its distinct positions (police.uk
// snap points put many incidents on one spot), so the cost is about the size of the output.
// Throws ConfigError for invalid options, coordinate arrays of unequal length or non-finite
// coordinates. No candidates or no demand give a well-formed coverage with empty lists.
SiteCoverage point_site_coverage(const std::vector<double>& demand_x, const std::vector<double>& demand_y,
                                 const std::vector<double>& site_x, const std::vector<double>& site_y,
                                 const CoverageOptions& options, const SightObstacles* obstacles = nullptr);

// Coverage of street segments lit as a whole (lighting schemes): candidate j covers a point
// when the GEOS distance from the point to lines[j] (LineString or MultiLineString, working
// CRS) is <= range_m, i.e. the point lies in the round-capped buffer of range_m (inclusive;
// no buffer polygon is built, so no arc is approximated). With `obstacles`, the sight line is
// from the point of the street nearest the demand point: conservative, as another point of
// the street might light it. Lines are borrowed. Only for SiteKind::lighting; throws
// ConfigError for another kind, a null or non-linear geometry, or as point_site_coverage.
SiteCoverage line_site_coverage(const geo::GeosContext& ctx, const std::vector<double>& demand_x,
                                const std::vector<double>& demand_y, const std::vector<const GEOSGeometry*>& lines,
                                const CoverageOptions& options, const SightObstacles* obstacles = nullptr);

// A camera or light already in place.
struct ExistingSite {
    double x = 0;
    double y = 0;
    std::optional<double> heading_deg; // fixed cameras: where it points (any finite angle, mod 360); none = all round
};

// One flag per demand point: 1 when some existing site covers it, by the rules of
// point_site_coverage (options.headings is not used: a fixed camera with a heading covers the
// sector heading +- fov_deg / 2, one without a heading, and any ptz camera or lamp, all round).
// Feed it to SitingDemand::covered_by_existing. Throws as point_site_coverage.
std::vector<std::uint8_t> existing_coverage(const std::vector<double>& demand_x, const std::vector<double>& demand_y,
                                            const std::vector<ExistingSite>& sites, const CoverageOptions& options,
                                            const SightObstacles* obstacles = nullptr);

} // namespace safermap::analysis
