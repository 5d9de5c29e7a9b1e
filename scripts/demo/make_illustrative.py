#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Makes the ILLUSTRATIVE CCTV sites and Safer Streets interventions of the Ashfield demo.

No public register of Ashfield's camera or scheme positions exists, so these are placed on
real police.uk snap points (public, anonymised street positions) in the town centres and
priority areas, deterministically, and every record carries illustrative=1. They show how the
tool handles such layers; they say nothing about where Ashfield's real cameras are.
Reads assets/demo/policeuk/*.csv.gz; writes assets/demo/cctv_illustrative.csv and
assets/demo/interventions_illustrative.geojson. Standard library only.
"""
import collections
import csv
import gzip
import json
import pathlib
import random
import sys

root = pathlib.Path(sys.argv[1])
rows = []
for path in sorted((root / "assets/demo/policeuk").glob("*.csv.gz")):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        rows.extend(r for r in csv.DictReader(f) if r["Longitude"] and r["LSOA name"].startswith("Ashfield "))

# Busiest snap points per LSOA: (lon, lat, street) -> incidents.
points = collections.Counter((r["Longitude"], r["Latitude"], r["Location"], r["LSOA code"]) for r in rows)

def busiest(lsoas, n, skip=()):
    ranked = [p for p, _ in points.most_common() if p[3] in lsoas and p not in skip]
    return ranked[:n]

town_centres = {
    "Sutton-in-Ashfield": ({"E01027967", "E01027976", "E01027977", "E01027978"}, 25),
    "Kirkby-in-Ashfield": ({"E01027947", "E01027948"}, 14),
    "Hucknall": ({"E01027925", "E01027927", "E01027928", "E01027932"}, 16),
}
priority = {"E01027967", "E01027930", "E01033782", "E01027974", "E01027980", "E01027983", "E01027956"}

rng = random.Random(59)
cameras = []
used = set()
for town, (lsoas, n) in town_centres.items():
    for p in busiest(lsoas, n):
        used.add(p)
        k = len(cameras)
        ptz = k % 4 == 0
        new = k % 2 == 1  # about half came with Safer Streets money (29 -> 59)
        cameras.append({
            "camera_id": f"ASH-{k + 1:03d}", "location": f"{p[2].replace('On or near ', '')}, {town}",
            "type": "ptz" if ptz else "fixed", "heading_deg": "" if ptz else rng.randrange(0, 360, 5),
            "fov_deg": 360 if ptz else 60, "range_m": 100 if ptz else rng.choice([50, 60, 75]),
            "install_date": f"{rng.choice([2022, 2023, 2024])}-{rng.randint(1, 12):02d}-01" if new
                            else f"{rng.choice([2012, 2015, 2018])}-04-01",
            "status": "live", "funding": rng.choice(["Safer Streets 3", "Safer Streets 4"]) if new else "Ashfield DC",
            "illustrative": 1, "lon": p[0], "lat": p[1]})
for p in busiest(priority, 4, used):
    k = len(cameras)
    cameras.append({
        "camera_id": f"ASH-R{k - 54:02d}", "location": f"{p[2].replace('On or near ', '')} (redeployable)",
        "type": "redeployable", "heading_deg": rng.randrange(0, 360, 5), "fov_deg": 70, "range_m": 60,
        "install_date": "2024-06-01", "status": "live", "funding": "Safer Streets 5", "illustrative": 1,
        "lon": p[0], "lat": p[1]})
assert len(cameras) == 59, len(cameras)
with open(root / "assets/demo/cctv_illustrative.csv", "w", newline="", encoding="utf-8") as f:
    w = csv.DictWriter(f, fieldnames=list(cameras[0].keys()), lineterminator="\n")
    w.writeheader()
    w.writerows(cameras)

# Interventions in the priority areas: 8 alley gates (points), lighting schemes (lines
# joining snap points on one street), target hardening (a small polygon around a street).
features = []
def feature(geometry, **props):
    props["illustrative"] = 1
    features.append({"type": "Feature", "properties": props, "geometry": geometry})

gate_sites = busiest(priority, 8, used)
for i, p in enumerate(gate_sites):
    feature({"type": "Point", "coordinates": [float(p[0]), float(p[1])]}, intervention_id=f"AG-{i + 1:02d}",
            type="alley_gate", install_date="2025-06-15", funding="Safer Streets 4",
            description=f"Alley gates behind {p[2].replace('On or near ', '')}")
by_street = collections.defaultdict(list)
for (lon, lat, street, lsoa) in points:
    if lsoa in priority and not street.endswith(("Area", "Supermarket", "Station")):
        by_street[(street, lsoa)].append((float(lon), float(lat)))
streets = sorted(((s, pts) for s, pts in by_street.items() if len(pts) >= 2), key=lambda t: (-len(t[1]), t[0]))[:4]
for i, ((street, lsoa), pts) in enumerate(streets):
    pts = sorted(pts)[:6]
    feature({"type": "LineString", "coordinates": [list(p) for p in pts]}, intervention_id=f"SL-{i + 1:02d}",
            type="street_lighting", install_date="2025-06-01", funding="Safer Streets 4",
            description=f"LED street lighting upgrade, {street.replace('On or near ', '')}")
for i, ((street, lsoa), pts) in enumerate(streets[:2]):
    xs = [p[0] for p in pts]
    ys = [p[1] for p in pts]
    x0, x1, y0, y1 = min(xs) - 0.0008, max(xs) + 0.0008, min(ys) - 0.0005, max(ys) + 0.0005
    feature({"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]},
            intervention_id=f"TH-{i + 1:02d}", type="target_hardening", install_date="2025-06-01",
            funding="Safer Streets 5",
            description=f"Door and window locks for homes around {street.replace('On or near ', '')}")
with open(root / "assets/demo/interventions_illustrative.geojson", "w", encoding="utf-8") as f:
    json.dump({"type": "FeatureCollection", "name": "interventions_illustrative", "features": features}, f, indent=1)
print(f"{len(cameras)} cameras, {len(features)} interventions")
