#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Ingest benchmark: times `safermap import` of 10k and 1M police.uk rows into a project that
# already holds the Ashfield boundaries, with the study-area and own-LSOA checks on (all the
# work a real import does), and GDAL's ogr2ogr on the same file for scale.
# Usage: bench/ingest.sh [BUILD_DIR]   (results: bench/RESULTS.md is written by hand from this)
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
safermap="$build/src/safermap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

base="$work/base.gpkg"
"$safermap" import "$base" --quiet --boundaries "$here/shapefiles/ashfield_district_2020.geojson" --kind district
"$safermap" import "$base" --quiet --boundaries "$here/shapefiles/ashfield_lsoa_dec2021.gpkg" --kind lsoa

seconds() { local t0 t1; t0=$(date +%s.%N); "$@" > /dev/null; t1=$(date +%s.%N); awk -v a="$t0" -v b="$t1" 'BEGIN { print b - a }'; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }

for n in 10000 1000000; do
  csv="$work/rows-$n.csv"
  bash "$here/bench/make_policeuk_rows.sh" "$n" "$csv"
  best=""
  for run in 1 2 3; do
    cp "$base" "$work/p.gpkg"
    s=$(seconds "$safermap" import "$work/p.gpkg" --incidents "$csv" --study-area district --rejects "$work/r.csv")
    if [[ -z "$best" ]] || awk -v a="$s" -v b="$best" 'BEGIN { exit !(a < b) }'; then best="$s"; fi
    [[ "$n" -ge 1000000 ]] && break
  done
  rows=$("$safermap" info "$work/p.gpkg" --json | grep -m1 '"incidents"' | tr -dc 0-9)
  printf "safermap import  %8d rows: %6.2f s  %8s rows/s  (%s stored)\n" "$n" "$best" "$(rate "$n" "$best")" "$rows"
  if [[ "$n" -ge 1000000 ]] && command -v ogr2ogr > /dev/null; then
    s=$(seconds ogr2ogr -f GPKG "$work/ogr.gpkg" "$csv" -oo X_POSSIBLE_NAMES=Longitude -oo Y_POSSIBLE_NAMES=Latitude \
        -s_srs EPSG:4326 -t_srs EPSG:27700 -nln incidents)
    printf "ogr2ogr          %8d rows: %6.2f s  %8s rows/s\n" "$n" "$s" "$(rate "$n" "$s")"
  fi
  rm -f "$work/p.gpkg" "$work/ogr.gpkg"
done
