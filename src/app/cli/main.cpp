// SPDX-License-Identifier: MIT
// safermap: the command-line face of SaferMap. The only place that catches exceptions and
// turns them into exit codes: 0 ok, 1 an input or option cannot be used, 2 anything else.
#include "app/cli/command.hpp"
#include "core/credentials.hpp"
#include "core/error.hpp"
#include "core/memory_tuning.hpp"

#include <fmt/format.h>

#include <cstdio>
#include <exception>
#include <utility>
#include <vector>

int main(int argc, char** argv) {
    using namespace safermap;
    tune_allocator_for_bulk_loading();
    CLI::App app{"SaferMap: hotspot mapping and analysis for Community Safety Partnerships"};
    app.require_subcommand(1);
    app.set_version_flag("--version", "safermap 0.1.0");
    std::vector<std::pair<CLI::App*, std::unique_ptr<cli::Command>>> commands;
    auto add = [&](const char* name, const char* help, std::unique_ptr<cli::Command> command) {
        CLI::App* sub = app.add_subcommand(name, help);
        command->setup(*sub);
        commands.emplace_back(sub, std::move(command));
    };
    add("import", "Import boundaries, incidents, CCTV sites and interventions into a project", cli::make_import_command());
    add("info", "Summarise a project: layers, counts, CRS, extent, months, crime types", cli::make_info_command());
    add("export", "Write a project's incidents back out as a police.uk CSV", cli::make_export_command());
    add("gazetteer", "Build or extend a gazetteer (postcodes, police.uk streets, roads, addresses, localities) for geocoding",
        cli::make_gazetteer_command());
    add("geocode", "Place addresses and postcodes offline: a CSV, or a project's incidents without coordinates",
        cli::make_geocode_command());
    add("view", "Open the map viewer on a project, or render a view to PNG (--screenshot); runs safermap-view",
        cli::make_view_command());
    add("kde", "Kernel density surface of incidents (per km²)", cli::make_kde_command());
    add("gistar", "Getis-Ord Gi* hot and cold spots on a grid or polygons, with FDR", cli::make_gistar_command());
    add("lisa", "Local Moran's I clusters and outliers (and global Moran's I) on polygons", cli::make_lisa_command());
    add("cluster", "Point clusters by DBSCAN or Nearest Neighbour Hierarchical clustering, with hulls", cli::make_cluster_command());
    add("nni", "Nearest neighbour index (Clark & Evans) of a point set in a study area", cli::make_nni_command());
    add("concentration", "How concentrated incidents are: Gini (raw and chance-corrected), Lorenz curve, top-N share",
        cli::make_concentration_command());
    add("trends", "Counts per area for a period against the same period last year: % change, rank, Poisson test",
        cli::make_trends_command());
    add("emerging", "Emerging hot spots: monthly Gi* with FDR and Mann-Kendall trends, ArcGIS's categories",
        cli::make_emerging_command());
    add("accuracy", "How well hotspot maps from one period predict the next: hit rate, PAI, PEI, RRI", cli::make_accuracy_command());
    add("site", "Where to put new CCTV or lighting to cover the most incidents (maximal covering location, greedy or exact)",
        cli::make_site_command());
    add("knox", "Near repeats: Knox table of incident pairs by distance and time apart, against permutations",
        cli::make_knox_command());
    add("evaluate", "Before/after evaluation of interventions with a buffer and a control: WDQ, total net effect, odds ratio",
        cli::make_evaluate_command());
    add("map", "A printed map for a meeting or the public: PDF, SVG or PNG with legend, scale, attribution and marking",
        cli::make_map_command());
    add("report", "The meeting pack as one PDF: summary, ward performance table, hotspot maps, priority areas, CCTV, "
                  "interventions, methods", cli::make_report_command());

    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        int code = app.exit(e);
        return code == 0 ? 0 : 1;
    }
    try {
        for (auto& [sub, command] : commands) {
            if (sub->parsed()) return command->run();
        }
    } catch (const ConfigError& e) {
        fmt::print(stderr, "safermap: error: {}\n(see safermap <command> --help)\n", mask_credentials(e.what()));
        return 1;
    } catch (const CrsError& e) {
        fmt::print(stderr, "safermap: CRS error: {}\n", mask_credentials(e.what()));
        return 1;
    } catch (const Error& e) {
        fmt::print(stderr, "safermap: error: {}\n", mask_credentials(e.what()));
        return 1;
    } catch (const std::exception& e) {
        fmt::print(stderr, "safermap: internal error: {}\nPlease report this with the command you ran.\n", mask_credentials(e.what()));
        return 2;
    }
    return 2;
}
