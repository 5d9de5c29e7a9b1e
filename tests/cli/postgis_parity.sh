#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #14's contract, through the real binary: the bundled Ashfield demo imported into a
# GeoPackage and into a PostGIS schema (the throwaway server of ctest's postgis fixture,
# SAFERMAP_TEST_PG) must give
#  - `info --json` with the same keys and the same rows_read, incidents, rejected,
#    rejected_by_reason and incidents_by_category (and the rest but the project's name, the
#    import times and the extents, which agree to 1e-6 m);
#  - a second import of the same files that adds nothing, on both;
#  - kde, gistar and trends results (--json, and the grids written with --out) equal to 1e-9,
#    with filters (crime type, months, area) and without;
#  - a ward taken offline (export --offline) from either is the same GeoPackage project, and
#    its incidents and KDE are the ward's;
#  - no password in anything printed, and --schema refused for a GeoPackage.
# Usage: postgis_parity.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR   (SAFERMAP_TEST_PG set)
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
if [[ -z "${SAFERMAP_TEST_PG:-}" ]]; then
  fail "SAFERMAP_TEST_PG is not set: run through ctest (the postgis fixture starts the server)"
  finish
  exit
fi
pg="$SAFERMAP_TEST_PG"
schema="parity_$$"
gpkg="$work/ashfield.gpkg"

# The demo's imports (scripts/demo/import-ashfield.sh), into each project in turn.
import_demo() {
  expect 0 "$safermap" import "$@" --name "Ashfield CSP demo" \
    --boundaries "$src/shapefiles/ashfield_district_2020.geojson" --kind district
  expect 0 "$safermap" import "$@" --boundaries "$src/shapefiles/ashfield_wards_dec2020.shp" --kind ward
  expect 0 "$safermap" import "$@" --boundaries "$src/shapefiles/ashfield_lsoa_dec2021.gpkg" --kind lsoa
  expect 0 "$safermap" import "$@" --boundaries "$src/shapefiles/ashfield_priority_areas.geojson" --kind priority \
    --cctv "$src/assets/demo/cctv_illustrative.csv" --interventions "$src/assets/demo/interventions_illustrative.geojson"
  expect 0 "$safermap" import "$@" --places "$src/assets/demo/naptan/ashfield-stops.csv"
  expect 0 "$safermap" import "$@" --incidents "$src"/assets/demo/policeuk/2025-*-ashfield-street.csv.gz --study-area district \
    --rejects "$work/rejects-$RANDOM.csv"
}
import_demo "$gpkg"
import_demo "$pg" --schema "$schema"
contains out.txt "total                                            12622     12595         0         0        27"

# compare_info A.json B.json: the contract keys equal, the rest equal but for what names the
# project or the time, and extents to 1e-6.
compare_info() {
  python3 - "$1" "$2" <<'EOF' || fail "info --json differs between GeoPackage and PostGIS ($1, $2)"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
bad = []
if list(a) != list(b):
    bad.append(f"keys differ: {list(a)} / {list(b)}")
for key in ("rows_read", "incidents", "rejected", "rejected_by_reason", "incidents_by_category"):
    # Compared as printed: incidents_by_category is ordered (most first), and the order counts.
    if json.dumps(a[key]) != json.dumps(b[key]):
        bad.append(f"{key}: {a[key]} / {b[key]}")
for key in a:
    if key in ("project", "layers", "import_log"):
        continue
    if json.dumps(a[key], sort_keys=True) != json.dumps(b.get(key), sort_keys=True):
        bad.append(f"{key}: {a[key]} / {b.get(key)}")
for la, lb in zip(a["layers"], b["layers"]):
    if (la["name"], la["geometry"], la["features"]) != (lb["name"], lb["geometry"], lb["features"]):
        bad.append(f"layer {la} / {lb}")
    elif (la["extent"] is None) != (lb["extent"] is None) or any(abs(x - y) > 1e-6 for x, y in zip(la["extent"] or [], lb["extent"] or [])):
        bad.append(f"extent of {la['name']}: {la['extent']} / {lb['extent']}")
strip = lambda log: [{k: v for k, v in e.items() if k != "time_utc"} for e in log]
if strip(a["import_log"]) != strip(b["import_log"]):
    bad.append("import_log differs")
for line in bad:
    print("   ", line)
sys.exit(1 if bad else 0)
EOF
}
expect 0 "$safermap" info "$gpkg" --json
cp out.txt info_gpkg.json
expect 0 "$safermap" info "$pg" --schema "$schema" --json
cp out.txt info_pg.json
compare_info info_gpkg.json info_pg.json

