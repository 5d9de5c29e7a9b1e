#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #12's report pack through the real binary:
#  - the demo's Oct-Dec 2025 pack: one A4 landscape PDF whose text layer has every section, the
#    marking on each page, and the ward table's counts (those of `trends`, tests/golden/ashfield_trends.txt:
#    Central & New Cross 414 against 401); a page against a golden image at a tolerance;
#  - a project without CCTV or interventions: those sections left out with a line saying so;
#  - suppression at the threshold, on a project built here with 4, 5 and 6 incidents in three
#    wards: internal shows 4, 5, 6 and the total 15; public shows <5, 5, 6, the total
#    "11 + 1 under 5" (nothing recoverable), no rank for the hidden row, and no marking;
#  - the public pack's text holds no location string, street or coordinate from the project.
# Usage: report_pack.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR IMAGE_COMPARE
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
compare="$4"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
export SOURCE_DATE_EPOCH=1764547200 # 1 December 2025: the cover's date, fixed for the golden page
bash "$src/scripts/demo/import-ashfield.sh" "$safermap" "$PWD/ashfield.gpkg" > /dev/null 2>&1 || { echo "demo import failed"; exit 1; }

# ---- the demo's meeting pack ---------------------------------------------------------------
expect 0 "$safermap" report ashfield.gpkg --out pack.pdf --from 2025-10 --to 2025-12 --json
python3 - <<'PY' || fail "report JSON"
import json
j = json.load(open("out.txt"))
assert j["method"] == "report" and j["period"] == "October to December 2025", j
assert j["comparison"] == "July to September 2025", j["comparison"]
for s in ["cover", "summary", "ward performance table", "hotspot maps", "priority areas", "cctv", "interventions", "methods and sources"]:
    assert s in j["sections"], s
assert [o["section"] for o in j["omitted"]] == ["cctv siting proposals"], j["omitted"]
assert j["pages"] >= 12, j["pages"]
PY
pages=$(python3 -c 'import json; print(json.load(open("out.txt"))["pages"])')
pdfinfo pack.pdf > info.txt
contains info.txt "Pages:           $pages"
contains info.txt "Page size:       842 x 595 pts (A4)"
pdftotext -layout pack.pdf text.txt
for want in "Ashfield CSP demo: community safety report" "Prepared 1 December 2025" "Summary" "The biggest changes by crime type" \
            "Performance by ward" "Hotspots: All crime" "Priority area: New Cross" "Priority area: Leamington Estate" \
            "CCTV" "59 cameras" "Interventions" "AG-01" "Methods and sources" "data.police.uk" "Poisson"; do
  contains text.txt "$want"
done
markings=$(grep -c "OFFICIAL-SENSITIVE" text.txt)
[[ $markings -ge $((2 * pages - 1)) ]] || fail "the marking is on $markings lines, wanted top and bottom of $pages pages"
grep -E "^ *Central & New Cross +E05010677 +414 +401 +\+3%" text.txt > /dev/null || fail "ward table row for Central & New Cross is not 414 against 401"
# The ward table page against its golden image (regression; looked at when made).
pdftoppm -r 50 -png -f 3 -l 3 -singlefile pack.pdf table
if [[ "${SAFERMAP_UPDATE_GOLDEN:-}" == 1 ]]; then
  cp table.png "$src/tests/golden/report_ward_table.png"
else
  "$compare" "$src/tests/golden/report_ward_table.png" table.png 24 0.01 || fail "ward table page differs from tests/golden/report_ward_table.png"
fi

# ---- narrowed to an estate that has no boundary: its stops' catchment, stated on the cover ------
expect 0 "$safermap" report ashfield.gpkg --out estate.pdf --from 2025-10 --to 2025-12 --area "carsic estate" --json
contains out.txt '"area": "within 250 m of the 22 bus stops of Carsic Estate (NaPTAN; no boundary)"'
pdftotext estate.pdf estate.txt
contains estate.txt "All crime, within 250 m of the 22 bus stops of Carsic Estate"
expect 1 "$safermap" report ashfield.gpkg --out nowhere.pdf --area "Nowhere Estate"
contains err.txt "places (NaPTAN localities, no boundary)"

