// SPDX-License-Identifier: MIT
#include "app/cli/analysis_input.hpp"
#include "app/cli/command.hpp"
#include "app/cli/row_report.hpp"
#include "app/cli/text_table.hpp"
#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/results/surface_writer.hpp"
#include "jobs/knox_job.hpp"
#include "jobs/result_description.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <cmath>
#include <filesystem>

namespace safermap::cli {

namespace {

// A number, or JSON null for NaN (a ratio over an expected count of 0) and absent values.
nlohmann::ordered_json number_or_null(const std::vector<double>& values, std::size_t i) {
    if (i >= values.size() || !std::isfinite(values[i])) return nullptr;
    return values[i];
}

std::string csv_number(const std::vector<double>& values, std::size_t i) {
    if (i >= values.size() || !std::isfinite(values[i])) return "";
    return fmt::format("{}", values[i]);
}

// "**" for p <= 0.01, "*" for p <= 0.05: the Near Repeat Calculator's two levels.
const char* p_mark(const analysis::KnoxResult& r, std::size_t c) {
    if (r.p.empty()) return "";
    return r.p[c] <= 0.01 ? "**" : r.p[c] <= 0.05 ? "*" : "";
}

// Near repeats: are incidents close in space also close in time, more than chance allows? The
// Knox table of pairs by distance and time apart, against permutations of the times.
class CommandKnox : public Command {
public:
    void setup(CLI::App& app) override {
        m_input.add_options(app);
        app.add_option("--space-bands", m_request.space_edges_m,
                       "Distance band edges in metres, E1,E2,...: bands 0-E1, E1-E2, ... (upper edges included) and beyond the last")
            ->required()
            ->delimiter(',');
        app.add_option("--time-bands", m_request.time_edges,
                       "Time band edges in whole --time-unit, T1,T2,...: bands 0-T1, T1+1-T2, ... and beyond the last")
            ->required()
            ->delimiter(',');
        app.add_option("--time-unit", m_request.time_unit,
                       "day or month (default: day when every incident has a date, else month; police.uk has months only)");
        app.add_option("--permutations", m_request.permutations, "Monte Carlo permutations of the times; 0 for observed counts only")
            ->default_val(99);
        app.add_option("--seed", m_request.seed, "Random seed")->default_val(12345);
        app.add_option("--out", m_out, "Write the table: .csv, one row per cell (with a .json sidecar)");
        app.add_flag("--json", m_json, "Print a JSON summary on stdout");
    }

    int run() override {
        if (!m_input.request.harm_table.empty() || !m_input.request.columns.weight.empty())
            throw ConfigError("knox counts pairs of incidents: --harm-table and --weight-column do not apply");
        io::PointSet points = m_input.load();
        jobs::KnoxOutcome knox = jobs::run_knox(points, m_request);
        RunReport notes = points.report;
        if (knox.without_time) notes.note("no_month", static_cast<std::int64_t>(knox.without_time));
        ResultMetadata meta = jobs::describe_result("knox", m_input.request, points.crs);
        meta.update(knox.parameters);
        std::vector<std::string> written;
        if (!m_out.empty()) written = write(knox.result, meta);
        if (m_json) {
            print_json(knox, notes, points.crs);
        } else {
            print_table(knox, notes);
            print_written(stdout, written);
        }
        return 0;
    }

private:
    // The shared metadata keys, then pairs, time_unit, permutations and one object per cell.
    void print_json(const jobs::KnoxOutcome& knox, const RunReport& notes, const std::string& crs) const {
        const analysis::KnoxResult& r = knox.result;
        nlohmann::ordered_json j = jobs::describe_result("knox", m_input.request, crs);
        j["incidents"] = knox.incidents;
        j["pairs"] = r.total_pairs;
        j["time_unit"] = analysis::to_string(r.time_unit);
        j["time_unit_source"] = knox.time_unit_source;
        j["permutations"] = r.permutations;
        j["seed"] = r.seed;
        j["space_edges_m"] = r.space_edges_m;
        j["time_edges"] = r.time_edges;
        nlohmann::ordered_json cells = nlohmann::ordered_json::array();
        for (std::size_t s = 0; s < r.space_bands(); ++s) {
            for (std::size_t t = 0; t < r.time_bands(); ++t) {
                const std::size_t c = r.cell(s, t);
                nlohmann::ordered_json cell;
                cell["space_band"] = jobs::space_band_label(r, s);
                cell["time_band"] = jobs::time_band_label(r, t);
                cell["space_from"] = s == 0 ? 0.0 : r.space_edges_m[s - 1];
                cell["space_to"] = s < r.space_edges_m.size() ? nlohmann::ordered_json(r.space_edges_m[s]) : nlohmann::ordered_json(nullptr);
                cell["time_from"] = t == 0 ? 0 : r.time_edges[t - 1];
                cell["time_to"] = t < r.time_edges.size() ? nlohmann::ordered_json(r.time_edges[t]) : nlohmann::ordered_json(nullptr);
                cell["observed"] = r.observed[c];
                cell["expected"] = number_or_null(r.expected, c);
                cell["ratio"] = number_or_null(r.ratio, c);
                cell["p_value"] = number_or_null(r.p, c);
                cells.push_back(std::move(cell));
            }
        }
        j["cells"] = std::move(cells);
        j["rows_read"] = notes.rows_read;
        j["rejected_by_reason"] = notes.rejected_by_reason;
        j["notes_by_reason"] = notes.notes_by_reason;
        fmt::print("{}\n", j.dump(2));
    }

