// SPDX-License-Identifier: MIT
#pragma once
// Street gazetteer sources besides police.uk: any GDAL road layer with a name field (OS Open
// Roads' name1, OpenStreetMap's name, a council's own centrelines) and OS Open Names style
// CSVs (named roads become streets; towns, villages and suburbs become localities).

#include "core/rejects.hpp"
#include "core/run_report.hpp"
#include "geocode/street_grouping.hpp"

#include <string>
#include <vector>

namespace safermap::geocode {

// A named place with a bounding box (Open Names' MBR), in British National Grid.
struct LocalityBox {
    std::string name;
    std::string kind; // town, village, suburb, ...
    double min_x, min_y, max_x, max_y;
};

struct StreetSourceOptions {
    std::string layer;         // for multi-layer files
    std::string crs_override;  // for layers without a CRS
    std::string name_field;    // empty: detected
    std::string locality_field; // empty: detected (may be absent)
};

struct StreetSource {
    std::string format; // "roads" or "open_names"
    std::vector<StreetPiece> pieces;
    std::vector<LocalityBox> localities;
};

// Reads `path`: an Open Names CSV (with its header row, or headerless in OS_Open_Names_Header
// order) or any GDAL vector layer of roads. Features without a name or geometry are rejected
// and counted. Throws IoError/SchemaError/CrsError naming the file.
StreetSource read_street_source(const std::string& path, const StreetSourceOptions& options, Rejects& rejects,
                                RunReport& report);

} // namespace safermap::geocode
