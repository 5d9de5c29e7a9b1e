// SPDX-License-Identifier: MIT
#include "app/cli/import_report.hpp"

#include "app/cli/row_report.hpp"

#include <fmt/format.h>

#include <filesystem>

namespace safermap::cli {

namespace {

std::string base(const std::string& path) { return std::filesystem::path(path).filename().string(); }

void print_features(std::FILE* out, const char* what, const std::vector<io::FeatureImportResult>& results) {
    for (const auto& r : results) {
        fmt::print(out, "{} {}: {} read, {} stored, {} rejected\n", what, base(r.path), r.report.rows_read, r.report.kept,
                   r.report.rejected());
        for (const auto& m : r.messages) fmt::print(out, "  {}\n", m);
        print_row_report(out, r.report);
    }
}

// "Places ashfield-stops.csv (NaPTAN): 968 stops read, 873 active in 50 places (town 3; ...), 0 replaced"
void print_places(std::FILE* out, const std::vector<io::PlaceImportResult>& results) {
    for (const auto& r : results) {
        std::string kinds;
        for (const auto& [kind, n] : r.places_by_kind) kinds += fmt::format("{}{} {}", kinds.empty() ? "" : "; ", kind, n);
        fmt::print(out, "Places {} (NaPTAN): {} stops read, {} active in {} places{}, {} replaced, {} rejected\n", base(r.path),
                   r.report.rows_read, r.report.kept, r.places, kinds.empty() ? "" : " (" + kinds + ")", r.replaced,
                   r.report.rejected());
        print_row_report(out, r.report);
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
    print_places(out, s.places);
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
    print_row_report(out, t);
    print_rejects(out, s);
}

namespace {

nlohmann::ordered_json report_json(const RunReport& r) {
    return {{"rows_read", r.rows_read},
            {"kept", r.kept},
            {"not_geocoded", r.not_geocoded},
            {"outside_study_area", r.outside_study_area},
            {"rejected", r.rejected()},
            {"rejected_by_reason", r.rejected_by_reason},
            {"notes_by_reason", r.notes_by_reason}};
}

nlohmann::ordered_json features_json(const std::vector<io::FeatureImportResult>& results) {
    nlohmann::ordered_json out = nlohmann::ordered_json::array();
    for (const auto& r : results) {
        nlohmann::ordered_json j{{"path", r.path}, {"source_crs", r.source_crs}, {"messages", r.messages}};
        j.update(report_json(r.report));
        out.push_back(j);
    }
    return out;
}

} // namespace

nlohmann::ordered_json import_summary_json(const io::ImportSummary& s) {
    nlohmann::ordered_json j{{"project", s.project}, {"created", s.created}, {"working_crs", s.working_crs}};
    nlohmann::ordered_json boundaries = nlohmann::ordered_json::array();
    for (const auto& b : s.boundaries) {
        nlohmann::ordered_json e{{"path", b.spec.path},           {"kind", std::string(to_string(b.spec.kind))},
                                 {"name_field", b.name_field},    {"code_field", b.code_field},
                                 {"vintage", b.vintage},          {"replaced", b.replaced},
                                 {"repaired", b.repairs.size()}};
        e.update(report_json(b.report));
        boundaries.push_back(e);
    }
    j["boundaries"] = boundaries;
    j["cctv"] = features_json(s.cctv);
    j["interventions"] = features_json(s.interventions);
    nlohmann::ordered_json places = nlohmann::ordered_json::array();
    for (const auto& p : s.places) {
        nlohmann::ordered_json e{{"path", p.path}, {"format", p.format}, {"places", p.places}, {"replaced", p.replaced},
                                 {"places_by_kind", p.places_by_kind}};
        e.update(report_json(p.report));
        places.push_back(e);
    }
    j["places"] = places;
    nlohmann::ordered_json files = nlohmann::ordered_json::array();
    for (const auto& f : s.incidents) {
        nlohmann::ordered_json e{{"path", f.path}, {"format", f.format}};
        e.update(report_json(f.report));
        files.push_back(e);
    }
    j["incidents"] = {{"files", files}, {"total", report_json(s.incidents_total)}};
    j["study_area"] = s.study_area.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.study_area);
    j["rejects_path"] = s.rejects_path.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(s.rejects_path);
    j["rejects_written"] = s.rejects_written;
    return j;
}

} // namespace safermap::cli
