// SPDX-License-Identifier: MIT
#pragma once
// The desktop map viewer: a GLFW window with an OpenGL 3.3 map and Dear ImGui panels over a
// project, or one frame rendered offscreen to a PNG (--screenshot) for tests and scripts.

#include "geo/geos_context.hpp"
#include "gl/map_renderer.hpp"
#include "scene/map_scene.hpp"
#include "scene/planning.hpp"
#include "scene/scene_analysis.hpp"
#include "ui/analysis_jobs.hpp"
#include "ui/viewer_state.hpp"

#include <memory>
#include <optional>
#include <string>
#include <vector>

struct GLFWwindow;
struct ImFont;
struct ImDrawList;

namespace safermap::ui {

struct ViewerOptions {
    std::string project;
    std::string executable;        // argv[0], to find shaders installed beside it
    std::string screenshot;        // PNG path: render one frame offscreen and exit
    bool json = false;             // say what --screenshot wrote as JSON
    bool harm = false;             // weigh analyses by harm (ONS Crime Severity Score) from the start
    int width = 1600, height = 900;
    std::string view;              // a bookmark to open at
    std::vector<std::string> layers; // only these layers visible (empty: the defaults)
    bool presentation = false;
    bool public_mode = false;
    std::string from_month, to_month; // YYYY-MM
    std::vector<std::string> categories;
    std::string area;              // a ward (name or code): only its incidents
    std::string classification = "quantile"; // ward choropleth: quantile or equal
    std::vector<std::string> analyses; // run before the first frame: density, hotspots, ward_hotspots, clusters
    std::string ramp = "YlOrRd";
    std::string colour_by = "type";  // or "month"
    std::string title;
    std::string basemap;           // a GDAL raster (local file only)
    int bench_frames = 0;          // > 0: draw this many frames and report frame times
    std::string open_panel;        // a panel shown open (in screenshots too): e.g. "Planning"
    std::string intervention;      // an intervention selected at start (its areas and table shown)
    bool knox = false;             // run the Knox table at start (Planning panel)
};

class ViewerApp {
public:
    explicit ViewerApp(ViewerOptions options);
    ~ViewerApp();
    ViewerApp(const ViewerApp&) = delete;
    ViewerApp& operator=(const ViewerApp&) = delete;

    // Returns the process exit code.
    int run();

private:
    // viewer_app.cpp: window, loop, map drawing, screenshot.
    void init_window(bool visible);
    void init_state();
    void apply_options();
    void draw_frame(int width, int height);
    void draw_map(int width, int height);
    void handle_input();
    // Fits `bounds` in the part of the map the legend, title and attribution leave free.
    void fit_view(const render::WorldBounds& bounds);
    void collect_results();
    void start_analysis(const std::string& which);
    void run_analysis_now(const std::string& which);
    void refresh_area_colours();
    void refresh_counts();
    // Colours the ward fill for `what` ("counts" choropleth or "hotspots"), when not already.
    void colour_wards(const std::string& what);
    std::vector<double> ward_breaks() const;
    scene::IncidentFilter filter() const;
    std::string period_text() const;
    int screenshot();
    int bench();

    // viewer_panels.cpp: the ImGui panels and the hover tooltip.
    void panels();
    void layers_panel();
    void filter_panel();
    void analysis_panel();
    void inspect_panel();
    void views_panel();
    void hover_tooltip();

    // viewer_furniture.cpp: legend and map furniture.
    void draw_overlays(int width, int height);

    // planning_panel.cpp: proposed sites, interventions, near repeats.
    void planning_panel();
    const scene::SiteCoverTotals& site_cover();
    void select_intervention(std::size_t index);
    void zoom_to_selected();         // fits the view to the selected intervention's treatment area and ring
    void run_knox();
    void draw_selected_intervention(ImDrawList& dl);

    ViewerOptions m_opt;
    GLFWwindow* m_window = nullptr;
    ImFont* m_font = nullptr;
    ImFont* m_large_font = nullptr;
    geo::GeosContext m_geos;
    scene::MapScene m_scene;
    std::unique_ptr<gl::MapRenderer> m_renderer;
    render::Camera m_camera;
    ViewerState m_state;
    AnalysisJobs m_jobs;
    std::optional<scene::AreaHotspots> m_ward_hotspots;
    scene::AreaCounts m_counts;
    std::string m_counts_key;
    std::string m_ward_colouring;  // what the ward fill's colours show now
    std::string m_status;          // last message for the status line
    std::optional<scene::SelectedIntervention> m_selected;
    std::optional<jobs::KnoxOutcome> m_knox;
    char m_knox_space[64] = "100,200,400";
    char m_knox_time[64] = "1,2,3";
    scene::SiteCoverTotals m_site_cover;
    std::string m_site_cover_key;
    int m_dragging_site = -1;      // a proposed site being moved
    double m_last_step = 0;
    bool m_dragging = false;
    double m_last_x = 0, m_last_y = 0;
};

} // namespace safermap::ui