python3 -c "import json,sys; j=json.load(open('info_gpkg.json')); sys.exit(j['incidents'] != 12595 or j['rows_read'] != 12622)" ||
  fail "the demo's counts changed"

# A second import of the same file adds nothing, on either back end, and both count it alike.
march="$src/assets/demo/policeuk/2025-03-ashfield-street.csv.gz"
expect 0 "$safermap" import "$gpkg" --incidents "$march" --rejects "$work/again_gpkg.csv" --json
cp out.txt again_gpkg.json
expect 0 "$safermap" import "$pg" --schema "$schema" --incidents "$march" --rejects "$work/again_pg.csv" --json
cp out.txt again_pg.json
for f in again_gpkg.json again_pg.json; do
  python3 -c "import json,sys; t=json.load(open('$f'))['incidents']['total']; sys.exit(t['rows_read'] != 1071 or t['kept'] != 0)" ||
    fail "$f: a second import of the same file stored something"
done
cmp -s "$work/again_gpkg.csv" "$work/again_pg.csv" || fail "the second import's rejects differ between back ends"
expect 0 "$safermap" info "$gpkg" --json
cp out.txt info_gpkg2.json
expect 0 "$safermap" info "$pg" --schema "$schema" --json
cp out.txt info_pg2.json
compare_info info_gpkg2.json info_pg2.json
python3 -c "import json,sys; j=json.load(open('info_pg2.json')); sys.exit(j['incidents'] != 12595 or j['rows_read'] != 12622 + 1071)" ||
  fail "a second import changed the stored incidents"

