// SPDX-License-Identifier: MIT
#pragma once
// What travels with an analysis result to every writer: its parameters, and its named columns.

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace safermap {

// Parameters that travel with a result (method, input, crs, period, categories, kernel,
// bandwidth_m, cell_size_m...), as a JSON object in the order they were set: numbers stay
// numbers and booleans booleans. GeoTIFF metadata items and GeoPackage layer metadata get
// metadata_text() of each value; a CSV's sidecar JSON gets the object itself.
using ResultMetadata = nlohmann::ordered_json;

// A value as text for formats that only hold text: strings as they are, the rest as JSON.
inline std::string metadata_text(const nlohmann::ordered_json& value) {
    return value.is_string() ? value.get<std::string>() : value.dump();
}

// One named column of values: a band of a grid (row-major from the south-west, like
// analysis::Surface) or one value per polygon or point, in input order. `classes` marks whole
// numbers such as Gi* bins or emerging categories, written as integers where a format types
// its bands (GeoTIFF Int16).
struct GridBand {
    std::string name;
    std::vector<double> values;
    bool classes = false;
};

} // namespace safermap
