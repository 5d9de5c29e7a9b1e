#!/usr/bin/python3
# SPDX-License-Identifier: MIT
"""A national-size police.uk set for the PostGIS benchmark (issue #14), made from the bundled real
Ashfield rows (assets/demo/policeuk, 2025): copy k of the district is shifted on British National
Grid to the k-th point of a 25 km lattice over England's extent (copy 0 stays where it is), its
rows' Longitude/Latitude recomputed through GDAL's OSR (exact, not a shift in degrees), and each
Crime ID made unique. Also writes the districts (Ashfield and its shifted copies, kind
"district") and a synthetic force (the 3 x 3 copies around the real Ashfield, to import as kind "custom") as
GeoJSON in EPSG:27700.

Usage: make_national_rows.py ROWS OUT.csv DISTRICTS.geojson FORCE.geojson   (Debian's python3-gdal)
"""
import csv, glob, gzip, json, os, sys

from osgeo import ogr, osr

rows_wanted, out_csv, out_districts, out_force = int(sys.argv[1]), sys.argv[2], sys.argv[3], sys.argv[4]
here = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))

wgs84, bng = osr.SpatialReference(), osr.SpatialReference()
wgs84.ImportFromEPSG(4326)
bng.ImportFromEPSG(27700)
for srs in (wgs84, bng):
    srs.SetAxisMappingStrategy(osr.OAMS_TRADITIONAL_GIS_ORDER)
to_bng, to_wgs84 = osr.CoordinateTransformation(wgs84, bng), osr.CoordinateTransformation(bng, wgs84)

header, rows = None, []
for path in sorted(glob.glob(os.path.join(here, "assets/demo/policeuk/2025-*-ashfield-street.csv.gz"))):
    with gzip.open(path, "rt", newline="") as f:
        reader = csv.reader(f)
        header = next(reader)
        rows.extend(reader)
lon, lat = header.index("Longitude"), header.index("Latitude")
placed = [r for r in rows if r[lon] and r[lat]]
xy = to_bng.TransformPoints([(float(r[lon]), float(r[lat])) for r in placed])

# The lattice: 25 km steps over 150-650 km east, 50-650 km north, nearest to Ashfield first so
# that any row count gives neighbours of the real district.
centre_x, centre_y = 450000.0, 357000.0
lattice = [(e, n) for e in range(150000, 650001, 25000) for n in range(50000, 650001, 25000)]
lattice.sort(key=lambda p: ((p[0] - centre_x) ** 2 + (p[1] - centre_y) ** 2, p))
copies = -(-rows_wanted // len(placed))
if copies > len(lattice):
    sys.exit(f"{rows_wanted} rows need {copies} copies; the lattice has {len(lattice)}")
offsets = [(0.0, 0.0)] + [(e - lattice[0][0], n - lattice[0][1]) for e, n in lattice[1:copies]]

written = 0
with open(out_csv, "w", newline="") as f:
    out = csv.writer(f, lineterminator="\n")
    out.writerow(header)
    for k, (dx, dy) in enumerate(offsets):
        moved = to_wgs84.TransformPoints([(x + dx, y + dy) for x, y, *_ in xy]) if k else None
        for i, r in enumerate(placed):
            if written == rows_wanted:
                break
            r = list(r)
            if k:
                r[lon], r[lat] = f"{moved[i][0]:.6f}", f"{moved[i][1]:.6f}"
                if r[0]:
                    r[0] = r[0][:48] + f"{k:016x}"
            out.writerow(r)
            written += 1

district = json.load(open(os.path.join(here, "shapefiles/ashfield_district_2020.geojson")))
geometry = ogr.CreateGeometryFromJson(json.dumps(district["features"][0]["geometry"]))
geometry.Transform(to_bng)
features = []
for k, (dx, dy) in enumerate(offsets):
    g = geometry.Clone()
    for polygon in g:
        for ring in polygon:
            for i in range(ring.GetPointCount()):
                ring.SetPoint_2D(i, ring.GetX(i) + dx, ring.GetY(i) + dy)
    name, code = ("Ashfield", "E07000170") if k == 0 else (f"Ashfield copy {k}", f"X{k:08d}")
    features.append({"type": "Feature", "properties": {"code": code, "name": name}, "geometry": json.loads(g.ExportToJson())})
crs = {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::27700"}}
json.dump({"type": "FeatureCollection", "crs": crs, "features": features}, open(out_districts, "w"))
# The force: the square of 3 x 3 lattice cells centred on the real Ashfield's lattice point.
ex, ny = lattice[0]
x0, y0, x1, y1 = ex - 37500, ny - 37500, ex + 37500, ny + 37500
square = {"type": "Polygon", "coordinates": [[[x0, y0], [x1, y0], [x1, y1], [x0, y1], [x0, y0]]]}
force = {"type": "Feature", "properties": {"code": "X90000001", "name": "Synthetic force"}, "geometry": square}
json.dump({"type": "FeatureCollection", "crs": crs, "features": [force]}, open(out_force, "w"))
print(f"{written} rows in {len(offsets)} copies of Ashfield's {len(placed)} placed rows; {len(features)} districts")
