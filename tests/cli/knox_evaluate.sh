#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #11's knox and evaluate commands through the real binary, on inputs built here so that
# every number is known by construction (the hand arithmetic is next to each input):
#  - knox: six dated points, the pair table counted by hand, in days and in months; the
#    expected counts against the exact permutation expectation; --time-unit day refused on
#    month-only data; --out CSV with its sidecar;
#  - evaluate --points: counts in treatment, buffer and control before and after, the WDQ,
#    total net effect and odds ratio with its CI by hand; the start month and months outside
#    the windows left out; a point on the treatment boundary counted in the treatment only.
# Usage: knox_evaluate.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
safermap="$1"
work="$3"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
# check_json FILE PYTHON: runs the Python assertions with `j` the parsed JSON of FILE.
check_json() {
  python3 - "$1" "$2" <<'EOF' || fail "JSON check failed on $1"
import json, math, sys
j = json.load(open(sys.argv[1]))
def near(a, b, tol=1e-9):
    assert a is not None and abs(a - b) <= tol, f"{a} != {b}"
exec(sys.argv[2])
EOF
}

# ---- knox ----------------------------------------------------------------------------------
# Six points in plain metres (--crs none). Space bands [0,10], (10,20], > 20 m; time bands
# [0,7], (7,14], > 14 days. The 15 pairs by hand (distance, days apart):
#   AB 5, 4        AC 15, 11      AD 100, 1       AE 100.5, 59    AF 10, 14 (both on an edge: in)
#   BC 15.8, 7     BD 95, 3       BE 95.5, 55     BF 5, 10
#   CD 101.1, 10   CE 100.1, 48   CF 18.0, 3
#   DE 10, 58      DF 90, 13
#   EF 90.6, 45
# Table (rows space, columns time):  [0,10]: AB | AF BF | DE = 1 2 1;  (10,20]: BC CF | AC | - =
# 2 1 0;  > 20: AD BD | CD DF | AE BE CE EF = 2 2 4.
cat > knox_points.csv <<'EOF'
id,x,y,date
A,0,0,2025-01-01
B,5,0,2025-01-05
C,0,15,2025-01-12
D,100,0,2025-01-02
E,100,10,2025-03-01
F,10,0,2025-01-15
EOF
knox=("$safermap" knox --points knox_points.csv --x x --y y --date date --crs none --space-bands 10,20 --time-bands 7,14)
expect 0 "${knox[@]}" --json
cp out.txt knox_days.json
check_json knox_days.json '
assert j["method"] == "knox" and j["time_unit"] == "day" and j["pairs"] == 15 and j["permutations"] == 99
assert j["time_unit_source"] == "every incident has a date"
obs = [c["observed"] for c in j["cells"]]
assert obs == [1, 2, 1, 2, 1, 0, 2, 2, 4], obs
c0, last = j["cells"][0], j["cells"][-1]
assert (c0["space_from"], c0["space_to"], c0["time_from"], c0["time_to"]) == (0, 10, 0, 7)
assert last["space_to"] is None and last["time_to"] is None and last["space_from"] == 20 and last["time_from"] == 14
for c in j["cells"]:
    assert 0 < c["p_value"] <= 1 and c["expected"] > 0
    near(c["ratio"], c["observed"] / c["expected"], 1e-12)
'
# Expected counts: under random permutation of the times each spatial pair gets a uniformly
# random pair of time labels, so E[cell] = (pairs in its space band) x (pairs in its time band)
# / 15. Time bands hold 5 pairs each (AB BC CF AD BD | AF BF AC CD DF | DE AE BE CE EF); space
# bands 4, 3 and 8: E = 4/3, 1 and 8/3 in every column. 9,999 permutations get within 0.1.
expect 0 "${knox[@]}" --permutations 9999 --json
check_json out.txt '
for c, band in zip(j["cells"], [0, 0, 0, 1, 1, 1, 2, 2, 2]):
    near(c["expected"], [4 / 3, 1, 8 / 3][band], 0.1)
