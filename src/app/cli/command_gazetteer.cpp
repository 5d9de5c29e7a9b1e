// SPDX-License-Identifier: MIT
#include "app/cli/command.hpp"
#include "app/cli/terminal_progress.hpp"
#include "core/error.hpp"
#include "geocode/gazetteer_builder.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

namespace safermap::cli {

namespace {

class CommandGazetteer : public Command {
public:
    void setup(CLI::App& app) override {
        app.add_option("gazetteer", m_path, "Gazetteer file (.gpkg), created or extended")->required();
        app.add_option("--postcodes", m_in.postcodes,
                       "Postcode files: OS Code-Point Open CSVs (no header), ONS Postcode Directory/NSPL, or a CSV with postcode "
                       "and easting/northing or latitude/longitude; gzip accepted")
            ->check(CLI::ExistingFile);
        app.add_option("--streets", m_in.streets,
                       "Street sources: any GDAL road layer with a name field (OS Open Roads, OpenStreetMap), OS Open Names CSVs or "
                       "NaPTAN stops CSVs (detected by header)")
            ->check(CLI::ExistingFile);
        app.add_option("--policeuk", m_in.policeuk,
                       "police.uk street-level CSVs: their 'On or near' snap points become a street gazetteer")
            ->check(CLI::ExistingFile);
        app.add_option("--addresses", m_in.addresses, "Address point CSVs (UPRN lists, AddressBase-style)")->check(CLI::ExistingFile);
        app.add_option("--localities", m_in.localities,
                       "Ward, district or town polygons (any GDAL format) that addresses may name")
            ->check(CLI::ExistingFile);
        app.add_option("--layer", m_in.street_options.layer, "Layer of a multi-layer --streets file");
        app.add_option("--name-field", m_in.street_options.name_field, "Street name field of --streets road layers");
        app.add_option("--locality-field", m_in.street_options.locality_field, "Town/locality field of --streets road layers");
        app.add_option("--crs", m_in.street_options.crs_override, "CRS of --streets or --localities layers that have none");
        app.add_option("--rejects", m_in.rejects_path, "Where rejected rows go (default: <gazetteer stem>.rejects.csv)");
        app.add_flag("--json", m_json, "Print a JSON object: files (kind, file, format, rows_read, added, updated, rejected, "
                                       "skipped) and counts");
    }

    int run() override {
        if (m_in.postcodes.empty() && m_in.streets.empty() && m_in.policeuk.empty() && m_in.addresses.empty() &&
            m_in.localities.empty())
            throw ConfigError("nothing to add: give --postcodes, --streets, --policeuk, --addresses or --localities");
        m_in.locality_crs = m_in.street_options.crs_override;
        TerminalProgress progress("building the gazetteer", "entries");
        m_in.progress = progress.callback();
        auto result = geocode::build_gazetteer(m_path, m_in);
        progress.finish();
        const auto& c = result.counts;
        if (m_json) {
            nlohmann::ordered_json j;
            j["gazetteer"] = m_path;
            j["files"] = nlohmann::ordered_json::array();
            for (const auto& f : result.files)
                j["files"].push_back({{"kind", f.kind}, {"file", f.file}, {"format", f.format}, {"rows_read", f.report.rows_read},
                                      {"added", f.added}, {"updated", f.updated}, {"rejected", f.report.rejected()},
                                      {"rejected_by_reason", f.report.rejected_by_reason}, {"skipped", f.skipped}});
            j["counts"] = {{"postcodes", c.postcodes}, {"terminated_postcodes", c.terminated_postcodes},
                           {"policeuk_locations", c.policeuk_locations}, {"streets", c.streets}, {"places", c.places},
                           {"addresses", c.addresses}, {"localities", c.localities}};
            j["rejects_file"] = result.rejects_file;
            fmt::print("{}\n", j.dump(2));
            return 0;
        }
        fmt::print("{:<11} {:<17} {:>9} {:>8} {:>8} {:>8}  {}\n", "kind", "format", "read", "added", "updated", "rejected", "file");
        for (const auto& f : result.files) {
            if (f.skipped) {
                fmt::print("{:<11} already in the gazetteer (same name and size): skipped  {}\n", f.kind, f.file);
                continue;
            }
            fmt::print("{:<11} {:<17} {:>9} {:>8} {:>8} {:>8}  {}\n", f.kind, f.format, f.report.rows_read, f.added, f.updated,
                       f.report.rejected(), f.file);
            for (const auto& [reason, n] : f.report.rejected_by_reason) fmt::print("{:<11} rejected {:<28} {:>8}\n", "", reason, n);
        }
        fmt::print("\nGazetteer {}: {} postcodes ({} terminated), {} police.uk locations, {} streets, {} places, {} address "
                   "points, {} localities\n",
                   m_path, c.postcodes, c.terminated_postcodes, c.policeuk_locations, c.streets, c.places, c.addresses, c.localities);
        if (!result.rejects_file.empty()) fmt::print("Rejected rows written to {}\n", result.rejects_file);
        return 0;
    }

private:
    std::string m_path;
    geocode::GazetteerInputs m_in;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_gazetteer_command() { return std::make_unique<CommandGazetteer>(); }

} // namespace safermap::cli
