// SPDX-License-Identifier: MIT
#pragma once

#include "core/run_report.hpp"
#include "io/features/boundary_importer.hpp"
#include "io/features/feature_import.hpp"
#include "io/features/place_importer.hpp"
#include "io/incidents/incident_columns.hpp"
#include "io/project/project_store.hpp"

#include <functional>
#include <string>
#include <vector>

namespace safermap::io {

// Everything one `safermap import` asks for.
struct ImportRequest {
    std::string project;
    ProjectSettings new_project;              // used only when the project does not exist yet
    std::vector<BoundarySpec> boundaries;     // imported first, so the study area can use them
    std::vector<std::string> cctv_files;
    std::vector<std::string> intervention_files;
    std::vector<std::string> places_files;    // NaPTAN stops CSVs: their localities become places
    std::string feature_crs;                  // CRS for CCTV/intervention inputs that have none
    std::vector<std::string> incident_files;
    IncidentColumns columns;
    std::string study_area_kind;              // boundaries of this kind (e.g. district) ...
    std::string clip_file;                    // ... or the polygons of this file
    std::string rejects_path;                 // empty: <project stem>.rejects-<import id>.csv
    std::function<void(const std::string& file, std::int64_t rows)> progress;
};

struct IncidentFileResult {
    std::string path;
    std::string format;
    RunReport report;
};

struct ImportSummary {
    std::string project;
    std::string working_crs;
    bool created = false;
    std::vector<BoundaryImportResult> boundaries;
    std::vector<FeatureImportResult> cctv;
    std::vector<FeatureImportResult> interventions;
    std::vector<PlaceImportResult> places;
    std::vector<IncidentFileResult> incidents;
    RunReport incidents_total;
    std::string study_area;        // description, empty when none
    std::size_t study_area_lsoas = 0;
    std::size_t lsoa_polygons = 0; // LSOA boundaries used for the own-LSOA check
    std::string rejects_path;      // empty when a default rejects file had nothing to hold
    long long rejects_written = 0;
};

// Runs an import in one transaction: boundaries, CCTV, interventions, places, then incidents,
// then the import log. Any error rolls the whole import back (a project created by this call is
// deleted) and is rethrown, so a failed or interrupted import leaves the project as it was.
ImportSummary run_import(const ImportRequest& request);

} // namespace safermap::io