'
# Months: A B C D F are in 2025-01, E in 2025-03. Bands [0,1], (1,2], > 2 months: pairs without E
# are 0 months apart, pairs with E 2. [0,10]: AB AF BF | DE;  (10,20]: AC BC CF;  > 20: AD BD CD DF | AE BE CE EF.
expect 0 "$safermap" knox --points knox_points.csv --x x --y y --date date --crs none --space-bands 10,20 --time-bands 1,2 \
  --time-unit month --permutations 0 --json
check_json out.txt '
assert j["time_unit"] == "month" and j["time_unit_source"] == "as asked"
assert [c["observed"] for c in j["cells"]] == [3, 1, 0, 3, 0, 0, 4, 4, 0]
assert all(c["expected"] is None and c["ratio"] is None and c["p_value"] is None for c in j["cells"])
'
# A month-only row makes the default month, and day an error that says why.
{ cat knox_points.csv; echo "G,500,500,2025-02"; } > knox_mixed.csv
expect 0 "$safermap" knox --points knox_mixed.csv --x x --y y --date date --crs none --space-bands 10,20 --time-bands 1,2 --json
check_json out.txt 'assert j["time_unit"] == "month" and j["time_unit_source"] == "1 of 7 incidents have only a month" and j["pairs"] == 21'
expect 1 "$safermap" knox --points knox_mixed.csv --x x --y y --date date --crs none --space-bands 10,20 --time-bands 7,14 --time-unit day
contains err.txt "--time-unit day: 1 of 7 incidents have only a month, not a date"
expect 1 "${knox[@]}" --time-unit week
contains err.txt "--time-unit must be day or month"
expect 1 "$safermap" knox --points knox_points.csv --x x --y y --date date --crs none --space-bands 20,10 --time-bands 7
contains err.txt "knox: space_edges_m must be strictly increasing"
# The terminal table and --out.
expect 0 "${knox[@]}" --out knox.csv
contains out.txt "15 pairs; time apart in whole days (every incident has a date)"
contains out.txt "0-10 m"
contains out.txt "> 20 m"
contains out.txt "8-14 days"
contains out.txt "written knox.csv, knox.csv.json"
[[ $(wc -l < knox.csv) -eq 10 ]] || fail "knox.csv should have a header and 9 rows"
contains knox.csv "space_band,space_from_m,space_to_m,time_band,time_from,time_to,time_unit,observed,expected,ratio,p_value"
contains knox.csv "> 20 m,20,,> 14 days,14,,day,4,"
contains knox.csv.json '"method": "knox"'

# ---- evaluate --points ---------------------------------------------------------------------
# EPSG:27700. Treatment: the 100 m square (450000..450100, 358000..358100). Buffer 100 m: the
# ring around it. Control: the square (451000..451200, 358000..358200), far from both.
# Start 2025-06, --before 3 --after 3: before = 2025-03..05, after = 2025-07..09.
# Counts by construction: treatment 20 -> 10 (one of the 20 on the square's east edge, which
# counts in the treatment, not the buffer), buffer 10 -> 8, control 40 -> 40. Left out: 5 in the
# treatment in 2025-06 (the start month), 3 in the control in 2025-02 (before the window), 4
# outside every area.
#   SM = Ra/Ca - Rb/Cb = 10/40 - 20/40 = -0.25;  BDM = Ba/Ca - Bb/Cb = 8/40 - 10/40 = -0.05
#   WDQ = BDM / SM = 0.2 (diffusion of benefits);  TNE = 20 x 40/40 - 10 + 10 x 40/40 - 8 = 12
#   OR = (Rb Ca) / (Ra Cb) = 800 / 400 = 2;  Var ln OR = 1/20 + 1/10 + 1/40 + 1/40 = 0.2
#   CI = exp(ln 2 -/+ 1.96 sqrt 0.2) = 0.832442, 4.805138;  changes -50%, -20%, 0%
square() { # x0 y0 x1 y1 -> a GeoJSON polygon feature collection in EPSG:27700
  printf '{"type":"FeatureCollection","crs":{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::27700"}},"features":[{"type":"Feature","properties":{"name":"%s"},"geometry":{"type":"Polygon","coordinates":[[[%s,%s],[%s,%s],[%s,%s],[%s,%s],[%s,%s]]]}}]}\n' \
    "$5" "$1" "$2" "$3" "$2" "$3" "$4" "$1" "$4" "$1" "$2"
}
square 450000 358000 450100 358100 "scheme" > treatment.geojson
square 451000 358000 451200 358200 "control" > control.geojson
rows() { # N X0 Y DATE: N points from (X0, Y), 2 m apart eastwards
  for ((k = 0; k < $1; k++)); do echo "$(($2 + 2 * k)),$3,$4,Burglary"; done
}
{
  echo "x,y,date,type"
  rows 19 450010 358050 2025-03-10
  echo "450100,358050,2025-04-02,Burglary"   # on the treatment's east edge
  rows 10 450010 358020 2025-08-15
  rows 10 450130 358050 2025-05-01
  rows 8 450130 358060 2025-09-30
  rows 40 451010 358100 2025-04-20
  rows 40 451010 358150 2025-07-01
  rows 5 450020 358080 2025-06-15             # the start month: in neither window
  rows 3 451020 358120 2025-02-01             # before the before window
  rows 4 452000 358000 2025-03-01             # outside every area
} > evaluation_points.csv
evaluate=("$safermap" evaluate --points evaluation_points.csv --x x --y y --crs EPSG:27700 --date date --area treatment.geojson
          --start 2025-06 --before 3 --after 3 --buffer 100 --control control.geojson)
