#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Places to orient by (issue #12), through the real binary on the bundled NaPTAN stops:
#  - `import --places` makes Ashfield's 50 places (counted independently below), `info` lists
#    them, a second import replaces them, a gzipped file works, a non-NaPTAN file is refused;
#  - `--area "Carsic Estate"` (a place, no boundary) filters to the 250 m catchment of its 22
#    stops and says so; the count is checked against distances worked outside SaferMap;
#  - a misspelt area lists the places;
#  - `gazetteer --streets` takes the stops file as a street source.
# Usage: places.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
stops="$src/assets/demo/naptan/ashfield-stops.csv"
january="$src/assets/demo/policeuk/2025-01-ashfield-street.csv.gz"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
# json FILE 'PYTHON EXPRESSION over j' EXPECTED
json() {
  local got
  got=$(python3 -c "import json,sys; j=json.load(open('$1')); print($2)" 2>&1)
  [[ "$got" == "$3" ]] || fail "$1: $2: got '$got', wanted '$3'"
}

# The expected counts, with Python's csv module over the bundled file: rows, active rows,
# distinct NptgLocalityCode among active rows, and active stops of Carsic Estate.
read -r rows active localities carsic < <(python3 - "$stops" <<'EOF'
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8")))
active = [r for r in rows if r["Status"] == "active"]
print(len(rows), len(active), len({r["NptgLocalityCode"] for r in active}),
      sum(r["LocalityName"] == "Carsic Estate" for r in active))
EOF
)
[[ "$rows $active $localities $carsic" == "968 873 50 22" ]] || fail "bundled stops changed: $rows $active $localities $carsic"

# 1. Import, info, re-import.
expect 0 "$safermap" import p.gpkg --incidents "$january" --places "$stops" --json
cp out.txt import.json
json import.json "j['places'][0]['format'], j['places'][0]['rows_read'], j['places'][0]['kept'], j['places'][0]['rejected']" \
  "naptan $rows $active 0"
json import.json "j['places'][0]['places'], j['places'][0]['replaced'], j['places'][0]['notes_by_reason']['inactive_stop']" \
  "$localities 0 $((rows - active))"
json import.json "j['places'][0]['places_by_kind']['town']" "3"
expect 0 "$safermap" info p.gpkg --json
cp out.txt info.json
json info.json "j['places'], [l['features'] for l in j['layers'] if l['name'] == 'places']" "$localities [$localities]"
expect 0 "$safermap" info p.gpkg
contains out.txt "Places: $localities NaPTAN localities: estate 5; suburb 19; town 3; village 23;"
expect 0 "$safermap" import p.gpkg --places "$stops"
contains out.txt "Places ashfield-stops.csv (NaPTAN): $rows stops read, $active active in $localities places"
contains out.txt "$localities replaced, 0 rejected"
expect 0 "$safermap" info p.gpkg --json
cp out.txt info2.json
json info2.json "j['places']" "$localities"

# A gzipped copy reads the same; a file that is not NaPTAN is refused, naming what it lacks.
gzip -c "$stops" > stops.csv.gz
expect 0 "$safermap" import gz.gpkg --places stops.csv.gz --json
json out.txt "j['places'][0]['places'], j['places'][0]['kept']" "$localities $active"
expect 1 "$safermap" import bad.gpkg --places "$src/tests/data/csv/council_asb.csv"
contains err.txt "council_asb.csv: line 1: not a NaPTAN stops CSV: no column ATCOCode"
[[ -e bad.gpkg ]] && fail "a refused import left bad.gpkg behind"

# 2. --area "Carsic Estate": the incidents within 250 m of its active stops. Worked outside
#    SaferMap: GDAL's ogr2ogr puts January's police.uk points on the National Grid, Python
#    measures each to the nearest Carsic stop, keeping the first row of a repeated Crime ID as
#    the importer does. SaferMap's circles are 32-gons inscribed in 250 m: a point between
#    250 cos(pi/32) = 248.8 m and 250 m may fall either way, so the count must lie between the
#    points within 248.7 m and those within 250 m.
ogr2ogr -f CSV january_bng.csv "/vsigzip/$january" -oo X_POSSIBLE_NAMES=Longitude -oo Y_POSSIBLE_NAMES=Latitude \
  -oo KEEP_GEOM_COLUMNS=NO -s_srs EPSG:4326 -t_srs EPSG:27700 -lco GEOMETRY=AS_XY 2> ogr.txt || fail "ogr2ogr: $(cat ogr.txt)"
read -r inner outer < <(python3 - "$stops" january_bng.csv <<'EOF'
import csv, math, sys
stops = [(float(r["Easting"]), float(r["Northing"])) for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))
         if r["Status"] == "active" and r["LocalityName"] == "Carsic Estate"]
seen, inner, outer = set(), 0, 0
for r in csv.DictReader(open(sys.argv[2], encoding="utf-8")):
    if r["Crime ID"]:
        if r["Crime ID"] in seen:
            continue
        seen.add(r["Crime ID"])
    if not r["X"]:
        continue
    d = min(math.hypot(float(r["X"]) - x, float(r["Y"]) - y) for x, y in stops)
    inner += d <= 248.7
    outer += d <= 250.0
print(inner, outer)
EOF
)
expect 0 "$safermap" kde p.gpkg --area "carsic estate" --bandwidth 200 --cell 100
contains out.txt "all crime types; all months; area within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)"
expect 0 "$safermap" kde p.gpkg --area "Carsic Estate" --bandwidth 200 --cell 100 --json
cp out.txt kde.json
json kde.json "j['area'], j['area_kind'], j['area_note']" \
  "Carsic Estate place within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)"
points=$(python3 -c "import json; print(json.load(open('kde.json'))['points'])")
[[ "$inner" -gt 0 && "$points" -ge "$inner" && "$points" -le "$outer" ]] ||
  fail "Carsic Estate: $points incidents, worked outside SaferMap: $inner to $outer"
# The NPTG code names it too, and export takes the same area.
expect 0 "$safermap" kde p.gpkg --area N0061043 --bandwidth 200 --cell 100 --json
json out.txt "j['points']" "$points"
expect 0 "$safermap" export p.gpkg --area "Carsic Estate" --out carsic.csv
[[ $(($(wc -l < carsic.csv) - 1)) -eq "$points" ]] || fail "export --area 'Carsic Estate' wrote $(($(wc -l < carsic.csv) - 1)) rows, kde saw $points"

# 3. A misspelt area lists the places and suggests the nearest.
expect 1 "$safermap" kde p.gpkg --area "Carsic Estat"
contains err.txt "no area 'Carsic Estat'"
contains err.txt "places (NaPTAN localities, no boundary): Annesley, Annesley Cutting"
contains err.txt "did you mean 'Carsic Estate'?"
expect 1 "$safermap" kde p.gpkg --area "Carsic" --kind place
contains err.txt "no place 'Carsic'"

# 4. The stops as a gazetteer street source: a street per name and locality, a locality per place.
expect 0 "$safermap" gazetteer g.gpkg --streets "$stops" --json
cp out.txt gaz.json
json gaz.json "j['files'][0]['format'], j['files'][0]['rows_read'], j['files'][0]['rejected'], j['counts']['localities']" \
  "naptan $rows 0 $localities"
json gaz.json "j['counts']['streets'] > 200" "True"

finish
