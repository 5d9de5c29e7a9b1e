// SPDX-License-Identifier: MIT
#include "scene/planning.hpp"

#include "analysis/site_coverage.hpp"
#include "jobs/intervention_areas.hpp"
#include "jobs/siting_job.hpp"
#include "render/tessellate.hpp"
#include "scene/scene_analysis.hpp"


namespace safermap::scene {

namespace {

// Ors into `covered` what `sites` (one view: range, field of view) cover of the points.
void cover(const std::vector<double>& x, const std::vector<double>& y, const std::vector<analysis::ExistingSite>& sites, double range_m,
           double fov_deg, bool sector, std::vector<std::uint8_t>& covered) {
    if (sites.empty() || x.empty() || !(range_m > 0)) return;
    analysis::CoverageOptions o;
    o.kind = sector ? analysis::SiteKind::fixed : analysis::SiteKind::ptz;
    o.range_m = range_m;
    o.fov_deg = sector ? fov_deg : 360;
    o.headings = 1;
    const auto flags = analysis::existing_coverage(x, y, sites, o);
    for (std::size_t i = 0; i < flags.size(); ++i) covered[i] |= flags[i];
}

} // namespace

SiteCoverTotals proposed_cover(const MapScene& scene, const IncidentFilter& filter) {
    SiteCoverTotals t;
    const io::PointSet points = filtered_points(scene.incidents, filter, scene.crs);
    t.incidents = points.size();
    // Existing cameras exactly as `safermap site` counts them; what a camera does not record
    // comes from the proposed layer's run (its range and field of view), else site's defaults.
    analysis::CoverageOptions run;
    run.kind = analysis::SiteKind::ptz;
    run.range_m = scene.proposed_range_m > 0 ? scene.proposed_range_m : 100;
    run.fov_deg = scene.proposed_fov_deg > 0 && scene.proposed_fov_deg < 360 ? scene.proposed_fov_deg : 90;
    std::size_t with_sector = 0;
    std::vector<std::uint8_t> covered = scene.camera_records.empty() || points.size() == 0
                                            ? std::vector<std::uint8_t>(points.size(), 0)
                                            : jobs::existing_cover(scene.camera_records, points, run, nullptr, with_sector);
    for (auto c : covered) t.by_existing += c;
    std::size_t total = t.by_existing;
    for (const auto& p : scene.proposed) {
        const bool sector = p.heading_deg && scene.proposed_fov_deg < 360;
        cover(points.x, points.y, {{p.xy.x, p.xy.y, sector ? p.heading_deg : std::nullopt}}, scene.proposed_range_m, scene.proposed_fov_deg,
              sector, covered);
        std::size_t now = 0;
        for (auto c : covered) now += c;
        t.added.push_back(now - total);
        total = now;
    }
    t.with_proposed = total;
    return t;
}

SelectedIntervention evaluate_selected(const MapScene& scene, const geo::GeosContext& geos, std::size_t index,
                                       const jobs::EvaluationRequest& request, const std::vector<std::string>& categories) {
    SelectedIntervention s;
    s.index = index;
    const Intervention& iv = scene.interventions.at(index);
    jobs::PointRequest points;
    points.project = scene.project;
    points.filter.categories = categories;
    jobs::EvaluationRequest r = request;
    r.interventions = {iv.id};
    r.all = false;
    const jobs::EvaluationOutcome out = jobs::evaluate_interventions(points, r, geos);
    s.evaluation = out.evaluations.at(0);
    // The same areas the evaluation counted in, for drawing.
    const jobs::EvaluationArea treatment = jobs::treatment_area(iv.id, iv.geometry.get(), r.radius_m, geos);
    const jobs::EvaluationArea ring = jobs::buffer_ring(treatment.geometry.get(), r.buffer_m, geos);
    s.treatment = render::polygon_rings(geos, treatment.geometry.get());
    s.ring = render::polygon_rings(geos, ring.geometry.get());
    if (!s.evaluation.control_name.empty()) {
        const jobs::EvaluationArea control = jobs::named_boundary(scene.project, s.evaluation.control_name, r.control.kind, geos);
        s.control = render::polygon_rings(geos, control.geometry.get());
    }
    return s;
}

jobs::KnoxOutcome knox_of(const MapScene& scene, const IncidentFilter& filter, const jobs::KnoxRequest& request) {
    jobs::KnoxRequest r = request;
    r.time_unit = "month";
    return jobs::run_knox(filtered_points(scene.incidents, filter, scene.crs), r);
}

} // namespace safermap::scene
