// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/project_argument.hpp"
#include "app/cli/terminal_progress.hpp"
#include "core/error.hpp"
#include "geocode/csv_geocoding.hpp"
#include "geocode/gazetteer.hpp"
#include "geocode/project_geocoding.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace safermap::cli {

namespace {

constexpr geocode::MatchLevel k_levels[] = {geocode::MatchLevel::address,  geocode::MatchLevel::street,
                                            geocode::MatchLevel::intersection, geocode::MatchLevel::postcode,
                                            geocode::MatchLevel::sector,   geocode::MatchLevel::ambiguous,
                                            geocode::MatchLevel::unmatched};

class CommandGeocode : public Command {
public:
    void setup(CLI::App& app) override {
        add_project_argument(app, m_project, "Project whose incidents without coordinates are to be placed");
        app.add_option("--gazetteer", m_gazetteer, "Gazetteer built by safermap gazetteer")->required()->check(CLI::ExistingFile);
        app.add_option("--input", m_csv.input, "CSV of addresses to geocode (instead of a project)")->check(CLI::ExistingFile);
        app.add_option("--out", m_csv.output, "Output CSV: every input row, in order, with x, y, match_level, score, candidates, ...");
        app.add_option("--address-column", m_csv.address_column, "Address column (default: detected, e.g. address)");
        app.add_option("--postcode-column", m_csv.postcode_column, "Postcode column (default: detected, e.g. postcode)");
        add_hidden_alias(app, "--address", m_csv.address_column); // the old spellings
        add_hidden_alias(app, "--postcode", m_csv.postcode_column);
        app.add_option("--locality", m_locality,
                       "Town/locality column of --input (default: detected), or for a project the attribute holding it");
        app.add_option("--manual", m_project_req.manual_file,
                       "Project only: CSV key,x,y of reviewed positions (the unmatched list, filled in)")
            ->check(CLI::ExistingFile);
        app.add_option("--unmatched", m_unmatched, "Review list of ambiguous and unmatched rows (default: <stem>.unmatched.csv)");
        app.add_flag("--json", m_json, "Print the hit-rate summary as JSON (keys: rows, placed, hit_rate, by_level, fuzzy, ...)");
    }

    int run() override {
        if (m_project.empty() == m_csv.input.empty())
            throw ConfigError("give either a PROJECT or --input FILE.csv (with --out), not both");
        if (!m_csv.input.empty() && m_csv.output.empty()) throw ConfigError("--input needs --out OUT.csv");
        const auto t0 = std::chrono::steady_clock::now();
        geo::GeosContext geos;
        const geocode::Gazetteer gazetteer = geocode::Gazetteer::load(m_gazetteer, geos);
        const double load_s = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const geocode::Matcher matcher(gazetteer);
        geocode::GeocodeSummary s;
        TerminalProgress progress("geocoding", "rows");
        m_csv.progress = m_project_req.progress = progress.callback();
        if (!m_csv.input.empty()) {
            m_csv.locality_column = m_locality;
            m_csv.unmatched_path = m_unmatched;
            s = geocode::geocode_csv(matcher, m_csv);
        } else {
            m_project_req.project = m_project;
            m_project_req.locality_attribute = m_locality;
            m_project_req.unmatched_path = m_unmatched;
            s = geocode::geocode_project(matcher, m_project_req);
        }
        progress.finish();
        print(s, load_s);
        return 0;
    }

private:
    void print(const geocode::GeocodeSummary& s, double load_s) const {
        auto pct = [&](std::int64_t n) { return s.rows ? 100.0 * static_cast<double>(n) / static_cast<double>(s.rows) : 0.0; };
        if (m_json) {
            nlohmann::ordered_json j;
            j["rows"] = s.rows;
            j["placed"] = s.placed();
            j["hit_rate"] = s.hit_rate();
            j["by_level"] = nlohmann::ordered_json::object();
            for (auto level : k_levels) {
                auto it = s.by_level.find(level);
                j["by_level"][std::string(geocode::to_string(level))] = it == s.by_level.end() ? 0 : it->second;
            }
            j["fuzzy"] = s.fuzzy;
            j["street_ambiguity_at_postcode"] = s.street_ambiguity_at_postcode;
            j["terminated_postcodes"] = s.terminated_postcodes;
            if (!m_project.empty()) {
                j["changed"] = s.changed;
                j["unchanged"] = s.unchanged;
                j["manual"] = s.manual;
            }
            j["unmatched_file"] = s.unmatched_file;
            fmt::print("{}\n", j.dump(2));
            return;
        }
        fmt::print("{:<14} {:>8} {:>7}\n", "match level", "rows", "%");
        for (auto level : k_levels) {
            auto it = s.by_level.find(level);
            const std::int64_t n = it == s.by_level.end() ? 0 : it->second;
            fmt::print("{:<14} {:>8} {:>6.1f}%\n", geocode::to_string(level), n, pct(n));
        }
        fmt::print("{:<14} {:>8} {:>6.1f}%  (Ratcliffe 2004: 85% is the minimum reliable hit rate)\n", "placed", s.placed(),
                   100.0 * s.hit_rate());
        if (s.fuzzy) fmt::print("{} placed after mending a misspelt street name\n", s.fuzzy);
        if (s.street_ambiguity_at_postcode)
            fmt::print("{} named a street that fits several places; placed at their postcode instead\n", s.street_ambiguity_at_postcode);
        if (s.terminated_postcodes) fmt::print("{} placed by terminated postcodes\n", s.terminated_postcodes);
        if (!m_project.empty())
            fmt::print("Project: {} incidents changed, {} unchanged, {} placed by hand\n", s.changed, s.unchanged, s.manual);
        fmt::print("Ambiguous and unmatched rows listed for review in {}\n", s.unmatched_file);
        if (s.seconds > 0)
            fmt::print("Gazetteer loaded in {:.2f} s; {} rows matched in {:.2f} s\n", load_s, s.rows, s.seconds);
    }

    std::string m_project, m_gazetteer, m_locality, m_unmatched;
    geocode::CsvGeocodeRequest m_csv;
    geocode::ProjectGeocodeRequest m_project_req;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_geocode_command() { return std::make_unique<CommandGeocode>(); }

} // namespace safermap::cli
