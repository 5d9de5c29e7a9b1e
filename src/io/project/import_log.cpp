// SPDX-License-Identifier: MIT
#include "io/project/import_log.hpp"

#include "core/utc_time.hpp"

#include "core/error.hpp"
#include "io/gdal/gdal_env.hpp"
#include "io/gdal/sql_text.hpp"
#include "io/project/project_schema.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>

namespace safermap::io {

namespace {

std::string counts_json(const std::map<std::string, std::int64_t>& counts) {
    nlohmann::json j = nlohmann::json::object();
    for (const auto& [k, v] : counts) j[k] = v;
    return j.dump();
}

std::map<std::string, std::int64_t> parse_counts(const std::string& text) {
    std::map<std::string, std::int64_t> out;
    if (text.empty()) return out;
    auto j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object()) return out;
    for (auto it = j.begin(); it != j.end(); ++it)
        if (it->is_number_integer()) out[it.key()] = it->get<std::int64_t>();
    return out;
}

} // namespace

namespace {
constexpr std::string_view k_import_id_sequence = "import_log_import_id_seq";
}

std::vector<std::string> import_id_sequence_statements() {
    return {fmt::format("CREATE SEQUENCE IF NOT EXISTS {} OWNED BY {}.import_id", k_import_id_sequence, schema::k_import_log),
            fmt::format("SELECT setval('{}', COALESCE((SELECT MAX(import_id) FROM {}), 0) + 1, false)", k_import_id_sequence,
                        schema::k_import_log)};
}

ImportLog::ImportLog(ProjectStore& store) : m_store(store), m_import_id(1) {
    if (store.dialect() == SqlDialect::postgres) {
        // nextval is outside transactions: a rolled-back import leaves a gap, never a repeat.
        m_import_id = sql_integer(store.dataset(), store.path(), fmt::format("SELECT nextval('{}')", k_import_id_sequence));
    } else {
        for (const auto& e : read_import_log(store)) m_import_id = std::max(m_import_id, e.import_id + 1);
    }
    m_time_utc = utc_timestamp();
}

ImportLogEntry ImportLog::entry(std::string_view target_layer, const std::string& file, const std::string& format,
                                const RunReport& report, const std::string& rejects_file) const {
    ImportLogEntry e;
    e.import_id = m_import_id;
    e.time_utc = m_time_utc;
    e.target_layer = target_layer;
    e.file = file;
    e.format = format;
    e.report = report;
    e.rejects_file = rejects_file;
    return e;
}

std::vector<std::pair<std::string_view, std::string>> import_log_values(const ImportLogEntry& e) {
    return {{"import_id", std::to_string(e.import_id)},
            {"time_utc", e.time_utc},
            {"target_layer", e.target_layer},
            {"file", e.file},
            {"format", e.format},
            {"rows_read", std::to_string(e.report.rows_read)},
            {"kept", std::to_string(e.report.kept)},
            {"not_geocoded", std::to_string(e.report.not_geocoded)},
            {"outside_study_area", std::to_string(e.report.outside_study_area)},
            {"rejected", std::to_string(e.report.rejected())},
            {"rejected_by_reason", counts_json(e.report.rejected_by_reason)},
            {"notes_by_reason", counts_json(e.report.notes_by_reason)},
            {"rejects_file", e.rejects_file}};
}

void ImportLog::append(std::string_view target_layer, const std::string& file, const std::string& format,
                       const RunReport& report, const std::string& rejects_file) {
    OGRLayer& layer = m_store.layer(schema::k_import_log);
    OGRFeature f(layer.GetLayerDefn());
    for (const auto& [column, value] : import_log_values(entry(target_layer, file, format, report, rejects_file)))
        f.SetField(std::string(column).c_str(), value.c_str());
    if (layer.CreateFeature(&f) != OGRERR_NONE)
        throw IoError(fmt::format("{}: cannot write import log ({})", m_store.path(), gdal_last_error()));
}

std::vector<ImportLogEntry> read_import_log(ProjectStore& store) {
    std::vector<ImportLogEntry> out;
    OGRLayer& layer = store.layer(schema::k_import_log);
    layer.SetAttributeFilter(nullptr);
    layer.ResetReading();
    for (auto& f : layer) {
        ImportLogEntry e;
        e.import_id = f->GetFieldAsInteger64("import_id");
        e.time_utc = f->GetFieldAsString("time_utc");
        e.target_layer = f->GetFieldAsString("target_layer");
        e.file = f->GetFieldAsString("file");
        e.format = f->GetFieldAsString("format");
        e.report.rows_read = f->GetFieldAsInteger64("rows_read");
        e.report.kept = f->GetFieldAsInteger64("kept");
        e.report.not_geocoded = f->GetFieldAsInteger64("not_geocoded");
        e.report.outside_study_area = f->GetFieldAsInteger64("outside_study_area");
        e.report.rejected_by_reason = parse_counts(f->GetFieldAsString("rejected_by_reason"));
        e.report.notes_by_reason = parse_counts(f->GetFieldAsString("notes_by_reason"));
        e.rejects_file = f->GetFieldAsString("rejects_file");
        out.push_back(std::move(e));
    }
    return out;
}

} // namespace safermap::io
