#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #10's findings, each run through the real binary on the Ashfield demo project:
#  - `--out` naming the project (or any GeoPackage) adds a layer and never overwrites it;
#  - another format over a GeoPackage is refused, and a failed run leaves old output alone;
#  - crime types match case-insensitively; a misspelt one is an error that lists what exists;
#  - export writes WGS84 Longitude/Latitude whatever the source CRS (checked against
#    gdaltransform, GDAL's own PROJ path), police.uk text byte for byte, geocoded rows placed;
#  - accuracy refuses --from/--to.
# Usage: command_line_safety.sh SAFERMAP_BINARY SOURCE_DIR WORK_DIR
set -uo pipefail
safermap="$1"
src="$2"
work="$3"
source "$(dirname "${BASH_SOURCE[0]}")/harness.sh"
incidents() { "$safermap" info "$1" --json | sed -n 's/^  "incidents": \([0-9]*\),$/\1/p'; }

bash "$src/scripts/demo/import-ashfield.sh" "$safermap" "$work/ashfield.gpkg" > /dev/null || exit 2
before=$(incidents ashfield.gpkg)
[[ "$before" -gt 10000 ]] || fail "demo project has $before incidents"

# 1. --out on the project, for every command that writes: a layer is added, nothing lost.
expect 0 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --out ashfield.gpkg --layer t_kde
expect 0 "$safermap" gistar ashfield.gpkg --cell 250 --out ashfield.gpkg --layer t_gistar
expect 0 "$safermap" gistar ashfield.gpkg --kind ward --out ashfield.gpkg --layer t_gistar_wards
expect 0 "$safermap" gistar ashfield.gpkg --polygons-kind ward --out ashfield.gpkg --layer t_gistar_alias
expect 0 "$safermap" lisa ashfield.gpkg --kind ward --permutations 9 --out ashfield.gpkg --layer t_lisa
expect 0 "$safermap" cluster ashfield.gpkg --eps 100 --min-points 20 --out ashfield.gpkg --layer t_clusters
expect 0 "$safermap" emerging ashfield.gpkg --cell 500 --out ashfield.gpkg --layer t_emerging
expect 0 "$safermap" concentration ashfield.gpkg --kind ward --out ashfield.gpkg
expect 0 "$safermap" trends ashfield.gpkg --from 2025-10 --to 2025-12 --out ashfield.gpkg --layer t_trends
expect 1 "$safermap" export ashfield.gpkg --out ashfield.gpkg
contains err.txt "is the project itself"
# A result layer may not take the name of one of the project's own layers (it would replace it).
for layer in incidents boundaries settings; do
  expect 1 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --out ashfield.gpkg --layer "$layer"
  contains err.txt "is one of the project's own layers"
done
after=$(incidents ashfield.gpkg)
[[ "$after" == "$before" ]] || fail "incidents $before -> $after after --out on the project"
"$safermap" info ashfield.gpkg > info.txt || fail "info cannot read the project after --out on it"
for layer in t_kde t_gistar t_gistar_wards t_gistar_alias t_lisa t_clusters t_emerging concentration t_trends; do
  contains info.txt "$layer"
done
contains info.txt "Results saved in the project"

# 2. Another format over a GeoPackage is refused; a failed run leaves the old output alone.
cp ashfield.gpkg copy.csv
expect 1 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --out copy.csv
contains err.txt "is a GeoPackage"
cmp -s ashfield.gpkg copy.csv || fail "copy.csv (a GeoPackage) was changed"
expect 0 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --out surface.csv
cp surface.csv surface.before
expect 1 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --category Burgalry --out surface.csv
cmp -s surface.csv surface.before || fail "a failed kde changed surface.csv"
ls -a | grep -q '\.part' && fail "a temporary file was left behind"
contains surface.csv.json '"crs": "EPSG:27700"'
contains surface.csv.json '"period": "all months"'