expect 0 "${evaluate[@]}" --json
cp out.txt evaluate.json
check_json evaluate.json '
assert j["method"] == "evaluate" and len(j["evaluations"]) == 1
e = j["evaluations"][0]
counts = [e[k] for k in ("treatment_before", "treatment_after", "buffer_before", "buffer_after", "control_before", "control_after")]
assert counts == [20, 10, 10, 8, 40, 40], counts
assert e["start_month"] == "2025-06" and e["before_period"] == "2025-03 to 2025-05" and e["after_period"] == "2025-07 to 2025-09"
near(e["success_measure"], -0.25); near(e["buffer_displacement_measure"], -0.05)
near(e["wdq"], 0.2); assert e["wdq_reading"] == "diffusion"
near(e["tne"], 12); near(e["net_effect_treatment"], 10); near(e["net_effect_buffer"], 2)
near(e["odds_ratio"], 2); near(e["or_ci_low"], 0.832442, 1e-6); near(e["or_ci_high"], 4.805138, 1e-6)
near(e["treatment_change_pct"], -50); near(e["buffer_change_pct"], -20); near(e["control_change_pct"], 0)
assert e["warnings"] == [], e["warnings"]
near(e["treatment_km2"], 0.01, 1e-12); near(e["control_km2"], 0.04, 1e-12)
assert e["control"] == "control.geojson"
'
expect 0 "${evaluate[@]}" --out evaluation.csv
contains out.txt "WDQ 0.200: diffusion of benefits"
contains out.txt "total net effect 12.0 crimes prevented (treatment 10.0, buffer 2.0)"
contains out.txt "odds ratio 2.00 [95% CI 0.83, 4.81]"
contains out.txt "written evaluation.csv, evaluation.csv.json"
contains evaluation.csv "treatment_before,treatment_after,buffer_before,buffer_after,control_before,control_after"
contains evaluation.csv ",20,10,10,8,40,40,"
contains evaluation.csv.json '"buffer_m": 100'
# A control that overlaps the buffer loses the overlap, with a warning; bad requests are refused.
square 450150 358000 450400 358100 "near" > near.geojson
expect 0 "${evaluate[@]/control.geojson/near.geojson}" --json
check_json out.txt 'assert any("overlaps the treatment area or buffer" in w for w in j["evaluations"][0]["warnings"])'
expect 1 "$safermap" evaluate --points evaluation_points.csv --x x --y y --date date --area treatment.geojson --before 3 --after 3 \
  --buffer 100 --control control.geojson
contains err.txt "needs --start YYYY-MM"
expect 1 "${evaluate[@]}" --from 2025-01
contains err.txt "--from and --to do not apply"
expect 1 "$safermap" evaluate --points evaluation_points.csv --x x --y y --date date --area treatment.geojson --start 2025-06 \
  --before 3 --after 3 --buffer 100 --control auto
contains err.txt "with --points give --control FILE"

if [[ $failures -gt 0 ]]; then
  echo "$failures check(s) failed"
  exit 1
fi
echo "all knox and evaluate checks passed"
