#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# PostGIS against GeoPackage (issue #14): times `safermap import` of N police.uk rows (made from
# the bundled Ashfield rows, bench/make_policeuk_rows.sh) into a GeoPackage and into a PostGIS
# schema (rows by COPY, one transaction), each already holding the Ashfield district and LSOA
# boundaries, with the study-area and own-LSOA checks on; then a first import that creates each
# project (district boundary and incidents in one command); then a district KDE and Gi* from
# each, and a ward's KDE. The server is a throwaway one (scripts/pg_test_cluster.sh), durability
# off as in the tests: a production server with fsync on writes the WAL to disk as well.
# With POSTGIS_BENCH_DATA=distinct the rows are distinct coordinates instead (bench/gen_distinct.py:
# x,y in EPSG:27700 and a month, like a force's or a geocoded council export), so that no figure
# rests on police.uk's shared snap points alone.
# Usage: [POSTGIS_BENCH_DATA=policeuk|distinct] bench/postgis.sh [BUILD_DIR] [ROWS...]
#        (default rows: 10000 1000000)
set -euo pipefail
source "$(dirname "$0")/timing.sh"
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(10000 1000000)

pgdir="$(mktemp -d /tmp/smpgbench.XXXXXX)"
trap 'bash "$here/scripts/pg_test_cluster.sh" stop "$pgdir" 5498 > /dev/null; rm -rf "$work"' EXIT
bash "$here/scripts/pg_test_cluster.sh" start "$pgdir" 5498 > /dev/null
pg="PG:host=$pgdir port=5498 dbname=safermap_test user=postgres"

boundaries() { # project args...
  "$safermap" import "$@" --boundaries "$here/shapefiles/ashfield_district_2020.geojson" --kind district > /dev/null
  "$safermap" import "$@" --boundaries "$here/shapefiles/ashfield_lsoa_dec2021.gpkg" --kind lsoa > /dev/null
  "$safermap" import "$@" --boundaries "$here/shapefiles/ashfield_wards_dec2020.shp" --kind ward > /dev/null
}
data="${POSTGIS_BENCH_DATA:-policeuk}"
case "$data" in
  policeuk) columns=() ;;
  distinct) columns=(--x x --y y --crs EPSG:27700 --date month) ;;
  *) echo "postgis.sh: POSTGIS_BENCH_DATA must be policeuk or distinct, not '$data'" >&2; exit 2 ;;
esac
make_rows() { # n, out.csv
  if [[ $data == distinct ]]; then
    /usr/bin/python3 "$here/bench/gen_distinct.py" "$1" "$2" --months 12
  else
    bash "$here/bench/make_policeuk_rows.sh" "$1" "$2"
  fi
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

for n in "${sizes[@]}"; do
  csv="$work/rows-$n.csv"
  make_rows "$n" "$csv"
  echo "== $n rows, $data data"
  gpkg="$work/p-$n.gpkg"
  boundaries "$gpkg"
  boundaries "$pg" --schema "bench_$n"
  run "import $n rows: GeoPackage" "$safermap" import "$gpkg" --incidents "$csv" "${columns[@]}" --study-area district --rejects "$work/r.csv"
  g=$(awk '{print $1}' "$work/time")
  run "import $n rows: PostGIS (COPY)" "$safermap" import "$pg" --schema "bench_$n" --incidents "$csv" "${columns[@]}" --study-area district \
    --rejects "$work/r.csv"
  p=$(awk '{print $1}' "$work/time")
  printf "  rows/s: GeoPackage %s, PostGIS %s\n" "$(rate "$n" "$g")" "$(rate "$n" "$p")"
  run "import again, adds nothing: PostGIS" "$safermap" import "$pg" --schema "bench_$n" --incidents "$csv" "${columns[@]}" --rejects "$work/r.csv"
  # A first import that creates the project (district boundary and incidents in one command): the
  # GeoPackage packs its R-tree at the end, PostGIS builds its indexes after loading.
  run "first import, creates the project, $n rows: GeoPackage" "$safermap" import "$work/new-$n.gpkg" \
    --boundaries "$here/shapefiles/ashfield_district_2020.geojson" --kind district --incidents "$csv" "${columns[@]}" --study-area district \
    --rejects "$work/r.csv"
  g=$(awk '{print $1}' "$work/time")
  run "first import, creates the project, $n rows: PostGIS" "$safermap" import "$pg" --schema "new_$n" \
    --boundaries "$here/shapefiles/ashfield_district_2020.geojson" --kind district --incidents "$csv" "${columns[@]}" --study-area district \
    --rejects "$work/r.csv"
  p=$(awk '{print $1}' "$work/time")
  printf "  rows/s: GeoPackage %s, PostGIS %s\n" "$(rate "$n" "$g")" "$(rate "$n" "$p")"
  for project in gpkg pg; do
    if [[ $project == gpkg ]]; then args=("$gpkg"); else args=("$pg" --schema "bench_$n"); fi
    run "kde district, 100 m cells: $project" "$safermap" kde "${args[@]}" --cell 100 --bandwidth 300 --json
    run "gistar district, 250 m cells: $project" "$safermap" gistar "${args[@]}" --cell 250 --json
    if [[ $data == distinct ]]; then # no crime types: a ward's second half-year instead
      run "kde ward (Summit), July-December: $project" "$safermap" kde "${args[@]}" --cell 50 --bandwidth 200 --area Summit \
        --from 2025-07 --to 2025-12 --json
    else
      run "kde ward (Summit), burglary: $project" "$safermap" kde "${args[@]}" --cell 50 --bandwidth 200 --area Summit \
        --category Burglary --json
    fi
  done
done