    void print_table(const jobs::KnoxOutcome& knox, const RunReport& notes) const {
        const analysis::KnoxResult& r = knox.result;
        const char* unit = r.time_unit == analysis::TimeUnit::day ? "days" : "months";
        fmt::print("Knox test of {} incidents from {}: {}\n", knox.incidents, m_input.describe(), jobs::describe_filter(m_input.filter()));
        print_row_report(stdout, notes);
        fmt::print("{} pairs; time apart in whole {} ({})\n", r.total_pairs, unit, knox.time_unit_source);
        std::vector<TextTable::Column> columns{{"distance \\ time"}};
        for (std::size_t t = 0; t < r.time_bands(); ++t) columns.push_back({jobs::time_band_label(r, t), true});
        TextTable table(std::move(columns));
        for (std::size_t s = 0; s < r.space_bands(); ++s) {
            std::vector<std::string> row{jobs::space_band_label(r, s)};
            for (std::size_t t = 0; t < r.time_bands(); ++t) {
                const std::size_t c = r.cell(s, t);
                if (r.permutations == 0) {
                    row.push_back(fmt::format("{}", r.observed[c]));
                } else {
                    const std::string ratio = std::isfinite(r.ratio[c]) ? fmt::format("{:.2f}", r.ratio[c]) : "-";
                    row.push_back(fmt::format("{} / {}{:<2}", r.observed[c], ratio, p_mark(r, c)));
                }
            }
            table.add(std::move(row));
        }
        fmt::print("\n");
        table.print(stdout);
        if (r.permutations == 0) {
            fmt::print("\neach cell: pairs observed (no permutations, so no expected counts)\n");
        } else {
            fmt::print("\neach cell: pairs observed / Knox ratio (observed over expected, the mean of {} permutations of the\n"
                       "times, seed {}); ** p <= 0.01, * p <= 0.05 (one-sided: more pairs than chance); '-' none expected\n",
                       r.permutations, r.seed);
        }
    }

    // One row per cell, the bands' edges and labels first; NaN and absent values are empty.
    std::vector<std::string> write(const analysis::KnoxResult& r, const ResultMetadata& meta) const {
        const std::string ext = lower_extension(m_out);
        if (ext != ".csv") throw ConfigError(fmt::format("{}: unknown output type '{}' (use .csv)", m_out, ext));
        ReplacementFile file(m_out, "CSV");
        fmt::print(file.stream(), "space_band,space_from_m,space_to_m,time_band,time_from,time_to,time_unit,observed,expected,ratio,p_value\n");
        for (std::size_t s = 0; s < r.space_bands(); ++s) {
            for (std::size_t t = 0; t < r.time_bands(); ++t) {
                const std::size_t c = r.cell(s, t);
                std::string line;
                io::append_csv_field(line, jobs::space_band_label(r, s));
                line += fmt::format(",{},{},", s == 0 ? 0.0 : r.space_edges_m[s - 1],
                                    s < r.space_edges_m.size() ? fmt::format("{}", r.space_edges_m[s]) : "");
                io::append_csv_field(line, jobs::time_band_label(r, t));
                line += fmt::format(",{},{},{},{},{},{},{}", t == 0 ? 0 : r.time_edges[t - 1],
                                    t < r.time_edges.size() ? fmt::format("{}", r.time_edges[t]) : "", analysis::to_string(r.time_unit),
                                    r.observed[c], csv_number(r.expected, c), csv_number(r.ratio, c), csv_number(r.p, c));
                fmt::print(file.stream(), "{}\n", line);
            }
        }
        io::write_metadata_json(m_out + ".json", meta);
        file.commit();
        return {m_out, m_out + ".json"};
    }

    AnalysisInput m_input;
    jobs::KnoxRequest m_request;
    std::string m_out;
    bool m_json = false;
};

} // namespace

std::unique_ptr<Command> make_knox_command() { return std::make_unique<CommandKnox>(); }

} // namespace safermap::cli
