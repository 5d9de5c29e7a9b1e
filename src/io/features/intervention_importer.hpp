// SPDX-License-Identifier: MIT
#pragma once

#include "io/features/feature_import.hpp"

namespace safermap::io {

// Imports interventions (points, lines or polygons) into the project's `interventions` layer.
// Fields found by name, case-insensitive: intervention_id (intervention_id, id), type
// (required: alley_gate, street_lighting, cctv, target_hardening or other; "alley gates",
// "lighting", "target hardening" and similar are accepted), install_date (install_date,
// installed, date), funding (funding, funding_source), description (description, details),
// illustrative. Rejects: bad_type, bad_date, no_location, coordinates_out_of_range.
FeatureImportResult import_interventions(ProjectStore& store, const std::string& path, const std::string& crs_override,
                                         Rejects& rejects, const geo::GeosContext& geos);

// Normalises an intervention type; empty result for an unrecognised one.
std::string normalise_intervention_type(const std::string& text);

} // namespace safermap::io
