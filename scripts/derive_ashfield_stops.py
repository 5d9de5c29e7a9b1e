#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Derive assets/demo/naptan/ashfield-stops.csv, Ashfield's bus stops, from the NaPTAN file.

Run by hand by a maintainer only: nothing at build, run or test time runs this script or reads
../shared (the bundled file is committed).

Reads   ../shared/data/naptan-notts/330Stops.csv   NaPTAN stops of Nottinghamshire (admin area 330),
                                                  DfT, OGL v3.0 (its PROVENANCE.md gives the source)
        shapefiles/ashfield_district_2020.geojson Ashfield's boundary (ONS, WGS84)
Writes  assets/demo/naptan/ashfield-stops.csv     the header and the rows of Ashfield's localities,
                                                  byte for byte and in the source's order

A stop is near Ashfield when its ATCOCode starts 3300AS (Ashfield's stop codes) or it stands
inside the district or within 1 km of its boundary. A locality (NptgLocalityCode) belongs to
Ashfield's places when at least half of its stops (any status) are near; then all of its stops
are kept, so that every place's centre and extent come from the whole locality, not from the
part of it that happens to lie near the boundary. This keeps the edge localities that straddle
the boundary (Ladybrook, Brinsley) and leaves out Mansfield, Ravenshead and Papplewick, of which
only an edge is near, and the few stray 3300AS codes far away (one in Worksop, two in Aslockton).
Distances are measured on a local flat approximation of WGS84 around 53.1 N (metres per degree
from the WGS84 ellipsoid at that latitude): good to a few metres over the district, plenty for
a 1 km margin.

Usage:  derive_ashfield_stops.py [SOURCE_CSV]
Python 3 standard library only (Debian 12's /usr/bin/python3).
"""

import csv
import json
import math
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCE = ROOT.parent / "shared" / "data" / "naptan-notts" / "330Stops.csv"
DISTRICT = ROOT / "shapefiles" / "ashfield_district_2020.geojson"
OUT = ROOT / "assets" / "demo" / "naptan" / "ashfield-stops.csv"
ASHFIELD_PREFIX = "3300AS"
MARGIN_M = 1000.0
LAT0 = 53.1
# Metres per degree on the WGS84 ellipsoid at LAT0 (series for the meridian and parallel arcs).
M_PER_DEG_LAT = 111132.92 - 559.82 * math.cos(2 * math.radians(LAT0)) + 1.175 * math.cos(4 * math.radians(LAT0))
M_PER_DEG_LON = 111412.84 * math.cos(math.radians(LAT0)) - 93.5 * math.cos(3 * math.radians(LAT0))


def to_xy(lon, lat):
    return lon * M_PER_DEG_LON, lat * M_PER_DEG_LAT


def district_rings():
    data = json.loads(DISTRICT.read_text(encoding="utf-8"))
    rings = []
    for feature in data["features"]:
        geometry = feature["geometry"]
        polygons = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        for polygon in polygons:
            for ring in polygon:
                rings.append([to_xy(lon, lat) for lon, lat in ring])
    return rings


def inside(rings, x, y):
    # Even-odd rule over every ring: holes count as outside.
    result = False
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            if (y0 > y) != (y1 > y) and x < x0 + (y - y0) * (x1 - x0) / (y1 - y0):
                result = not result
    return result


def distance_to_edges(rings, x, y):
    best = math.inf
    for ring in rings:
        for (x0, y0), (x1, y1) in zip(ring, ring[1:]):
            dx, dy = x1 - x0, y1 - y0
            t = 0.0 if dx == dy == 0 else max(0.0, min(1.0, ((x - x0) * dx + (y - y0) * dy) / (dx * dx + dy * dy)))
            best = min(best, math.hypot(x - (x0 + t * dx), y - (y0 + t * dy)))
    return best


def main():
    source = Path(sys.argv[1]) if len(sys.argv) > 1 else SOURCE
    raw = source.read_bytes()
    lines = raw.splitlines(keepends=True)
    text_lines = [line.decode("utf-8") for line in lines]
    rows = list(csv.reader(text_lines))
    # Rows are copied byte for byte, so each record must be one line (NaPTAN's are).
    if len(rows) != len(lines):
        sys.exit(f"{source}: a quoted field spans lines; cannot copy rows byte for byte")
    header = rows[0]
    col = {name: i for i, name in enumerate(header)}
    rings = district_rings()

    def is_near(row):
        if row[col["ATCOCode"]].startswith(ASHFIELD_PREFIX):
            return True
        try:
            x, y = to_xy(float(row[col["Longitude"]]), float(row[col["Latitude"]]))
        except ValueError:
            return False  # no position: cannot be shown near Ashfield
        return inside(rings, x, y) or distance_to_edges(rings, x, y) <= MARGIN_M

    stops, near = defaultdict(int), defaultdict(int)
    for row in rows[1:]:
        code = row[col["NptgLocalityCode"]]
        stops[code] += 1
        near[code] += is_near(row)
    localities = {code for code in stops if 2 * near[code] >= stops[code]}
    kept = [lines[0]] + [line for line, row in zip(lines[1:], rows[1:]) if row[col["NptgLocalityCode"]] in localities]
    OUT.parent.mkdir(parents=True, exist_ok=True)
    OUT.write_bytes(b"".join(kept))
    print(f"wrote {OUT}: {len(kept) - 1} of {len(rows) - 1} rows, {len(localities)} localities "
          f"(of {sum(1 for c in stops if near[c])} with a stop near Ashfield)")

if __name__ == "__main__":
    main()
