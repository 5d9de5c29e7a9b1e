// SPDX-License-Identifier: MIT
// safermap-view: the map viewer. `safermap view` hands over to it, so that the CLI itself
// links no OpenGL. Exit codes as the CLI: 0 ok, 1 an input or option cannot be used, 2 else.
#include "app/cli/project_argument.hpp"
#include "core/credentials.hpp"
#include "core/error.hpp"
#include "scene/map_scene.hpp"
#include "ui/viewer_app.hpp"

#include <CLI/CLI.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cstdio>
#include <exception>

int main(int argc, char** argv) {
    using namespace safermap;
    ui::ViewerOptions o;
    o.executable = argv[0];
    CLI::App app{"SaferMap viewer: the project on a map (Dear ImGui + OpenGL 3.3)"};
    std::string size = "1600x900";
    cli::add_project_argument(app, o.project, "Project (.gpkg, or PG:... for a PostGIS database)")->required();
    app.add_option("--screenshot", o.screenshot, "Render one frame offscreen to this PNG and exit (works under xvfb-run -a)");
    app.add_option("--size", size, "Window or screenshot size, WIDTHxHEIGHT (default 1600x900)");
    app.add_option("--view", o.view, "Open at a saved view: 'Whole area', a priority area, or a view saved in the project");
    app.add_option("--layers", o.layers, "Only these layers (comma-separated): district, ward, lsoa, priority, incidents, density, "
                                         "hotspots, emerging, ward_counts, ward_hotspots, clusters, cctv, proposed, interventions, labels, places, basemap");
    app.add_flag("--presentation", o.presentation, "Presentation mode: no panels, large title, legend, scale bar, north arrow");
    app.add_flag("--public", o.public_mode, "Public mode: incident points never shown, only aggregated layers");
    app.add_option("--from", o.from_month, "First month shown, YYYY-MM");
    app.add_option("--to", o.to_month, "Last month shown, YYYY-MM");
    app.add_option("--category", o.categories, "Crime types shown (repeatable; default all)");
    app.add_option("--area", o.area, "Only the incidents of this ward (name or code)");
    app.add_option("--analysis", o.analyses, "Run before the first frame (comma-separated): density, hotspots, emerging, ward_hotspots, clusters");
    app.add_option("--ramp", o.ramp, "Density and choropleth colour ramp: YlOrRd (default), viridis, Blues, Purples");
    app.add_option("--classification", o.classification, "Ward choropleth classes: quantile (default) or equal");
    app.add_option("--colour-by", o.colour_by, "Colour incidents by 'type' (default) or 'month'");
    app.add_option("--title", o.title, "Map title (default: the project's name)");
    app.add_option("--basemap", o.basemap, "A local raster (GeoTIFF, MBTiles, ...) drawn under the map; never a network call");
    app.add_option("--bench-frames", o.bench_frames, "Draw this many frames offscreen and print frame times");
    app.add_flag("--harm", o.harm, "Weigh KDE, Gi*, emerging hot spots and clusters by harm (ONS Crime Severity Score; no weight: 0)");
    app.add_option("--open-panel", o.open_panel, "Open this panel (also in a screenshot): Layers, Filters, Analysis, "
                                                 "'Wards and hotspots', Planning, Views");
    app.add_option("--intervention", o.intervention, "Select this intervention at start: its areas on the map, its evaluation in Planning");
    app.add_flag("--knox", o.knox, "Run the Knox near-repeat table at start (Planning panel; bands 100,200,400 m and 1,2,3 months)");
    app.add_flag("--json", o.json, "With --screenshot or --save-view: say what was written as JSON");
    std::string save_view, bounds;
    app.add_option("--save-view", save_view, "Save a view (bookmark) in the project with --bounds, and exit");
    app.add_option("--bounds", bounds, "XMIN,YMIN,XMAX,YMAX of --save-view, in the project's CRS");
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e) == 0 ? 0 : 1;
    }
    try {
        if (std::sscanf(size.c_str(), "%dx%d", &o.width, &o.height) != 2 || o.width < 64 || o.height < 64 || o.width > 8192 ||
            o.height > 8192)
            throw ConfigError(fmt::format("--size '{}': give WIDTHxHEIGHT, each 64 to 8192", size));
        if (!save_view.empty()) {
            double x0 = 0, y0 = 0, x1 = 0, y1 = 0;
            if (std::sscanf(bounds.c_str(), "%lf,%lf,%lf,%lf", &x0, &y0, &x1, &y1) != 4 || !(x1 > x0) || !(y1 > y0))
                throw ConfigError(fmt::format("--bounds '{}': give XMIN,YMIN,XMAX,YMAX with XMAX > XMIN and YMAX > YMIN", bounds));
            scene::Bookmark b{save_view, {}};
            b.bounds.include(x0, y0);
            b.bounds.include(x1, y1);
            scene::save_bookmark(o.project, b);
            if (o.json)
                fmt::print("{}\n", nlohmann::ordered_json{{"method", "view"}, {"saved_view", save_view}, {"project", o.project},
                                                          {"bounds", {x0, y0, x1, y1}}}.dump(2));
            else
                fmt::print("saved view '{}' in {}\n", save_view, o.project);
            return 0;
        }
        ui::ViewerApp viewer(o);
        return viewer.run();
    } catch (const ConfigError& e) {
        fmt::print(stderr, "safermap view: error: {}\n", mask_credentials(e.what()));
        return 1;
    } catch (const Error& e) {
        fmt::print(stderr, "safermap view: error: {}\n", mask_credentials(e.what()));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "safermap view: internal error: {}\n", mask_credentials(e.what()));
        return 2;
    }
}
