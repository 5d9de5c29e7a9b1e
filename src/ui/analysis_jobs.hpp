// SPDX-License-Identifier: MIT
#pragma once
// Runs the viewer's long analyses (KDE, grid Gi*, DBSCAN) on a worker thread so the window
// never freezes; the main thread collects finished results each frame. One job at a time.

#include "geo/geos_context.hpp"
#include "scene/scene_analysis.hpp"
#include "ui/viewer_state.hpp"

#include <atomic>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

namespace safermap::ui {

class AnalysisJobs {
public:
    enum class Kind { density, grid_hotspots, emerging, clusters };
    ~AnalysisJobs();

    // Starts a job on `layer` (which must outlive it). Returns false when one is running.
    bool start(Kind kind, const scene::IncidentLayer& layer, const scene::IncidentFilter& filter, const render::WorldBounds& extent,
               const AnalysisParams& params);
    bool busy() const { return m_busy.load(); }
    const std::string& running() const { return m_running; }
    double seconds_running() const;
    void wait();

    // Finished results, handed over once.
    std::optional<scene::DensityResult> take_density();
    std::optional<scene::GridHotspots> take_grid_hotspots();
    std::optional<scene::ClusterResult> take_clusters();
    std::optional<scene::EmergingGrid> take_emerging();
    std::string take_error();

private:
    void join();

    std::thread m_thread;
    std::atomic<bool> m_busy{false};
    std::string m_running;
    double m_started = 0;
    std::mutex m_mutex;
    std::optional<scene::DensityResult> m_density;
    std::optional<scene::GridHotspots> m_hotspots;
    std::optional<scene::ClusterResult> m_clusters;
    std::optional<scene::EmergingGrid> m_emerging;
    std::string m_error;
    geo::GeosContext m_geos; // used only by the worker (cluster hulls)
};

} // namespace safermap::ui
