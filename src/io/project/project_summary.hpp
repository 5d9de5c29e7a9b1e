// SPDX-License-Identifier: MIT
#pragma once

#include "core/run_report.hpp"
#include "io/project/import_log.hpp"

#include <nlohmann/json.hpp>

#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace safermap::io {

struct LayerSummary {
    std::string name;
    std::string geometry_type;
    long long features = 0;
    std::optional<std::array<double, 4>> extent; // min_x, min_y, max_x, max_y in the working CRS
};

// A layer an analysis saved into the project (`--out project.gpkg`): any layer that is not
// part of the project schema, with what its metadata says it holds.
struct ResultLayerSummary {
    std::string name;
    std::string geometry_type;
    long long features = 0;
    std::string method, period, categories; // from the layer metadata; "" when absent
};

// What `safermap info` reports about a project.
struct ProjectSummary {
    std::string path;
    std::string name;
    std::string crs;      // e.g. EPSG:27700
    std::string crs_name; // e.g. OSGB36 / British National Grid
    std::map<std::string, std::string> settings;
    std::vector<LayerSummary> layers;
    std::vector<ResultLayerSummary> results;
    // Incidents, over all imports into the project: rows_read == incidents + rejected.
    long long rows_read = 0;
    long long incidents = 0;
    long long not_geocoded = 0;
    long long outside_study_area = 0;
    long long rejected = 0;
    std::map<std::string, std::int64_t> rejected_by_reason;
    std::map<std::string, std::int64_t> notes_by_reason;
    std::string first_month, last_month;
    std::vector<std::pair<std::string, long long>> incidents_by_category; // most first
    std::map<std::string, long long> incidents_by_match_level; // geocoded rows (and manual), by level
    std::map<std::string, long long> boundaries_by_kind;
    long long cctv_illustrative = 0;
    long long interventions_illustrative = 0;
    std::map<std::string, long long> interventions_by_type;
    long long places = 0;                            // NaPTAN localities in the places layer (0 without one)
    std::map<std::string, long long> places_by_kind; // town, village, suburb, estate
    std::vector<ImportLogEntry> import_log;
};

// Reads a project (read-only). Throws IoError/SchemaError as ProjectStore::open does.
ProjectSummary summarise_project(const std::string& path);

// The `info --json` object; its keys are a contract (README): rows_read, incidents,
// not_geocoded, outside_study_area, rejected, rejected_by_reason, layers, crs, places, ...
nlohmann::ordered_json to_json(const ProjectSummary& summary);

} // namespace safermap::io
