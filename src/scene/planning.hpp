// SPDX-License-Identifier: MIT
#pragma once
// The viewer's planning tools (issue #11), GL-free: how much of the filtered demand the existing
// cameras and the proposed sites cover (recounted live while a planner drags a proposed site),
// a selected intervention's areas and evaluation, and the Knox table of the filtered incidents,
// each through the same analysis and jobs as the CLI's site, evaluate and knox.

#include "jobs/intervention_evaluation.hpp"
#include "jobs/knox_job.hpp"
#include "render/canvas.hpp"
#include "scene/map_scene.hpp"

#include <cstddef>
#include <optional>
#include <vector>

namespace safermap::scene {

struct SiteCoverTotals {
    std::size_t incidents = 0;     // passing the filter
    std::size_t by_existing = 0;   // covered by the project's cameras (each its own range and sector)
    std::size_t with_proposed = 0; // covered by the cameras or any proposed site
    std::vector<std::size_t> added; // per proposed site, in rank order: incidents it adds to those above it
};
// Counts as `safermap site` does: a camera with a heading and a field of view under 360 covers its
// sector, others all round, out to its range; proposed sites use the layer's range and field of
// view (all round without a heading). Distances inclusive.
SiteCoverTotals proposed_cover(const MapScene& scene, const IncidentFilter& filter);

// A selected intervention, evaluated as `safermap evaluate --intervention ID` with `request`'s
// windows, ring and radius, and its three areas as rings in the working CRS for drawing.
struct SelectedIntervention {
    std::size_t index = 0;                  // into scene.interventions
    jobs::Evaluation evaluation;
    std::vector<render::Ring> treatment, ring, control;
};
// Throws ConfigError as evaluate_interventions does (e.g. a window outside the data).
SelectedIntervention evaluate_selected(const MapScene& scene, const geo::GeosContext& geos, std::size_t index,
                                       const jobs::EvaluationRequest& request, const std::vector<std::string>& categories);

// The Knox table of the incidents passing `filter` (months: the viewer holds no days).
jobs::KnoxOutcome knox_of(const MapScene& scene, const IncidentFilter& filter, const jobs::KnoxRequest& request);

} // namespace safermap::scene
