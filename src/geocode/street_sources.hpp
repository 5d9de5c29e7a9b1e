// SPDX-License-Identifier: MIT
#pragma once
// Street gazetteer sources besides police.uk: any GDAL road layer with a name field (OS Open
// Roads' name1, OpenStreetMap's name, a council's own centrelines), OS Open Names style
// CSVs (named roads become streets; towns, villages and suburbs become localities) and NaPTAN
// stops CSVs (each stop's street at the stop; its NPTG locality becomes a locality).

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
    std::string format; // "roads", "open_names" or "naptan"
    std::vector<StreetPiece> pieces;
    std::vector<LocalityBox> localities;
};

// Reads `path`: a NaPTAN stops CSV (detected by its header: io::is_naptan_stops_header), an
// Open Names CSV (with its header row, or headerless in OS_Open_Names_Header order) or any GDAL
// vector layer of roads. Features without a name or geometry are rejected and counted. A
// NaPTAN file gives one point piece per active stop with a street (Street not blank or "-";
// the locality is its LocalityName) and one locality per NPTG locality: the box round its
// active stops grown by io::k_stop_catchment_m; its rows are counted as read_naptan_stops says.
// Throws IoError/SchemaError/CrsError naming the file.
StreetSource read_street_source(const std::string& path, const StreetSourceOptions& options, Rejects& rejects,
                                RunReport& report);

} // namespace safermap::geocode
