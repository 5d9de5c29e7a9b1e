// SPDX-License-Identifier: MIT
#pragma once
// Turning pieces of streets (police.uk snap points, centreline segments, Open Names road
// sections) into streets: one per name per town. Pieces with the same name and locality
// that lie within a linking distance of each other are one street; the same name further
// apart (Church Street in Sutton and in Kirkby) stays two streets.

#include "core/incident.hpp"

#include <string>
#include <vector>

namespace safermap::geocode {

struct StreetPiece {
    std::string name;     // as published
    std::string key;      // street_key(name)
    std::string locality; // as published; may be empty
    std::string kind;     // "street" or "place"
    std::vector<XY> points;            // a point piece has one; a line piece has its vertices
    bool is_line = false;
    double weight = 1;                 // police.uk: crimes snapped to the point
    std::string area;                  // police.uk: the LSOA name of the crimes snapped here
};

struct StreetRecord {
    std::string name, key, locality, kind;
    std::string near_street;           // places: the nearest street (see attach_near_streets)
    std::vector<XY> points;            // every point or vertex of the street
    std::vector<std::vector<XY>> lines; // line pieces, for writing centrelines back out
    XY rep;                            // a point on the street near its middle
    std::vector<std::string> areas;    // distinct LSOA names of its pieces (police.uk)
};

// Groups pieces by (key, locality key) and links pieces closer than `link_m` (single
// linkage). Output order: by key, then locality, then first piece.
std::vector<StreetRecord> group_street_pieces(std::vector<StreetPiece> pieces, double link_m);

// Fills near_street for every place: the street whose point is nearest, within `max_m`.
void attach_near_streets(std::vector<StreetRecord>& records, double max_m);

} // namespace safermap::geocode
