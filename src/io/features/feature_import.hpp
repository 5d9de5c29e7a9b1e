// SPDX-License-Identifier: MIT
#pragma once

#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "geo/geos_context.hpp"
#include "io/project/project_store.hpp"

#include <ogr_feature.h>

#include <functional>
#include <optional>
#include <string>
#include <vector>

namespace safermap::io {

struct FeatureImportResult {
    std::string path;
    std::string source_crs;
    std::vector<std::string> messages; // e.g. "CRS EPSG:4326 assumed from the column names lon/lat"
    RunReport report;
};

// Copies a GDAL layer (or a CSV of points) into a project layer: reads each feature,
// reprojects its geometry to the working CRS, repairs polygons with GEOS MakeValid, and lets
// `fill` map the attributes. `fill` returns a Rejection to refuse the feature; it may add
// notes to the report. `points_only` refuses non-point geometry. Throws when the input cannot
// be used at all.
using FillFeature = std::function<std::optional<Rejection>(const OGRFeature& in, OGRFeature& out, RunReport& report)>;

FeatureImportResult import_features(ProjectStore& store, std::string_view target_layer, const std::string& path,
                                    const std::string& crs_override, bool points_only, Rejects& rejects,
                                    const geo::GeosContext& geos, const FillFeature& fill);

// Parses an optional number field: empty -> nullopt; not a number or outside [lo, hi] -> a
// Rejection with `reason`.
struct NumberField {
    std::optional<double> value;
    std::optional<Rejection> error;
};
NumberField read_number(const std::string& text, double lo, double hi, const char* what, const char* reason);

// Parses an optional date field: empty -> iso "", unreadable -> a bad_date Rejection.
struct DateField {
    std::string iso;
    std::optional<Rejection> error;
};
DateField read_date(const std::string& text, const char* what);

// "1", "true", "yes", "y" (any case) -> true.
bool is_truthy(const std::string& text);

// Sets the fields every site layer shares: `id_field` from input field `id_index` (the feature
// id when blank) and `illustrative` from input field `illustrative_index` (noted in `report`).
void set_id_and_illustrative(const OGRFeature& in, OGRFeature& out, const char* id_field, int id_index,
                             int illustrative_index, RunReport& report);

} // namespace safermap::io
