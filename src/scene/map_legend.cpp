// SPDX-License-Identifier: MIT
#include "scene/map_legend.hpp"

#include "analysis/emerging_hotspots.hpp"
#include "jobs/disclosure.hpp"
#include "scene/scene_analysis.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <set>

namespace safermap::scene {

namespace {

using render::LegendEntry;
using K = LegendEntry::Kind;

void ward_count_entries(const MapShown& shown, std::vector<LegendEntry>& legend) {
    if (shown.ward_counts.empty()) return;
    const auto& breaks = shown.ward_breaks;
    const double n = static_cast<double>(breaks.size() + 1);
    const auto [lo, hi] = std::minmax_element(shown.ward_counts.begin(), shown.ward_counts.end());
    auto count = [&](double v) { return jobs::shown_count(static_cast<std::int64_t>(v), shown.public_audience); };
    for (std::size_t k = 0; k <= breaks.size(); ++k) {
        const double from = k == 0 ? static_cast<double>(*lo) : breaks[k - 1];
        const std::string label = k == breaks.size() ? fmt::format("{} to {} incidents", count(from), count(static_cast<double>(*hi)))
                                                     : fmt::format("{} to under {}", count(from), count(breaks[k]));
        legend.push_back({K::fill, label, render::sample_ramp(shown.ramp, (static_cast<double>(k) + 0.5) / n), ""});
    }
}

void incident_entries(const MapScene& scene, const MapShown& shown, std::vector<LegendEntry>& legend) {
    if (shown.points_by_month) {
        legend.push_back({K::point, "Incident (colour: month)", render::sample_ramp(render::Ramp::viridis, 0.5), ""});
        return;
    }
    std::size_t listed = 0, total = 0;
    for (std::size_t i = 0; i < scene.incidents.categories.size(); ++i) {
        if (!shown.categories.empty() && !shown.categories[i]) continue;
        ++total;
        if (listed < 8) {
            legend.push_back({K::point, scene.incidents.categories[i], render::category_colour(i), ""});
            ++listed;
        }
    }
    if (total > listed) legend.push_back({K::point, fmt::format("... and {} more types", total - listed), {150, 150, 150, 255}, ""});
}

} // namespace

bool MapShown::shows(const std::string& id) const {
    // Never, whatever was asked: points, and cluster outlines whose vertices are incident positions.
    if (public_audience && (id == "incidents" || id == "clusters")) return false;
    return std::find(layers.begin(), layers.end(), id) != layers.end();
}

render::MapFurniture describe_map(const MapScene& scene, const MapShown& shown) {
    render::MapFurniture f;
    f.ramp = shown.ramp;
    auto& legend = f.legend;
    if (shown.shows("priority") && scene.area("priority")) legend.push_back({K::outline, "Priority area", shown.priority_colour, ""});
    if (shown.shows("ward") && scene.area("ward")) legend.push_back({K::outline, "Ward boundary", shown.ward_colour, ""});
    if (shown.shows("ward_counts")) ward_count_entries(shown, legend);
    if (shown.raster == "density" && shown.shows("density") && shown.density_max > 0) {
        legend.push_back({K::ramp, shown.density_by_harm ? "Harm per km² (KDE, ONS CSS days)" : "Incidents per km² (KDE)", {}, ""});
        f.ramp_low = fmt::format("{:.0f}", shown.density_max * shown.density_low);
        f.ramp_high = fmt::format("{:.0f}", shown.density_max * shown.density_high);
    }
    if ((shown.raster == "hotspots" && shown.shows("hotspots")) || shown.shows("ward_hotspots"))
        legend.push_back({K::bins, "Gi* hot and cold spots (FDR)", {}, ""});
    if (shown.raster == "emerging" && shown.shows("emerging")) {
        const auto palette = emerging_palette();
        for (int code : shown.emerging_codes)
            legend.push_back({K::fill, std::string(analysis::describe(code)), palette[static_cast<std::size_t>(code + 8)], ""});
    }
    if (shown.shows("clusters") && shown.clusters) legend.push_back({K::outline, "Point cluster (DBSCAN)", render::style::cluster_line, ""});
    if (shown.shows("incidents")) incident_entries(scene, shown, legend);
    if (shown.shows("cctv") && !scene.cctv.empty()) {
        const bool illustrative = std::any_of(scene.cctv.begin(), scene.cctv.end(), [](const CctvSite& c) { return c.illustrative; });
        legend.push_back({K::sector, illustrative ? "CCTV coverage (ILLUSTRATIVE)" : "CCTV coverage", render::style::cctv_fill, ""});
    }
    if (shown.shows("proposed") && !scene.proposed.empty())
        legend.push_back({K::sector, fmt::format("Proposed site, by rank ({:g} m)", scene.proposed_range_m), render::style::proposed_fill, ""});
    if (shown.shows("interventions")) {
        std::set<std::string> types;
        bool illustrative = false;
        for (const auto& iv : scene.interventions) {
            types.insert(iv.type);
            illustrative |= iv.illustrative;
        }
        for (const auto& t : types)
            legend.push_back({K::symbol, render::intervention_label(t) + (illustrative ? " (ILLUSTRATIVE)" : ""), {}, t});
    }
    if (shown.public_audience) legend.push_back({K::fill, "Public map: no incident locations", {255, 255, 255, 255}, ""});

    // Owed only by what is on the map: the layers drawn from incidents, each boundary kind shown.
    f.attribution = io::attribution_for(scene.attribution, [&](const std::string& layer) {
        if (layer == "incidents")
            return shown.shows("incidents") || shown.shows("clusters") || shown.shows("ward_counts") || shown.shows("ward_hotspots") ||
                   (!shown.raster.empty() && shown.shows(shown.raster));
        if (layer == "ward") return shown.shows("ward") || shown.shows("ward_counts") || shown.shows("ward_hotspots") || shown.shows("labels");
        return shown.shows(layer);
    });
    if (shown.density_by_harm && shown.shows("density"))
        f.attribution.push_back("Harm weights: Office for National Statistics, Crime Severity Score, OGL v3.0");
    return f;
}

} // namespace safermap::scene