# 3. Filters: case and spaces ignored; a misspelling lists what exists and suggests.
expect 0 "$safermap" kde ashfield.gpkg --bandwidth 300 --cell 100 --category " burglary " --json
contains out.txt '"categories": "Burglary"'
expect 1 "$safermap" kde ashfield.gpkg --category burgalry
contains err.txt "no crime type 'burgalry'"
contains err.txt "Anti-social behaviour, Bicycle theft, Burglary"
contains err.txt "did you mean 'Burglary'?"
expect 1 "$safermap" gistar ashfield.gpkg --from 2030-01 --to 2030-03
contains err.txt "the project has 2025-01 to 2025-12"
expect 1 "$safermap" kde ashfield.gpkg --area "Kirkby Cros"
contains err.txt "did you mean 'Kirkby Cross & Portland'?"
expect 1 "$safermap" kde ashfield.gpkg --category Robbery --area "Ashfield" --kind ward
contains err.txt "no area 'Ashfield'"

# 4. Export: WGS84 degrees whatever the source CRS.
expect 0 "$safermap" import council.gpkg --incidents "$src/tests/data/csv/council_asb.csv" --x Easting --y Northing \
  --crs EPSG:27700 --date "Date Reported" --category-column Category --id-column "Case Ref" --address-column Address \
  --postcode-column Postcode
expect 0 "$safermap" export council.gpkg --out council.csv
row=$(grep '^ASB-001,' council.csv)
lon=$(cut -d, -f5 <<< "$row")
lat=$(cut -d, -f6 <<< "$row")
read -r want_lat want_lon _ <<< "$(echo "449500 358950" | gdaltransform -s_srs EPSG:27700 -t_srs EPSG:4326 -output_xy 2>/dev/null |
  awk '{print $2, $1}')"
awk -v a="$lon" -v b="$want_lon" -v c="$lat" -v d="$want_lat" \
  'BEGIN { exit !(a - b < 1e-6 && b - a < 1e-6 && c - d < 1e-6 && d - c < 1e-6) }' ||
  fail "export put ($lon, $lat) for BNG 449500 358950; gdaltransform says ($want_lon, $want_lat)"
contains council.csv "Source x,Source y,Source CRS"
contains council.csv "449500,358950,EPSG:27700"
# police.uk rows come back byte for byte: January's burglaries, in file order.
expect 0 "$safermap" export ashfield.gpkg --out jan.csv --from 2025-01 --to 2025-01 --category burglary
zcat "$src/assets/demo/policeuk/2025-01-ashfield-street.csv.gz" | grep ',Burglary,' > want.txt
grep ',Burglary,' jan.csv > got.txt
cmp -s want.txt got.txt || fail "police.uk Burglary rows of January do not round-trip byte for byte"
# Geocoded incidents: placed from their postcodes, then exported with degrees.
expect 0 "$safermap" gazetteer gaz.gpkg --postcodes "$src/assets/gazetteer/codepoint/ng.csv.gz"
expect 0 "$safermap" import asb.gpkg --incidents "$src/tests/data/csv/council_asb.csv" --date "Date Reported" \
  --category-column Category --id-column "Case Ref" --address-column Address --postcode-column Postcode
expect 0 "$safermap" geocode asb.gpkg --gazetteer gaz.gpkg
expect 0 "$safermap" export asb.gpkg --out asb.csv
placed=$(awk -F, 'NR > 1 && $5 ~ /^-1\.[0-9]+$/ && $6 ~ /^53\.[0-9]+$/' asb.csv | wc -l)
[[ "$placed" -gt 0 ]] || fail "no geocoded incident was exported with degrees"

# 5. accuracy has its own periods.
expect 1 "$safermap" accuracy ashfield.gpkg --from 2025-01 --to 2025-06 --train 2025-01:2025-09 --test 2025-10:2025-12
contains err.txt "--from/--to do not apply"
# A mistyped boundary kind is an error, not a note (only the default kind may be missing).
expect 1 "$safermap" accuracy ashfield.gpkg --train 2025-01:2025-09 --test 2025-10:2025-12 --kind wardz
contains err.txt "no boundary kind 'wardz'"
contains err.txt "did you mean 'ward'?"
expect 1 "$safermap" gistar ashfield.gpkg --kind Wards
contains err.txt "did you mean 'ward'?"

finish