# ---- a project without CCTV or interventions ------------------------------------------------
"$safermap" import bare.gpkg --boundaries "$src/shapefiles/ashfield_wards_dec2020.shp" --kind ward > /dev/null 2>&1
"$safermap" import bare.gpkg --incidents "$src"/assets/demo/policeuk/2025-1[012]-ashfield-street.csv.gz > /dev/null 2>&1
expect 0 "$safermap" report bare.gpkg --out bare.pdf --json
contains out.txt '"why": "the project records no CCTV cameras"'
contains out.txt '"why": "the project records no interventions"'
contains out.txt '"why": "the project has no priority areas"'
pdftotext bare.pdf bare.txt
contains bare.txt "Left out: the project records no CCTV cameras"
contains bare.txt "Left out: the project records no interventions"

# ---- suppression at 4, 5 and 6 --------------------------------------------------------------
# Three 100 m squares of tests/data/vector/squares_3x3.geojson as wards: 4 incidents in S00,
# 5 in S01, 6 in S02 in December 2025, and 9 in S10 in November (the comparison month).
python3 - <<'PY'
rows = ["id,x,y,month,type"]
n = 0
for square, x0, y0, count, month in [("S00", 450000, 358000, 4, "2025-12"), ("S01", 450100, 358000, 5, "2025-12"),
                                     ("S02", 450200, 358000, 6, "2025-12"), ("S10", 450000, 358100, 9, "2025-11")]:
    for k in range(count):
        n += 1
        rows.append(f"R{n},{x0 + 10 + 10 * k},{y0 + 50},{month},Burglary")
open("small.csv", "w").write("\n".join(rows) + "\n")
PY
"$safermap" import small.gpkg --boundaries "$src/tests/data/vector/squares_3x3.geojson" --kind ward > /dev/null 2>&1
"$safermap" import small.gpkg --incidents small.csv --x x --y y --crs EPSG:27700 --date month --category-column type --id-column id > /dev/null 2>&1
expect 0 "$safermap" report small.gpkg --out internal.pdf --from 2025-12 --to 2025-12
pdftotext -layout internal.pdf internal.txt
grep -E "^ *square 00 +S00 +4 " internal.txt > /dev/null || fail "internal: square 00 does not show 4"
grep -E "^ *All wards +15 +9 " internal.txt > /dev/null || fail "internal: the total is not 15 against 9"
expect 0 "$safermap" report small.gpkg --out public.pdf --from 2025-12 --to 2025-12 --public
pdftotext -layout public.pdf public.txt
grep -E "^ *square 00 +S00 +<5 +<5 +- +- *$" public.txt > /dev/null || fail "public: square 00 is not <5 with no rank"
grep -E "^ *square 01 +S01 +5 +<5 +- +[0-9]+" public.txt > /dev/null || fail "public: square 01 (5) is not shown"
grep -E "^ *square 02 +S02 +6 +<5 +- +[0-9]+" public.txt > /dev/null || fail "public: square 02 (6) is not shown"
grep -E "^ *All wards +11 \+ 7 under 5 +9 \+ 8 under 5" public.txt > /dev/null || fail "public: totals are not '11 + 7 under 5' and '9 + 8 under 5'"
grep -E "(^|[^0-9])4 " public.txt | grep -E "square|All wards" && fail "public: a 4 appears in the ward table"
grep -q "OFFICIAL" public.txt && fail "public pack carries an internal marking"

# ---- the demo's public pack holds nothing that locates anyone -----------------------------------
expect 0 "$safermap" report ashfield.gpkg --out demo-public.pdf --from 2025-10 --to 2025-12 --public
pdftotext -layout demo-public.pdf demo-public.txt
zcat "$src"/assets/demo/policeuk/*.csv.gz | python3 -c '
import csv, sys
names = set()
for row in csv.DictReader(sys.stdin):
    loc = row["Location"]
    if loc.startswith("On or near "):
        names.add(loc)
        street = loc[len("On or near "):]
        if street.split()[-1] in ("Road", "Street", "Avenue", "Close", "Crescent", "Lane", "Drive", "Way", "Grove", "Gardens"):
            names.add(street)
# Streets that name a priority area ("Coxmoor and Southwell Lane") are the partnership'"'"'s public names.
import json
areas = [f["properties"]["name"] for f in json.load(open(sys.argv[1]))["features"]]
print("\n".join(sorted(n for n in names if n and not any(n in a for a in areas))))' "$src/shapefiles/ashfield_priority_areas.geojson" > locations.txt
hits=$(grep -oF -f locations.txt demo-public.txt | head -3)
[[ -z "$hits" ]] || fail "the public pack holds location text: $hits"
grep -qE '(^|[^0-9,.])[0-9]{6}([^0-9]|$)|-?[0-9]\.[0-9]{6}' demo-public.txt && fail "the public pack holds something like a coordinate"
finish