# compare_numbers A B: two results (JSON, or CSV grids with their JSON sidecars) with the same
# keys, texts and columns, and numbers equal to 1e-9 (relative beyond 1), "input" aside.
compare_numbers() {
  python3 - "$1" "$2" <<'EOF' || fail "results differ: $1 / $2"
import csv, json, math, sys
def cell(text):
    try:
        return float(text)
    except ValueError:
        return text
def load(path):
    if path.endswith(".csv"):
        with open(path, newline="") as f:
            return [[cell(c) for c in row] for row in csv.reader(f)]
    return json.load(open(path))
bad = []
def same(a, b, where):
    if isinstance(a, dict) and isinstance(b, dict):
        if list(a) != list(b):
            bad.append(f"{where}: keys {list(a)} / {list(b)}")
            return
        for k in a:
            if k != "input":
                same(a[k], b[k], f"{where}.{k}")
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            bad.append(f"{where}: {len(a)} / {len(b)} items")
            return
        for i, (x, y) in enumerate(zip(a, b)):
            same(x, y, f"{where}[{i}]")
    elif isinstance(a, (int, float)) and isinstance(b, (int, float)) and not isinstance(a, bool):
        if not (a == b or (math.isnan(a) and math.isnan(b)) or abs(a - b) <= 1e-9 * max(1.0, abs(a))):
            bad.append(f"{where}: {a!r} / {b!r}")
    elif a != b:
        bad.append(f"{where}: {a!r} / {b!r}")
same(load(sys.argv[1]), load(sys.argv[2]), "")
for line in bad[:10]:
    print("   ", line)
sys.exit(1 if bad else 0)
EOF
}
# run_both NAME ARGS...: the command on each project, --json to NAME_{gpkg,pg}.json and --out
# to NAME_{gpkg,pg}.csv where the command writes grids; then compared.
run_both() {
  local name="$1" command="$2"
  shift 2
  expect 0 "$safermap" "$command" "$gpkg" "$@" --json
  cp out.txt "${name}_gpkg.json"
  expect 0 "$safermap" "$command" "$pg" --schema "$schema" "$@" --json
  cp out.txt "${name}_pg.json"
  compare_numbers "${name}_gpkg.json" "${name}_pg.json"
}
run_grids() {
  local name="$1" command="$2"
  shift 2
  expect 0 "$safermap" "$command" "$gpkg" "$@" --out "${name}_gpkg.csv"
  expect 0 "$safermap" "$command" "$pg" --schema "$schema" "$@" --out "${name}_pg.csv"
  compare_numbers "${name}_gpkg.csv" "${name}_pg.csv"
  compare_numbers "${name}_gpkg.csv.json" "${name}_pg.csv.json"
}
run_both kde kde --cell 250
run_grids kde_grid kde --cell 250
run_both kde_filtered kde --cell 100 --category burglary --from 2025-04 --to 2025-09 --area "Central & New Cross"
run_grids kde_filtered_grid kde --cell 100 --category burglary --from 2025-04 --to 2025-09 --area "Central & New Cross"
run_both gistar_grid gistar --cell 250
run_grids gistar_grid_out gistar --cell 250
run_both gistar_wards gistar --kind ward --category "Violence and sexual offences"
run_both trends trends --kind ward --from 2025-10 --to 2025-12 --baseline previous
run_both trends_lsoa trends --kind lsoa --category shoplifting --from 2025-07 --to 2025-12 --baseline previous
# The area goes into SQL as its bounding box, through each back end's spatial index: a ward's
# burglaries are read from the ward's box (equal on both, as compare_numbers found), not from
# all the district's burglaries of those months.
expect 0 "$safermap" kde "$pg" --schema "$schema" --cell 100 --category burglary --from 2025-04 --to 2025-09 --json
all_rows=$(python3 -c "import json; print(json.load(open('out.txt'))['rows_read'])")
python3 - kde_filtered_pg.json "$all_rows" <<'EOF' || fail "the area's box did not narrow what PostGIS read"
import json, sys
j = json.load(open(sys.argv[1]))
read, outside, district = j["rows_read"], j["notes_by_reason"].get("filtered_out_by_area", 0), int(sys.argv[2])
print(f"    ward run read {read} of the district's {district} rows; {outside} of them in the box but outside the ward")
sys.exit(not (j["points"] + outside == read and read < district / 3))
EOF
[[ $(python3 -c "import json; print(json.load(open('kde_filtered_pg.json'))['categories'])") == "Burglary" ]] ||
  fail "the PostGIS run did not spell the filter as the project does"

# Taking a ward offline: the slice from PostGIS is the slice from the GeoPackage, and holds the
# ward's incidents exactly as the project reads them inside it.
ward="Central & New Cross"
expect 0 "$safermap" export "$pg" --schema "$schema" --offline slice_pg.gpkg --area "$ward" --json
cp out.txt slice_pg.json
expect 0 "$safermap" export "$gpkg" --offline slice_gpkg.gpkg --area "$ward" --json
cp out.txt slice_gpkg.json
python3 -c "import json,sys; a, b = (json.load(open(f))['copied'] for f in sys.argv[1:]); sys.exit(a != b or a['incidents'] < 1000)" \
  slice_gpkg.json slice_pg.json || fail "the slices copied different counts"
expect 0 "$safermap" info slice_gpkg.gpkg --json
cp out.txt info_slice_gpkg.json
expect 0 "$safermap" info slice_pg.gpkg --json
cp out.txt info_slice_pg.json
python3 - info_slice_gpkg.json info_slice_pg.json <<'EOF' || fail "the two slices differ"
import json, sys
a, b = (json.load(open(p)) for p in sys.argv[1:3])
for j in (a, b):
    del j["project"], j["settings"]["sliced_from"]
    j["layers"] = [{k: v for k, v in l.items() if k != "extent"} for l in j["layers"]]
    j["import_log"] = [{k: v for k, v in e.items() if k not in ("time_utc", "file")} for e in j["import_log"]]
sys.exit(a != b)
EOF
expect 0 "$safermap" export slice_pg.gpkg --out slice_rows.csv
expect 0 "$safermap" export "$pg" --schema "$schema" --area "$ward" --out ward_rows.csv
cmp -s slice_rows.csv ward_rows.csv || fail "the slice's incidents are not the ward's"
expect 0 "$safermap" kde slice_pg.gpkg --cell 100 --out kde_slice.csv
expect 0 "$safermap" kde "$pg" --schema "$schema" --area "$ward" --cell 100 --out kde_ward.csv
compare_numbers kde_slice.csv kde_ward.csv

