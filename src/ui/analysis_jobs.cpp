// SPDX-License-Identifier: MIT
#include "ui/analysis_jobs.hpp"

#include <fmt/format.h>

#include <chrono>
#include <exception>
#include <utility>

namespace safermap::ui {

namespace {

double now_seconds() {
    return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
}

} // namespace

AnalysisJobs::~AnalysisJobs() { join(); }

void AnalysisJobs::join() {
    if (m_thread.joinable()) m_thread.join();
}

double AnalysisJobs::seconds_running() const { return m_busy ? now_seconds() - m_started : 0.0; }

void AnalysisJobs::wait() { join(); }

bool AnalysisJobs::start(Kind kind, const scene::IncidentLayer& layer, const scene::IncidentFilter& filter,
                         const render::WorldBounds& extent, const AnalysisParams& p) {
    if (m_busy) return false;
    join();
    m_busy = true;
    m_started = now_seconds();
    m_running = kind == Kind::density ? fmt::format("KDE, bandwidth {:.0f} m", p.kde_bandwidth_m)
                : kind == Kind::grid_hotspots ? fmt::format("Gi* on {:.0f} m cells", p.grid_cell_m)
                : kind == Kind::emerging      ? fmt::format("emerging hot spots on {:.0f} m cells", p.grid_cell_m)
                                              : fmt::format("DBSCAN, {:.0f} m, {} points", p.dbscan_eps_m, p.dbscan_min_points);
    m_thread = std::thread([this, kind, &layer, filter, extent, p] {
        try {
            if (kind == Kind::density) {
                auto r = scene::density(layer, filter, extent, p.kde_cell_m, p.kde_bandwidth_m);
                std::lock_guard lock(m_mutex);
                m_density = std::move(r);
            } else if (kind == Kind::grid_hotspots) {
                auto r = scene::grid_hotspots(layer, filter, extent, p.grid_cell_m);
                std::lock_guard lock(m_mutex);
                m_hotspots = std::move(r);
            } else if (kind == Kind::emerging) {
                auto r = scene::emerging_grid(layer, filter, extent, p.grid_cell_m);
                std::lock_guard lock(m_mutex);
                m_emerging = std::move(r);
            } else {
                auto r = scene::point_clusters(m_geos, layer, filter, p.dbscan_eps_m, p.dbscan_min_points);
                std::lock_guard lock(m_mutex);
                m_clusters = std::move(r);
            }
        } catch (const std::exception& e) {
            std::lock_guard lock(m_mutex);
            m_error = fmt::format("{} failed: {}", m_running, e.what());
        }
        m_busy = false;
    });
    return true;
}

std::optional<scene::DensityResult> AnalysisJobs::take_density() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_density, std::nullopt);
}

std::optional<scene::GridHotspots> AnalysisJobs::take_grid_hotspots() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_hotspots, std::nullopt);
}

std::optional<scene::ClusterResult> AnalysisJobs::take_clusters() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_clusters, std::nullopt);
}

std::optional<scene::EmergingGrid> AnalysisJobs::take_emerging() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_emerging, std::nullopt);
}

std::string AnalysisJobs::take_error() {
    std::lock_guard lock(m_mutex);
    return std::exchange(m_error, std::string());
}

} // namespace safermap::ui
