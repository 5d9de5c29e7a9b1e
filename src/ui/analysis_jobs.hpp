// SPDX-License-Identifier: MIT
#pragma once
// Runs the viewer's long analyses (KDE, grid Gi*, DBSCAN) on a worker thread so the window
// never freezes; the main thread collects finished results each frame. One job at a time.

#include "geo/geos_context.hpp"
#include "render/scene_analysis.hpp"
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
    bool start(Kind kind, const render::IncidentLayer& layer, const render::IncidentFilter& filter, const render::WorldBounds& extent,
               const AnalysisParams& params);
    bool busy() const { return m_busy.load(); }
    const std::string& running() const { return m_running; }
    double seconds_running() const;
    void wait();

    // Finished results, handed over once.
    std::optional<render::DensityResult> take_density();
    std::optional<render::GridHotspots> take_grid_hotspots();
    std::optional<render::ClusterResult> take_clusters();
    std::optional<render::EmergingGrid> take_emerging();
    std::string take_error();

private:
    void join();

    std::thread m_thread;
    std::atomic<bool> m_busy{false};
    std::string m_running;
    double m_started = 0;
    std::mutex m_mutex;
    std::optional<render::DensityResult> m_density;
    std::optional<render::GridHotspots> m_hotspots;
    std::optional<render::ClusterResult> m_clusters;
    std::optional<render::EmergingGrid> m_emerging;
    std::string m_error;
    geo::GeosContext m_geos; // used only by the worker (cluster hulls)
};

} // namespace safermap::ui
