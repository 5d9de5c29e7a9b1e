// SPDX-License-Identifier: MIT
#include "app/cli/import_report.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::cli {

namespace {

std::string base(const std::string& path) { return std::filesystem::path(path).filename().string(); }

void print_reasons(std::FILE* out, const RunReport& r) {
    for (const auto& [reason, n] : r.rejected_by_reason) fmt::print(out, "  rejected  {:<30} {:>9}\n", reason, n);
    for (const auto& [reason, n] : r.notes_by_reason) fmt::print(out, "  note      {:<30} {:>9}\n", reason, n);
}

void print_features(std::FILE* out, const char* what, const std::vector<io::FeatureImportResult>& results) {
    for (const auto& r : results) {
        fmt::print(out, "{} {}: {} read, {} stored, {} rejected\n", what, base(r.path), r.report.rows_read, r.report.kept,
                   r.report.rejected());
        for (const auto& m : r.messages) fmt::print(out, "  {}\n", m);
        print_reasons(out, r.report);
    }
}

void print_rejects(std::FILE* out, const io::ImportSummary& s) {
    if (s.rejects_path.empty()) fmt::print(out, "Rejects: none\n");
    else fmt::print(out, "Rejects: {} rows written to {}\n", s.rejects_written, s.rejects_path);
}

} // namespace

void print_import_report(std::FILE* out, const io::ImportSummary& s) {
    fmt::print(out, "{} project {} (working CRS {})\n", s.created ? "Created" : "Updated", s.project, s.working_crs);
    for (const auto& b : s.boundaries) {
        fmt::print(out, "Boundaries {} [{}]: {} read, {} stored ({} replaced), {} repaired, {} rejected; name field '{}', "
                        "code field '{}'{}\n",
                   base(b.spec.path), to_string(b.spec.kind), b.report.rows_read, b.report.kept, b.replaced,
                   b.repairs.size(), b.report.rejected(), b.name_field, b.code_field.empty() ? "(name)" : b.code_field,
                   b.vintage.empty() ? "" : fmt::format(", vintage {}", b.vintage));
        for (const auto& r : b.repairs)
            fmt::print(out, "  repaired feature {} {} '{}': {}; area {:.1f} m² -> {:.1f} m²\n", r.source_fid, r.code, r.name,
                       r.reason, r.area_before_m2, r.area_after_m2);
        for (const auto& [reason, n] : b.report.rejected_by_reason) fmt::print(out, "  rejected  {:<30} {:>9}\n", reason, n);
    }
    print_features(out, "CCTV", s.cctv);
    print_features(out, "Interventions", s.interventions);
    if (s.incidents.empty()) {
        print_rejects(out, s);
        return;
    }
    if (!s.study_area.empty())
        fmt::print(out, "Study area: {}; {} LSOAs inside it\n", s.study_area, s.study_area_lsoas);
    if (s.lsoa_polygons) fmt::print(out, "Own-LSOA check against {} LSOA polygons\n", s.lsoa_polygons);
    fmt::print(out, "\n{:<44} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "incident file", "read", "kept", "no coords", "outside",
               "rejected");
    for (const auto& f : s.incidents) {
        const RunReport& r = f.report;
        fmt::print(out, "{:<44} {:>9} {:>9} {:>9} {:>9} {:>9}\n", fmt::format("{} ({})", base(f.path), f.format), r.rows_read,
                   r.kept, r.not_geocoded, r.outside_study_area, r.rejected());
    }
    const RunReport& t = s.incidents_total;
    fmt::print(out, "{:<44} {:>9} {:>9} {:>9} {:>9} {:>9}\n", "total", t.rows_read, t.kept, t.not_geocoded,
               t.outside_study_area, t.rejected());
    print_reasons(out, t);
    print_rejects(out, s);
}

} // namespace safermap::cli
