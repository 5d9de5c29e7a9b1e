// SPDX-License-Identifier: MIT
#include "io/incident_importer.hpp"

#include "core/error.hpp"
#include "core/text_encoding.hpp"
#include "io/csv_reader.hpp"
#include "io/incident_placement.hpp"
#include "io/mapped_csv_format.hpp"
#include "io/police_uk_format.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::io {

namespace {

constexpr std::int64_t k_progress_every = 50'000;

bool looks_like_csv(const std::string& path) {
    std::string name = std::filesystem::path(path).filename().string();
    for (auto& c : name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    for (const char* ext : {".csv", ".csv.gz", ".txt", ".txt.gz"}) {
        std::string_view e(ext);
        if (name.size() >= e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0) return true;
    }
    return false;
}

// Re-encodes a row that is not valid UTF-8 from Windows-1252, the usual culprit in UK
// council exports. Returns true when it had to.
bool repair_encoding(CsvRecord& record) {
    if (is_valid_utf8(record.raw)) return false;
    for (auto& f : record.fields) {
        if (!is_valid_utf8(f)) f = cp1252_to_utf8(f);
    }
    record.raw = cp1252_to_utf8(record.raw);
    return true;
}

} // namespace

IncidentImporter::IncidentImporter(IncidentSink& sink, KeyRegistry& keys, Rejects& rejects, std::string working_crs)
    : m_sink(sink), m_keys(keys), m_rejects(rejects), m_working_crs(std::move(working_crs)) {}

IncidentImporter::~IncidentImporter() = default;

void IncidentImporter::set_study_area(const geo::StudyArea* area, const std::unordered_set<std::string>* lsoa_codes_inside) {
    m_study_area = area;
    m_study_lsoas = lsoa_codes_inside;
}

const geo::Reprojector& IncidentImporter::reprojector_from(const std::string& crs) {
    auto& slot = m_reprojectors[crs];
    // An address-only export has no coordinate columns and so no CRS: nothing is ever transformed.
    if (!slot)
        slot = m_working_crs == "none" || crs.empty() ? geo::Reprojector::planar() : std::make_unique<geo::Reprojector>(crs, m_working_crs);
    return *slot;
}

RunReport IncidentImporter::import_file(const std::string& path, const IncidentColumns& columns) {
    m_keys.start_file();
    return looks_like_csv(path) ? import_csv(path, columns) : import_vector(path, columns);
}

void IncidentImporter::reject(RunReport& report, const Incident& inc, const Rejection& why, std::string_view raw) {
    m_rejects.add(report, RejectedRow{inc.source_file, inc.source_line, why.reason, why.detail, raw});
}

void IncidentImporter::accept(Incident& inc, std::span<const std::string> key_fields, std::string_view raw,
                              RunReport& report) {
    if (auto why = place_incident(inc, reprojector_from(inc.src_crs))) {
        reject(report, inc, *why, raw);
        return;
    }
    inc.key = inc.crime_id.empty() ? m_keys.content_key(key_fields) : inc.crime_id;
    switch (m_keys.insert(inc.key)) {
    case KeyRegistry::Seen::new_key: break;
    case KeyRegistry::Seen::in_project:
        reject(report, inc, {"already_in_project", fmt::format("incident {} is already in the project", inc.key)}, raw);
        return;
    case KeyRegistry::Seen::in_this_import:
        reject(report, inc,
               {inc.crime_id.empty() ? "duplicate_row" : "duplicate_crime_id",
                fmt::format("{} {} appeared earlier in this import; the first row is kept",
                            inc.crime_id.empty() ? "row" : "Crime ID", inc.key)},
               raw);
        return;
    }
    if (inc.xy && m_study_area) {
        bool inside = m_study_area->contains(inc.xy->x, inc.xy->y);
        if (!inside && m_study_lsoas && m_study_lsoas->count(inc.lsoa_code)) {
            // Generalised boundaries put some snap points on boundary roads just outside:
            // the LSOA named in the row wins.
            inside = true;
            report.note("in_study_area_by_lsoa_code");
        }
        inc.in_study_area = inside;
        if (!inside) ++report.outside_study_area;
    }
    if (inc.xy && m_lsoas && !inc.lsoa_code.empty()) {
        inc.own_lsoa_distance_m = m_lsoas->distance_to(inc.lsoa_code, inc.xy->x, inc.xy->y);
        if (inc.own_lsoa_distance_m && *inc.own_lsoa_distance_m > 0) report.note("outside_own_lsoa_polygon");
    }
    if (inc.status == GeocodeStatus::not_geocoded) ++report.not_geocoded;
    m_sink.write(inc);
    ++report.kept;
}

std::size_t estimate_rows(const std::vector<std::string>& files) {
    std::size_t rows = 0;
    for (const auto& f : files) {
        std::error_code ec;
        auto bytes = static_cast<std::size_t>(std::filesystem::file_size(f, ec));
        if (ec) continue;
        bool gz = f.size() > 3 && f.compare(f.size() - 3, 3, ".gz") == 0;
        rows += (gz ? bytes * 6 : bytes) / 200;
    }
    return rows;
}

RunReport IncidentImporter::import_csv(const std::string& path, const IncidentColumns& columns) {
    RunReport report;
    CsvReader reader(path);
    CsvRecord record;
    if (!reader.next(record)) throw SchemaError(fmt::format("{}: empty file (no header row)", path));
    repair_encoding(record);
    const bool police_uk = is_police_uk_header(record.fields);
    std::unique_ptr<MappedCsvFormat> mapped;
    if (!police_uk) {
        mapped = std::make_unique<MappedCsvFormat>(path, record.fields, columns);
        reprojector_from(mapped->source_crs()); // fail now, not at the first row, on a bad CRS
    } else if (columns.any()) {
        throw ConfigError(fmt::format("{}: is a police.uk file; column options (--x, --lon, --date, ...) do not apply", path));
    }
    m_format = police_uk ? "police.uk" : "csv";
    const std::string file_name = std::filesystem::path(path).filename().string();

    while (reader.next(record)) {
        ++report.rows_read;
        if (m_progress && report.rows_read % k_progress_every == 0) m_progress(path, report.rows_read);
        Incident& inc = m_incident;
        inc.clear();
        inc.source_file = file_name;
        inc.source_line = record.line;
        if (repair_encoding(record)) report.note("transcoded_from_cp1252");
        if (record.unterminated_quote) {
            reject(report, inc, {"unterminated_quote", "a quoted field runs to the end of the file"}, record.raw);
            continue;
        }
        if (record.fields.size() == 1 && record.fields[0].empty()) {
            reject(report, inc, {"blank_line", "empty line"}, record.raw);
            continue;
        }
        auto why = police_uk ? parse_police_uk_row(record, inc) : mapped->parse(record, inc);
        if (why) {
            reject(report, inc, *why, record.raw);
            continue;
        }
        accept(inc, record.fields, record.raw, report);
    }
    if (m_progress) m_progress(path, report.rows_read);
    return report;
}

} // namespace safermap::io
