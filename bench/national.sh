#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# A national-size database (issue #14): ROWS police.uk rows (default 6 million, a year of
# England and Wales) made by bench/make_national_rows.py from the bundled Ashfield rows, shifted
# copies of the district on a 25 km lattice over England, each copy a district boundary, plus a
# synthetic force of 3 x 3 copies. Imported into a GeoPackage and into PostGIS (a throwaway
# server, scripts/pg_test_cluster.sh, durability off as in the tests); then KDE and Gi* of one
# district (Ashfield) and of the force from each, whole commands. The area goes into SQL as its
# bounding box through the spatial index, so a district reads its own rows only.
# Usage: bench/national.sh [BUILD_DIR] [ROWS]
set -euo pipefail
source "$(dirname "$0")/timing.sh"
rows="${2:-6000000}"
pgdir="$(mktemp -d /tmp/smpgnat.XXXXXX)"
trap 'bash "$here/scripts/pg_test_cluster.sh" stop "$pgdir" 5496 > /dev/null; rm -rf "$work"' EXIT
bash "$here/scripts/pg_test_cluster.sh" start "$pgdir" 5496 > /dev/null
pg=("PG:host=$pgdir port=5496 dbname=safermap_test user=postgres" --schema national)
gpkg="$work/national.gpkg"
echo "machine: $(nproc) cores"

/usr/bin/python3 "$here/bench/make_national_rows.py" "$rows" "$work/rows.csv" "$work/districts.geojson" "$work/force.geojson"
for project in gpkg pg; do
  if [[ $project == gpkg ]]; then args=("$gpkg"); else args=("${pg[@]}"); fi
  "$safermap" import "${args[@]}" --boundaries "$work/districts.geojson" --kind district > /dev/null
  "$safermap" import "${args[@]}" --boundaries "$work/force.geojson" --kind custom > /dev/null
  run "import $rows rows: $project" "$safermap" import "${args[@]}" --incidents "$work/rows.csv" --rejects "$work/r.csv"
  awk -v n="$rows" '{ printf "  %.0f rows/s\n", n / $1 }' "$work/time"
  for area in Ashfield "Synthetic force"; do
    run "kde $area, 100 m cells, bandwidth 300: $project" "$safermap" kde "${args[@]}" --area "$area" --cell 100 --bandwidth 300 --json
    python3 -c "import json; d = json.load(open('$work/out.txt')); print('  points', d['points'], 'rows read', d['rows_read'])"
    run "kde $area, burglary 2025-07..12: $project" "$safermap" kde "${args[@]}" --area "$area" --cell 100 --bandwidth 300 \
      --category Burglary --from 2025-07 --to 2025-12 --json
    run "gistar $area, 250 m cells: $project" "$safermap" gistar "${args[@]}" --area "$area" --cell 250 --json
  done
done
