// SPDX-License-Identifier: MIT
#pragma once
// What travels with an analysis result to every writer: its parameters, and its named columns.

#include <map>
#include <string>
#include <vector>

namespace safermap {

// Parameters that travel with a result (method, kernel, bandwidth_m, cell_size_m, period,
// filters, crs...): GeoTIFF metadata items, a CSV's sidecar JSON, GeoPackage layer metadata.
using ResultMetadata = std::map<std::string, std::string>;

// One named column of values: a band of a grid (row-major from the south-west, like
// analysis::Surface) or one value per polygon or point, in input order.
struct GridBand {
    std::string name;
    std::vector<double> values;
};

} // namespace safermap
