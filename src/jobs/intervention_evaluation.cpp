// SPDX-License-Identifier: MIT
#include "jobs/intervention_evaluation.hpp"

#include "core/dates.hpp"
#include "core/error.hpp"
#include "core/name_match.hpp"
#include "io/features/polygon_loader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_store.hpp"
#include "jobs/intervention_areas.hpp"
#include "jobs/month_span.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <limits>

namespace safermap::jobs {

namespace {

// A geometry prepared for many point-in-area tests, boundary included.
class Prepared {
public:
    Prepared(const geo::GeosContext& geos, const GEOSGeometry* g) : m_geos(geos), m_prepared(GEOSPrepare_r(geos.handle(), g)) {}
    ~Prepared() { GEOSPreparedGeom_destroy_r(m_geos.handle(), m_prepared); }
    Prepared(const Prepared&) = delete;
    Prepared& operator=(const Prepared&) = delete;
    bool intersects(const GEOSGeometry* other) const { return GEOSPreparedIntersects_r(m_geos.handle(), m_prepared, other) == 1; }

private:
    const geo::GeosContext& m_geos;
    const GEOSPreparedGeometry* m_prepared;
};

// The scheme to evaluate, before its control is chosen.
struct Treatment {
    std::string id, type, description;
    bool illustrative = false;
    EvaluationArea area;
    std::int32_t start = 0;
    std::string start_source;
};

// The incidents of one evaluation's windows, with a GEOS point each.
struct WindowPoints {
    std::vector<std::size_t> index;   // into the PointSet
    std::vector<bool> before;         // else after
    std::vector<geo::GeomPtr> point;
};

WindowPoints window_points(const io::PointSet& points, const Evaluation& e, const geo::GeosContext& geos) {
    WindowPoints w;
    for (std::size_t k = 0; k < points.size(); ++k) {
        const std::int32_t m = points.month[k];
        const bool before = m >= e.before_from && m <= e.before_to, after = m >= e.after_from && m <= e.after_to;
        if (!before && !after) continue;
        w.index.push_back(k);
        w.before.push_back(before);
        w.point.push_back(geo::make_geom(geos, GEOSGeom_createPointFromXY_r(geos.handle(), points.x[k], points.y[k])));
    }
    return w;
}

std::int32_t start_month_of(const std::string& install_date, const std::string& id, const std::string& given, std::string& source) {
    if (!given.empty()) {
        source = install_date.empty() ? "given with --start" : fmt::format("given with --start; install_date {}", install_date);
        return io::month_index(given, "--start");
    }
    auto date = parse_date(install_date);
    if (!date)
        throw ConfigError(install_date.empty()
                              ? fmt::format("intervention {} has no install_date; give --start YYYY-MM", id)
                              : fmt::format("intervention {}: install_date '{}' is not a date; give --start YYYY-MM", id, install_date));
    source = "install_date " + install_date;
    return io::month_index(date->month, "install_date");
}

std::vector<Treatment> treatments(const PointRequest& points, const EvaluationRequest& r, const std::string& crs,
                                  const geo::GeosContext& geos) {
    std::vector<Treatment> out;
    if (!r.treatment_file.empty()) {
        if (r.start_month.empty()) throw ConfigError("a treatment area from a file needs --start YYYY-MM, the month the scheme began");
        Treatment t;
        t.id = std::filesystem::path(r.treatment_file).filename().string();
        geo::GeomPtr g = read_area_file(r.treatment_file, crs, geos);
        t.area = treatment_area(t.id, g.get(), r.radius_m, geos);
        if (is_polygonal(geos, g.get())) t.area.how = "the polygons of " + r.treatment_file;
        t.start = start_month_of("", t.id, r.start_month, t.start_source);
        out.push_back(std::move(t));
        return out;
    }
    std::vector<InterventionSite> sites = read_interventions(points.project, geos);
    std::vector<std::string> ids;
    for (const auto& s : sites) ids.push_back(s.id);
    if (sites.empty()) throw ConfigError(fmt::format("{} has no interventions; import them with --interventions FILE", points.project));
    std::vector<const InterventionSite*> chosen;
    if (r.all) {
        for (const auto& s : sites) chosen.push_back(&s);
    } else {
        for (const auto& wanted : r.interventions) {
            auto id = find_name(wanted, ids);
            if (!id) throw ConfigError(no_such_name_message("intervention", wanted, points.project, ids));
            chosen.push_back(&sites[static_cast<std::size_t>(std::find(ids.begin(), ids.end(), *id) - ids.begin())]);
        }
    }
    for (const InterventionSite* s : chosen) {
        Treatment t;
        t.id = s->id;
        t.type = s->type;
        t.description = s->description;
        t.illustrative = s->illustrative;
        t.area = treatment_area(s->id, s->geometry.get(), r.radius_m, geos);
        t.start = start_month_of(s->install_date, s->id, r.start_month, t.start_source);
        out.push_back(std::move(t));
    }
    return out;
}

// Says when a window reaches outside the months the incidents cover: zeros there are missing
// data, not an absence of crime. False when the window has no data at all.
bool covered(std::vector<std::string>& warnings, const char* which, std::int32_t from, std::int32_t to,
             std::optional<std::int32_t> first_month, std::optional<std::int32_t> last_month) {
    const std::string window = period_label(io::month_text(from), io::month_text(to));
    if (!first_month) {
        warnings.push_back(fmt::format("no incident has a month, so the {} window ({}) cannot be counted", which, window));
        return false;
    }
    const std::int32_t first = *first_month, last = *last_month;
    const std::string data = period_label(io::month_text(first), io::month_text(last));
    const std::int32_t months = std::max(0, std::min(to, last) - std::max(from, first) + 1);
    if (months == 0) {
        warnings.push_back(fmt::format("no incident data for the {} window ({}): the incidents cover {}, so nothing is counted or "
                                       "measured (zeros would be missing data, not an absence of crime)",
                                       which, window, data));
        return false;
    }
    if (months < to - from + 1)
        warnings.push_back(fmt::format("the {} window ({}) is only partly covered by the incidents ({}): {} of its {} months have no data",
                                       which, window, data, to - from + 1 - months, to - from + 1));
    return true;
}

// The months the incidents cover: a project's whole range (a crime type absent in its last month
// still has data for it), else the loaded points'.
void data_months(const PointRequest& request, const io::PointSet& points, EvaluationOutcome& out) {
    auto include = [&](std::int32_t m) {
        out.first_month = std::min(out.first_month.value_or(m), m);
        out.last_month = std::max(out.last_month.value_or(m), m);
    };
    if (request.project.empty()) {
        if (const MonthSpan s = months_present(points); s.to >= 0) include(s.from), include(s.to);
        return;
    }
    io::ProjectStore store = io::ProjectStore::open(request.project, false);
    if (const auto range = io::incident_month_range(store))
        include(io::month_index(range->first, "month")), include(io::month_index(range->second, "month"));
}

// The project's boundaries of one kind, prepared, for the automatic control.
struct Candidates {
    io::PolygonSet polygons;
    std::vector<std::unique_ptr<Prepared>> prepared;
    std::string kind;
};

// Chooses the automatic control for `e` (its treatment before count already known).
std::size_t choose_control(const Candidates& c, const Prepared& treatment, const Prepared& ring, const io::PointSet& points,
                           const WindowPoints& w, double treatment_before, Evaluation& e) {
    std::size_t best = c.prepared.size(), eligible = 0;
    double best_gap = std::numeric_limits<double>::infinity(), best_count = 0;
    for (std::size_t i = 0; i < c.prepared.size(); ++i) {
        const GEOSGeometry* polygon = c.polygons.index->polygon(i);
        if (treatment.intersects(polygon) || ring.intersects(polygon)) continue;
        ++eligible;
        double count = 0;
        for (std::size_t k = 0; k < w.index.size(); ++k)
            if (w.before[k] && c.prepared[i]->intersects(w.point[k].get())) count += points.weight[w.index[k]];
        const double gap = std::abs(count - treatment_before);
        if (gap < best_gap) best = i, best_gap = gap, best_count = count;
    }
    if (best == c.prepared.size())
        throw ConfigError(fmt::format("intervention {}: every one of the project's {} {} boundaries touches the treatment area or "
                                      "its buffer, so none can be the control; give --control FILE or --control-area NAME",
                                      e.id, c.prepared.size(), c.kind));
    e.control_name = c.polygons.name[best];
    e.control_how = fmt::format("chosen automatically: of the {} {} boundaries touching neither the treatment area nor the "
                                "buffer, the one whose before count ({:g}) is closest to the treatment area's ({:g})",
                                eligible, c.kind, best_count, treatment_before);
    return best;
}

// What every evaluation of one request shares.
struct Inputs {
    const io::PointSet& points;
    const EvaluationRequest& request;
    const geo::GeosContext& geos;
    const std::optional<EvaluationArea>& fixed_control;
    const std::optional<Candidates>& candidates;
    bool weighted;
    std::optional<std::int32_t> first_month, last_month;
};

// The control area of `e`: automatic (chosen now), or the fixed one less any overlap with the
// treatment area and buffer, which keep their incidents.
geo::GeomPtr control_for(Evaluation& e, const EvaluationArea& treatment, const EvaluationArea& ring, const Prepared& in_treatment,
                         const Prepared& in_ring, const WindowPoints& w, double treatment_before, const Inputs& in,
                         std::vector<std::string>& warnings) {
    const geo::GeosContext& geos = in.geos;
    if (in.candidates) {
        const std::size_t i = choose_control(*in.candidates, in_treatment, in_ring, in.points, w, treatment_before, e);
        return geo::make_geom(geos, GEOSGeom_clone_r(geos.handle(), in.candidates->polygons.index->polygon(i)));
    }
    const EvaluationArea& fixed = *in.fixed_control;
    e.control_name = fixed.name;
    e.control_how = fixed.how;
    geo::GeomPtr outer = geo::make_geom(geos, GEOSUnion_r(geos.handle(), treatment.geometry.get(), ring.geometry.get()));
    geo::GeomPtr control = geo::make_geom(geos, GEOSDifference_r(geos.handle(), fixed.geometry.get(), outer.get()));
    if (!control || GEOSisEmpty_r(geos.handle(), control.get()) == 1)
        throw ConfigError(fmt::format("intervention {}: the control area {} lies wholly inside the treatment area and buffer", e.id, e.control_name));
    const double lost = fixed.area_km2 - area_km2(geos, control.get());
    if (lost > 1e-9 * std::max(1.0, fixed.area_km2))
        warnings.push_back(fmt::format("the control area {} overlaps the treatment area or buffer: the overlap ({:.3f} km²) is left "
                                       "out of the control, and a control this close may share the scheme's effect",
                                       e.control_name, lost));
    return control;
}

Evaluation evaluate_one(const Treatment& t, const Inputs& in) {
    const EvaluationRequest& r = in.request;
    const geo::GeosContext& geos = in.geos;
    const io::PointSet& points = in.points;
    Evaluation e;
    e.id = t.id;
    e.type = t.type;
    e.description = t.description;
    e.illustrative = t.illustrative;
    e.treatment_how = t.area.how;
    e.treatment_km2 = t.area.area_km2;
    e.start_month = t.start;
    e.start_source = t.start_source;
    e.before_from = t.start - r.before_months;
    e.before_to = t.start - 1;
    e.after_from = t.start + 1;
    e.after_to = t.start + r.after_months;
    const EvaluationArea ring = buffer_ring(t.area.geometry.get(), r.buffer_m, geos);
    e.buffer_how = ring.how;
    e.buffer_km2 = ring.area_km2;
    analysis::InterventionCounts& c = e.counts;
    c.before_months = r.before_months;
    c.after_months = r.after_months;
    c.harm_weighted = in.weighted;

    std::vector<std::string> warnings;
    const bool before_covered = covered(warnings, "before", e.before_from, e.before_to, in.first_month, in.last_month);
    const bool after_covered = covered(warnings, "after", e.after_from, e.after_to, in.first_month, in.last_month);
    e.counted = before_covered && after_covered;
    if (!e.counted) {
        e.control_name = in.fixed_control ? in.fixed_control->name : "";
        e.control_how = in.fixed_control ? in.fixed_control->how : "not chosen: a window has no data";
        e.effect.warnings = std::move(warnings);
        return e;
    }

    // Treatment and buffer first: an incident counts in the first area that holds it.
    const Prepared in_treatment(geos, t.area.geometry.get()), in_ring(geos, ring.geometry.get());
    const WindowPoints w = window_points(points, e, geos);
    std::vector<int> area_of(w.index.size(), -1); // 0 treatment, 1 buffer, -1 neither
    double treatment_before = 0;
    for (std::size_t k = 0; k < w.index.size(); ++k) {
        if (in_treatment.intersects(w.point[k].get())) area_of[k] = 0;
        else if (in_ring.intersects(w.point[k].get())) area_of[k] = 1;
        if (area_of[k] == 0 && w.before[k]) treatment_before += points.weight[w.index[k]];
    }
    const geo::GeomPtr control = control_for(e, t.area, ring, in_treatment, in_ring, w, treatment_before, in, warnings);
    e.control_km2 = area_km2(geos, control.get());
    const Prepared in_control(geos, control.get());
    for (std::size_t k = 0; k < w.index.size(); ++k) {
        const double weight = points.weight[w.index[k]];
        const bool before = w.before[k];
        if (area_of[k] == 0) (before ? c.treatment_before : c.treatment_after) += weight;
        else if (area_of[k] == 1) (before ? c.buffer_before : c.buffer_after) += weight;
        else if (in_control.intersects(w.point[k].get())) (before ? c.control_before : c.control_after) += weight;
    }
    e.effect = analysis::evaluate_intervention(c);
    e.effect.warnings.insert(e.effect.warnings.begin(), warnings.begin(), warnings.end());
    return e;
}

void check(const PointRequest& request, const EvaluationRequest& r) {
    const bool project = !request.project.empty();
    const int treatment_sources = !r.interventions.empty() + r.all + !r.treatment_file.empty();
    if (treatment_sources != 1) throw ConfigError("name what to evaluate: --intervention ID..., --all, or a treatment area file (--area FILE with --points)");
    if ((!r.interventions.empty() || r.all) && !project) throw ConfigError("--intervention and --all evaluate a project's interventions: give the project");
    const ControlRequest& control = r.control;
    if (!control.file.empty() + !control.area.empty() + control.automatic != 1)
        throw ConfigError("give one control: --control FILE, --control-area NAME or --control auto");
    if (!project && (control.automatic || !control.area.empty()))
        throw ConfigError("--control auto and --control-area choose among a project's boundaries; with --points give --control FILE");
    if (r.before_months < 1 || r.after_months < 1)
        throw ConfigError(fmt::format("--before and --after must be whole months >= 1 (got {} and {})", r.before_months, r.after_months));
    if (!(r.buffer_m > 0)) throw ConfigError(fmt::format("--buffer must be more than 0 metres (got {})", r.buffer_m));
    if (r.radius_m < 0) throw ConfigError(fmt::format("--radius must be 0 or more metres (got {})", r.radius_m));
    if (!request.filter.from_month.empty() || !request.filter.to_month.empty())
        throw ConfigError("evaluate takes its months from each start month and --before/--after; --from and --to do not apply");
}

} // namespace

EvaluationOutcome evaluate_interventions(const PointRequest& request, const EvaluationRequest& r, const geo::GeosContext& geos) {
    check(request, r);
    const ControlRequest& control = r.control;
    // The treatments first: an unknown id or a point without --radius is refused before any loading.
    const std::string crs = request.project.empty() ? request.crs : io::ProjectStore::open(request.project, false).working_crs();
    const std::vector<Treatment> schemes = treatments(request, r, crs, geos);
    EvaluationOutcome out;
    const io::PointSet points = load_points(request);
    out.crs = points.crs;
    out.points_report = points.report;
    data_months(request, points, out);
    const bool weighted = !request.harm_table.empty() || !request.columns.weight.empty();

    std::optional<EvaluationArea> fixed_control;
    if (!control.file.empty()) {
        EvaluationArea a;
        a.name = std::filesystem::path(control.file).filename().string();
        a.geometry = read_area_file(control.file, points.crs, geos);
        if (!is_polygonal(geos, a.geometry.get())) throw ConfigError(fmt::format("--control {}: the control area must be polygons", control.file));
        a.how = "the polygons of " + control.file;
        a.area_km2 = area_km2(geos, a.geometry.get());
        fixed_control = std::move(a);
    } else if (!control.area.empty()) {
        fixed_control = named_boundary(request.project, control.area, control.kind, geos);
        fixed_control->how = control.kind.empty() ? "the project's boundary of that name" : fmt::format("the project's {} boundary", control.kind);
    }
    std::optional<Candidates> candidates;
    if (control.automatic) {
        candidates.emplace();
        candidates->kind = control.kind.empty() ? "ward" : control.kind;
        candidates->polygons = io::load_project_polygons(request.project, candidates->kind, geos);
        for (std::size_t i = 0; i < candidates->polygons.index->size(); ++i)
            candidates->prepared.push_back(std::make_unique<Prepared>(geos, candidates->polygons.index->polygon(i)));
    }

    const Inputs in{points, r, geos, fixed_control, candidates, weighted, out.first_month, out.last_month};
    for (const Treatment& t : schemes) out.evaluations.push_back(evaluate_one(t, in));

    ResultMetadata& p = out.parameters;
    p = ResultMetadata::object();
    p["before_months"] = r.before_months;
    p["after_months"] = r.after_months;
    p["buffer_m"] = r.buffer_m;
    if (r.radius_m > 0) p["radius_m"] = r.radius_m;
    p["control"] = control.automatic ? fmt::format("auto ({} boundaries)", candidates->kind)
                   : control.file.empty() ? control.area
                                          : control.file;
    if (out.first_month) p["data_months"] = period_label(io::month_text(*out.first_month), io::month_text(*out.last_month));
    p["counting"] = "each incident in the first of treatment, buffer and control that holds it, boundary included; the start "
                    "month in neither window";
    p["measures"] = "WDQ (Bowers & Johnson 2003), total net effect (Guerette 2009), odds ratio with 95% CI (Welsh & Farrington 2002)";
    return out;
}

} // namespace safermap::jobs
