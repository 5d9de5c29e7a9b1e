// SPDX-License-Identifier: MIT
#include "geocode/project_geocoding.hpp"

#include "core/error.hpp"
#include "core/output_file.hpp"
#include "io/csv/csv_header.hpp"
#include "io/csv/csv_reader.hpp"
#include "io/gdal/gpkg_output.hpp"
#include "io/incidents/mapped_csv_format.hpp"
#include "io/project/project_schema.hpp"
#include "io/project/project_store.hpp"
#include "io/csv/rejects_writer.hpp"
#include "io/project/schema_layer.hpp"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <unordered_map>

namespace safermap::geocode {

namespace {

struct ManualPosition {
    XY xy;
    std::string source;
};

// Reviewed positions: key,x,y in British National Grid (the unmatched list, filled in).
std::unordered_map<std::string, ManualPosition> read_manual(const std::string& path) {
    std::unordered_map<std::string, ManualPosition> out;
    if (path.empty()) return out;
    io::CsvReader reader(path);
    io::CsvRecord r;
    if (!reader.next(r)) throw ConfigError(fmt::format("{}: empty --manual file", path));
    const io::CsvHeader h(r.fields);
    const int key = h.require("key", path, "--manual"), x = h.require("x", path, "--manual"), y = h.require("y", path, "--manual");
    while (reader.next(r)) {
        auto at = [&](int i) { return static_cast<std::size_t>(i) < r.fields.size() ? r.fields[static_cast<std::size_t>(i)] : std::string(); };
        if (at(x).empty() && at(y).empty()) continue; // a row still under review
        auto px = io::parse_number(at(x)), py = io::parse_number(at(y));
        if (!px || !py || *px < 0 || *px > 700000 || *py < 0 || *py > 1300000)
            throw ConfigError(fmt::format("{} line {}: x '{}', y '{}' are not British National Grid metres", path, r.line, at(x), at(y)));
        out[at(key)] = ManualPosition{XY{*px, *py}, fmt::format("{} line {}", path, r.line)};
    }
    return out;
}

std::string text(const OGRFeature& f, const char* field) { return f.GetFieldAsString(field); }

bool same_position(const OGRFeature& f, const std::optional<XY>& xy) {
    const OGRGeometry* g = f.GetGeometryRef();
    const bool had = g && !g->IsEmpty();
    if (had != xy.has_value()) return false;
    if (!had) return true;
    return std::abs(g->toPoint()->getX() - xy->x) < 0.05 && std::abs(g->toPoint()->getY() - xy->y) < 0.05;
}

void set_position(OGRFeature& f, const std::optional<XY>& xy) {
    if (xy) {
        OGRPoint p(xy->x, xy->y);
        f.SetGeometry(&p);
    } else {
        f.SetGeometryDirectly(nullptr);
    }
}

} // namespace

GeocodeSummary geocode_project(const Matcher& matcher, const ProjectGeocodeRequest& req) {
    const auto start = std::chrono::steady_clock::now();
    auto manual = read_manual(req.manual_file);
    io::ProjectStore store = io::ProjectStore::open(req.project, true);
    auto srs = io::spatial_reference(store.working_crs());
    if (store.working_crs() != "EPSG:27700")
        throw ConfigError(fmt::format("{}: working CRS is {}; geocoding places incidents in British National Grid (EPSG:27700)",
                                      store.path(), store.working_crs()));
    OGRLayer& incidents = io::ensure_schema_layer(store.dataset(), io::schema::layer(io::schema::k_incidents), srs.get(), store.path());
    const std::string unmatched_path = req.unmatched_path.empty() ? store.location().file_stem() + ".unmatched.csv" : req.unmatched_path;
    ReplacementFile review_file(unmatched_path, "CSV");
    std::FILE* review = review_file.stream();
    std::fputs("key,x,y,address,postcode,match_level,candidates,match_note\n", review);

    GeocodeSummary summary;
    summary.unmatched_file = unmatched_path;
    store.begin();
    incidents.SetAttributeFilter("geocode_status IN ('not_geocoded', 'geocoded', 'manual')");
    std::vector<OGRFeatureUniquePtr> changed;
    const std::int64_t waiting = incidents.GetFeatureCount(TRUE);
    std::int64_t looked_at = 0;
    for (auto& f : incidents) {
        if (req.progress && ++looked_at % 1000 == 0) req.progress(looked_at, waiting);
        const std::string key = text(*f, "key");
        const std::string status = text(*f, "geocode_status");
        if (auto it = manual.find(key); it != manual.end() || status == "manual") {
            ++summary.manual;
            if (it == manual.end() || (status == "manual" && same_position(*f, it->second.xy))) {
                ++summary.unchanged;
                continue;
            }
            OGRFeatureUniquePtr copy(f->Clone());
            set_position(*copy, it->second.xy);
            copy->SetField("geocode_status", "manual");
            copy->SetField("match_level", "manual");
            copy->SetFieldNull(copy->GetFieldIndex("match_score"));
            copy->SetField("match_candidates", 1);
            copy->SetField("gazetteer_ref", "");
            copy->SetField("positional_quality", "placed by hand");
            copy->SetField("match_note", ("from " + it->second.source).c_str());
            changed.push_back(std::move(copy));
            continue;
        }
        std::string locality;
        if (!req.locality_attribute.empty()) {
            auto attrs = nlohmann::json::parse(text(*f, "attributes"), nullptr, false);
            if (attrs.is_object() && attrs.contains(req.locality_attribute) && attrs[req.locality_attribute].is_string())
                locality = attrs[req.locality_attribute].get<std::string>();
        }
        const std::string address = text(*f, "address"), postcode = text(*f, "postcode");
        const MatchResult m = matcher.match(MatchInput{address, postcode, locality});
        summary.count(m);
        if (!m.placed()) {
            std::string row = key + ",,,";
            io::append_csv_field(row, address);
            row += ',';
            io::append_csv_field(row, postcode);
            row += fmt::format(",{},{},", to_string(m.level), m.candidates);
            io::append_csv_field(row, m.note);
            std::fputs(row.c_str(), review);
            std::fputc('\n', review);
        }
        if (text(*f, "match_level") == to_string(m.level) && text(*f, "gazetteer_ref") == m.ref && same_position(*f, m.xy) &&
            text(*f, "match_note") == m.note) {
            ++summary.unchanged;
            continue;
        }
        OGRFeatureUniquePtr copy(f->Clone());
        set_position(*copy, m.xy);
        copy->SetField("geocode_status", m.placed() ? "geocoded" : "not_geocoded");
        copy->SetField("match_level", std::string(to_string(m.level)).c_str());
        if (m.level == MatchLevel::unmatched) copy->SetFieldNull(copy->GetFieldIndex("match_score"));
        else copy->SetField("match_score", std::round(m.score * 1000) / 1000);
        copy->SetField("match_candidates", m.candidates);
        copy->SetField("gazetteer_ref", m.ref.c_str());
        copy->SetField("positional_quality", m.quality.c_str());
        copy->SetField("match_note", m.note.c_str());
        changed.push_back(std::move(copy));
    }
    incidents.SetAttributeFilter(nullptr);
    for (auto& f : changed) {
        if (incidents.SetFeature(f.get()) != OGRERR_NONE)
            throw IoError(fmt::format("{}: cannot update incident {}", store.path(), f->GetFID()));
    }
    summary.changed = static_cast<std::int64_t>(changed.size());
    store.commit();
    store.close();
    review_file.commit();
    summary.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return summary;
}

} // namespace safermap::geocode
