// SPDX-License-Identifier: MIT
#include "scene/scene_filter.hpp"

#include "core/error.hpp"
#include "core/name_match.hpp"
#include "geo/study_area.hpp"
#include "io/incidents/point_loader.hpp"
#include "io/project/filter_resolution.hpp"
#include "io/project/project_store.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <memory>

namespace safermap::scene {

namespace {

std::string month_text(std::int32_t m) { return fmt::format("{:04d}-{:02d}", m / 12, m % 12 + 1); }

} // namespace

std::size_t count_passing(const IncidentLayer& layer, const IncidentFilter& filter) {
    std::size_t n = 0;
    for (std::size_t i = 0; i < layer.size(); ++i) n += filter.passes(layer, i);
    return n;
}

IncidentFilter resolve_scene_filter(const MapScene& scene, const SceneFilterFlags& flags) {
    const IncidentLayer& inc = scene.incidents;
    IncidentFilter f;
    f.from_month = flags.from.empty() ? inc.first_month : io::month_index(flags.from, "--from");
    f.to_month = flags.to.empty() ? inc.last_month : io::month_index(flags.to, "--to");
    if (f.from_month >= 0 && f.to_month >= 0 && f.from_month > f.to_month)
        throw ConfigError(fmt::format("--from {} is after --to {}", month_text(f.from_month), month_text(f.to_month)));
    if (inc.first_month >= 0 && (f.to_month < inc.first_month || f.from_month > inc.last_month))
        throw ConfigError(fmt::format("--from/--to: no incidents from {} to {}; {} has {} to {}", month_text(f.from_month),
                                      month_text(f.to_month), scene.project, month_text(inc.first_month), month_text(inc.last_month)));
    if (!flags.categories.empty()) {
        f.categories.assign(inc.categories.size(), false);
        for (const auto& wanted : flags.categories) {
            const auto name = find_name(wanted, inc.categories);
            if (!name) throw ConfigError("--category: " + no_such_name_message("crime type", wanted, scene.project, inc.categories));
            f.categories[static_cast<std::size_t>(std::find(inc.categories.begin(), inc.categories.end(), *name) - inc.categories.begin())] = true;
        }
    }
    if (!flags.area.empty()) {
        // A ward by its index (fast, and as the viewer filters); any other boundary or a place
        // through the project's --area rules, as a mask over the incidents.
        const AreaLayer* wards = scene.area("ward");
        std::optional<std::string> ward_name;
        if (wards) {
            std::vector<std::string> names = wards->names;
            names.insert(names.end(), wards->codes.begin(), wards->codes.end());
            ward_name = find_name(flags.area, names);
        }
        if (ward_name) {
            for (std::size_t i = 0; i < wards->names.size(); ++i)
                if (wards->names[i] == *ward_name || wards->codes[i] == *ward_name) f.ward = static_cast<std::int32_t>(i);
            f.area_label = wards->names[static_cast<std::size_t>(f.ward)] + " ward";
        } else {
            io::ProjectStore store = io::ProjectStore::open(scene.project, false);
            io::PointFilter pf;
            pf.area = flags.area;
            pf = io::resolve_project_filter(store, pf); // ConfigError listing boundaries and places
            geo::GeosContext geos;
            const auto area = io::load_filter_area(store, pf, geos);
            auto mask = std::make_shared<std::vector<std::uint8_t>>(inc.size(), 0);
            for (std::size_t i = 0; i < inc.size(); ++i) (*mask)[i] = area->contains(inc.x[i], inc.y[i]) ? 1 : 0;
            f.area_mask = std::move(mask);
            f.area_label = pf.area_note.empty() ? (pf.area_kind.empty() ? pf.area : fmt::format("{} ({})", pf.area, pf.area_kind)) : pf.area_note;
        }
    }
    if (count_passing(inc, f) == 0)
        throw ConfigError(fmt::format("no incidents pass these filters in {} ({} incidents in all, {} to {})", scene.project, inc.size(),
                                      inc.first_month >= 0 ? month_text(inc.first_month) : "?",
                                      inc.last_month >= 0 ? month_text(inc.last_month) : "?"));
    return f;
}

} // namespace safermap::scene
