// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/import_report.hpp"
#include "app/cli/project_argument.hpp"
#include "app/cli/terminal_progress.hpp"
#include "core/area_kind.hpp"
#include "core/error.hpp"
#include "io/incidents/incident_importer.hpp"
#include "io/project/import_job.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <filesystem>

namespace safermap::cli {

namespace {

class CommandImport : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_request.project, "Project; created if missing")->required();
        app.add_option("--working-crs", m_request.new_project.working_crs, "Working CRS of a new project")
            ->default_val("EPSG:27700");
        app.add_option("--name", m_request.new_project.name, "Name of a new project (default: the file name)");
        app.add_option("--incidents", m_request.incident_files,
                       "Incident files: police.uk CSVs (detected by header, .gz allowed), other CSVs, GDAL point layers");
        app.add_option("--rejects", m_request.rejects_path, "Where to write rejected rows (default: PROJECT.rejects-<import id>.csv)");
        auto& c = m_request.columns;
        app.add_option("--x", c.x, "CSV column holding x (with --y and --crs)");
        app.add_option("--y", c.y, "CSV column holding y");
        app.add_option("--lon", c.lon, "CSV column holding WGS84 longitude (with --lat)");
        app.add_option("--lat", c.lat, "CSV column holding WGS84 latitude");
        app.add_option("--crs", m_crs, "CRS of --x/--y columns, or of a layer that has none (e.g. EPSG:27700)");
        app.add_option("--date", c.date, "Column with the date (YYYY-MM-DD, DD/MM/YYYY, with time, or YYYY-MM)");
        app.add_option("--category-column", c.category, "Column with the category or crime type");
        app.add_option("--address-column", c.address, "Column with an address (rows without coordinates wait for geocoding)");
        app.add_option("--postcode-column", c.postcode, "Column with a postcode");
        app.add_option("--weight-column", c.weight, "Column with a numeric weight (e.g. harm)");
        app.add_option("--id-column", c.id, "Column with a unique incident reference (used to refuse duplicates)");
        // The old spellings: unambiguous here, as import takes no filters.
        for (auto [name, target] : {std::pair{"--category", &c.category}, {"--address", &c.address}, {"--postcode", &c.postcode},
                                    {"--weight", &c.weight}, {"--id", &c.id}})
            add_hidden_alias(app, name, *target);
        app.add_option("--boundaries", m_boundary.path, "Boundary polygons (shapefile, GeoPackage, GeoJSON, TopoJSON, ...)");
        app.add_option("--layer", m_boundary.layer, "Layer of --boundaries to read (needed when it has several)");
        app.add_option("--kind", m_kind, "What the --boundaries are: ward, lsoa, estate, district, priority or custom");
        app.add_option("--name-field", m_boundary.name_field, "Field with area names (default: detected)");
        app.add_option("--code-field", m_boundary.code_field, "Field with area codes (default: detected)");
        app.add_option("--vintage", m_boundary.vintage, "Boundary vintage to record (default: from ONS field names)");
        app.add_option("--cctv", m_request.cctv_files, "CCTV sites: points in any GDAL format, or CSV with lon/lat");
        app.add_option("--interventions", m_request.intervention_files, "Interventions: points, lines or polygons");
        app.add_option("--places", m_request.places_files,
                       "NaPTAN stops CSVs (detected by header, .gz allowed): each locality's active stops become a place "
                       "(town, village, suburb or estate) to label maps and name --area filters");
        app.add_option("--study-area", m_request.study_area_kind, "Boundary kind that makes the study area (e.g. district)");
        app.add_option("--clip", m_request.clip_file, "Polygon file that makes the study area");
        app.add_flag("--quiet", m_quiet, "Print nothing on success");
        app.add_flag("--json", m_json, "Print the import summary as JSON (README: \"import --json\")");
    }

    int run() override {
        if (!m_boundary.path.empty()) {
            if (m_kind.empty()) throw ConfigError("--boundaries needs --kind (ward, lsoa, estate, district, priority or custom)");
            m_boundary.kind = parse_area_kind(m_kind);
            m_boundary.crs_override = m_crs;
            m_request.boundaries.push_back(m_boundary);
        } else if (!m_kind.empty() || !m_boundary.layer.empty()) {
            throw ConfigError("--kind and --layer apply to --boundaries, which was not given");
        }
        if (!m_request.study_area_kind.empty()) parse_area_kind(m_request.study_area_kind);
        m_request.columns.crs = m_crs;
        m_request.feature_crs = m_crs;
        if (m_request.boundaries.empty() && m_request.incident_files.empty() && m_request.cctv_files.empty() &&
            m_request.intervention_files.empty() && m_request.places_files.empty())
            throw ConfigError("nothing to import: give --incidents, --boundaries, --cctv, --interventions or --places");
        TerminalProgress progress("importing", "rows");
        if (ProgressFn rows = progress.callback()) {
            const std::int64_t expected = static_cast<std::int64_t>(io::estimate_rows(m_request.incident_files));
            // The importer counts rows per file; the line counts on across files.
            m_request.progress = [rows, expected, before = std::int64_t{0}, last = std::int64_t{0},
                                  current = std::string()](const std::string& file, std::int64_t n) mutable {
                if (file != current) {
                    before += last;
                    current = file;
                }
                last = n;
                rows(before + n, expected);
            };
        }
        io::ImportSummary summary = io::run_import(m_request);
        progress.finish();
        if (m_json) fmt::print("{}\n", import_summary_json(summary).dump(2));
        else if (!m_quiet) print_import_report(stdout, summary);
        return 0;
    }

private:
    io::ImportRequest m_request;
    io::BoundarySpec m_boundary;
    std::string m_kind;
    std::string m_crs;
    bool m_quiet = false, m_json = false;
};

} // namespace

std::unique_ptr<Command> make_import_command() { return std::make_unique<CommandImport>(); }

} // namespace safermap::cli