# Results written back into the PostGIS project (--out PG:...) hold what a GeoPackage layer holds,
# and info lists them with their parameters, as for a GeoPackage project.
pg_out="$pg schemas=$schema"
expect 0 "$safermap" kde "$gpkg" --cell 250 --out "$gpkg" --layer r_kde
expect 0 "$safermap" kde "$pg" --schema "$schema" --cell 250 --out "$pg_out" --layer r_kde
contains out.txt "(layer r_kde)"
expect 0 "$safermap" gistar "$pg" --schema "$schema" --kind ward --out "$pg_out" --layer r_gistar_wards
expect 0 "$safermap" cluster "$pg" --schema "$schema" --eps 100 --min-points 20 --out "$pg_out" --layer r_clusters
expect 1 "$safermap" kde "$pg" --schema "$schema" --cell 250 --out "$pg_out" --layer incidents
contains err.txt "is one of the project's own layers"
expect 1 "$safermap" kde "$pg" --schema "$schema" --cell 250 --out "$pg schemas=nosuch_$$"
contains err.txt "no schema 'nosuch_$$'"
ogr2ogr -f CSV r_kde_gpkg.csv "$gpkg" r_kde
ogr2ogr -f CSV r_kde_pg.csv "$pg_out" r_kde
compare_numbers r_kde_gpkg.csv r_kde_pg.csv
expect 0 "$safermap" info "$pg" --schema "$schema" --json
python3 - out.txt <<'EOF' || fail "info does not list the PostGIS result layers with their parameters"
import json, sys
layers = {l["name"]: l for l in json.load(open(sys.argv[1]))["results"]}
assert set(layers) == {"r_kde", "r_gistar_wards", "r_clusters"}, sorted(layers)
assert layers["r_kde"]["method"] == "kde" and layers["r_kde"]["features"] > 100, layers["r_kde"]
assert layers["r_gistar_wards"]["features"] == 23, layers["r_gistar_wards"]  # the 23 wards
EOF

# Passwords: given in the connection string (the test server ignores it), never printed.
expect 0 "$safermap" info "$pg password=hunter2" --schema "$schema" --json
grep -q hunter2 out.txt && fail "info printed the password"
contains out.txt '"project": "PG:'
contains out.txt "password=***"
expect 1 "$safermap" info "$pg password=hunter2" --schema "nosuch_$$"
grep -q hunter2 err.txt out.txt && fail "an error message printed the password"
contains err.txt "password=***"
contains err.txt "no project in schema 'nosuch_$$'"

# Maps and report packs (#12) from either back end hold the same text: the Oct-Dec 2025 pack's
# ward table and the meeting map's legend, method line and attribution.
export SOURCE_DATE_EPOCH=1764547200
expect 0 "$safermap" report "$gpkg" --out pack_gpkg.pdf --from 2025-10 --to 2025-12
expect 0 "$safermap" report "$pg" --schema "$schema" --out pack_pg.pdf --from 2025-10 --to 2025-12
pdftotext -layout -f 2 -l 3 pack_gpkg.pdf pack_gpkg.txt
pdftotext -layout -f 2 -l 3 pack_pg.pdf pack_pg.txt
cmp -s pack_gpkg.txt pack_pg.txt || fail "report summary and ward table differ between GeoPackage and PostGIS"
contains pack_pg.txt "Central & New Cross"
expect 0 "$safermap" map "$gpkg" --out map_gpkg.pdf --analysis density
expect 0 "$safermap" map "$pg" --schema "$schema" --out map_pg.pdf --analysis density
pdftotext map_gpkg.pdf map_gpkg.txt
pdftotext map_pg.pdf map_pg.txt
cmp -s map_gpkg.txt map_pg.txt || fail "map text differs between GeoPackage and PostGIS"

# --schema belongs to PostGIS projects only, and must agree with the connection string.
expect 1 "$safermap" info "$gpkg" --schema "$schema"
contains err.txt "not a PostgreSQL project"
expect 1 "$safermap" info "$pg schemas=other" --schema "$schema"
contains err.txt "already names schema 'other'"

finish
