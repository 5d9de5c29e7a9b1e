// SPDX-License-Identifier: MIT
#pragma once
// Places to orient by, from NaPTAN (the Department for Transport's register of bus stops, OGL
// v3.0): each stop names its street and its NPTG locality (a town, village, suburb or estate),
// so a locality's active stops give it a centre, an extent and its streets.

#include "core/incident.hpp"
#include "core/rejects.hpp"
#include "core/run_report.hpp"

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace safermap::io {

// How far around a bus stop counts as the area it serves, in metres. 250 m covers the streets
// between an estate's bus routes (Ashfield's estates are 0.5-1 km across, with their stops on
// the spine roads) without reaching far into the next estate, as the 400 m walking catchment
// of bus-stop planning guidance (CIHT, Buses in Urban Developments, 2018) would. Used for the
// --area of a place that has no boundary and for the locality boxes the gazetteer takes from
// NaPTAN.
inline constexpr double k_stop_catchment_m = 250;

// A locality needs at least this many active stops to be a town. In Nottinghamshire's NaPTAN
// the towns that other localities name as parent (Mansfield 204, Worksop 186, Sutton in
// Ashfield 109, Kirkby in Ashfield 86, Hucknall 86, Arnold 70, Eastwood 50, ...) have 50 or
// more, while the large villages that are parents of hamlets (Radcliffe on Trent 46, Selston 38,
// Annesley 21) have fewer. The price: Ollerton, a small town with 40 stops, ranks as a village.
inline constexpr std::size_t k_town_min_stops = 50;

// One active stop of a NaPTAN stops file: British National Grid metres (EPSG:27700).
struct NaptanStop {
    std::string atco_code;     // ATCOCode, e.g. 3300AS0001
    std::string common_name;   // CommonName
    std::string street;        // Street: "" when blank or the placeholder "-"
    std::string locality_code; // NptgLocalityCode, e.g. E0057594
    std::string locality_name; // LocalityName, e.g. "Kirkby in Ashfield"
    std::string parent_name;   // ParentLocalityName; "" for none
    std::string town;          // Town; "" for none
    XY xy;                     // Easting, Northing
    std::int64_t line = 0;     // 1-based line in the file
};

// A place: one NPTG locality, made from its active stops.
struct Place {
    std::string code;    // NPTG locality code
    std::string name;    // LocalityName ("Sutton in Ashfield": NaPTAN spells towns without hyphens)
    std::string parent;  // ParentLocalityName; "" for none
    std::string kind;    // town, village, suburb or estate (rules at group_places)
    int rank = 0;        // 1 town, 2 village, 3 suburb or estate: the order labels give way in
    XY centre;           // mean of the stops' positions
    double min_x = 0, min_y = 0, max_x = 0, max_y = 0; // the stops' bounding box
    double radius_m = 0; // distance from the centre to the farthest stop
    std::vector<XY> stops;            // the active stops' positions, in file order
    std::vector<std::string> streets; // distinct street names of its stops (case ignored), sorted
};

// True when `header` (a CSV's first row) is a NaPTAN stops file's: it has ATCOCode,
// NptgLocalityCode, LocalityName, Easting, Northing and Status (case and surrounding spaces
// ignored; other columns may come in any order).
bool is_naptan_stops_header(const std::vector<std::string>& header);

// True when `path` is a CSV (.csv or .csv.gz) whose first row is a NaPTAN stops header. False
// for other files, an empty file included. Throws IoError when a CSV cannot be opened.
bool is_naptan_stops_file(const std::string& path);

// Reads the active stops of a NaPTAN stops CSV (plain or gzip). Every data row is counted in
// `report.rows_read` and ends one of three ways:
//  - kept (`report.kept`) and returned: Status active, with a locality and a position;
//  - skipped, not an error: Status inactive or pending, counted as the notes `inactive_stop`
//    and `pending_stop` (so rows_read == kept + rejected + those notes);
//  - rejected through `rejects` with its line and one of: no_location (Easting or Northing
//    blank), bad_coordinates (not a number), coordinates_out_of_range (0 or outside the
//    National Grid, 0-700000 E, 0-1300000 N), no_locality (NptgLocalityCode or LocalityName
//    blank), bad_status (blank or another word), short_row, long_row, unterminated_quote.
// A kept stop whose Street is blank or "-" is noted `no_street`. Throws IoError when the file
// cannot be read, SchemaError naming the file and the missing columns when it is not a NaPTAN
// stops file. An empty file (no header) is a SchemaError too.
std::vector<NaptanStop> read_naptan_stops(const std::string& path, Rejects& rejects, RunReport& report);

// Groups stops by NptgLocalityCode into places, ordered by rank, then name, then code. Stops
// are in any planar CRS in metres (centre, extent and radius come out in it). Name, parent
// come from the locality's first stop (NaPTAN copies them from the NPTG, so its stops agree).
// Kind and rank, in this order:
//  - town (rank 1): another locality among `stops` names it as its parent, or a stop names it
//    in the Town column, and it has at least `town_min_stops` active stops;
//  - estate (rank 3): it has a parent and its name has the word "Estate" (Carsic Estate);
//  - suburb (rank 3): it has a parent (Sutton Junction, in Sutton in Ashfield);
//  - village (rank 2): the rest (Selston, Underwood, Annesley).
// Empty input gives no places.
std::vector<Place> group_places(const std::vector<NaptanStop>& stops, std::size_t town_min_stops = k_town_min_stops);

} // namespace safermap::io
