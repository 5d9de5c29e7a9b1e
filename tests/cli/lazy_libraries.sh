#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Issue #13 (start-up): `safermap` loads GDAL, PROJ, libpq, Cairo, GLPK, GEOS and SQLite only
# when a command first calls them (scripts/lazy_stubs.py).
#  - none of them is a NEEDED entry of the binary;
#  - a KDE of a CSV in plain planar units, and one of a CSV in the working CRS, load none of
#    them, and a DBSCAN only GEOS, for its hulls (the loader's own record, LD_DEBUG=files);
#  - a KDE that reprojects loads PROJ, and one of a GeoJSON file loads GDAL, each on first use,
#    and gives the result it gave before (the golden file of cli_kde_points_json).
# Usage: lazy_libraries.sh SAFERMAP SOURCE_DIR WORK_DIR
set -euo pipefail
safermap="$1"
src="$2"
work="$3"
rm -rf "$work" && mkdir -p "$work" && cd "$work"
fail() { echo "FAIL: $*" >&2; exit 1; }
lazy='lib(gdal|proj|pq|cairo|fontconfig|glpk|geos_c|sqlite3)\.so'

needed=$(readelf -d "$safermap" | grep NEEDED || true)
if grep -Eq "$lazy" <<< "$needed"; then fail "safermap still needs at start-up: $(grep -E "$lazy" <<< "$needed" | tr -s ' ')"; fi

# Which lazy libraries a command loaded, by the dynamic loader's own account.
loaded() { # output-file command...
  local out="$1"; shift
  LD_DEBUG=files LD_DEBUG_OUTPUT="$work/ld" "$safermap" "$@" > "$out"
  cat "$work"/ld.* | grep -Eo "file=$lazy[.0-9]*" | sed 's/file=//' | sort -u | tr '\n' ' '
  rm -f "$work"/ld.*
}

csv="$src/tests/data/csv/cluster_points.csv"
got=$(loaded dbscan.json cluster --points "$csv" --x x --y y --crs none --eps 1.1 --min-points 4 --json)
# GEOS (7 small libraries) draws the clusters' hulls; nothing else may be loaded.
[[ "$got" == "libgeos_c.so.1 " ]] || fail "cluster --crs none loaded: $got (only GEOS expected, for the hulls)"
grep -q '"clusters"' dbscan.json || fail "cluster gave no clusters: $(head -c 300 dbscan.json)"
got=$(loaded kde_none.json kde --points "$csv" --x x --y y --crs none --bandwidth 2 --cell 1 --json)
[[ -z "$got" ]] || fail "kde --crs none loaded: $got"

asb="$src/tests/data/csv/council_asb.csv"
kde_args=(kde --points "$asb" --x Easting --y Northing --bandwidth 500 --cell 100 --extent 449000,355500,451000,359500
          --method direct --json)
got=$(loaded kde_27700.json "${kde_args[@]}" --crs EPSG:27700)
[[ -z "$got" ]] || fail "kde of data in the working CRS loaded: $got"

# Points in longitude and latitude: PROJ is loaded when the first point is reprojected.
printf 'lon,lat\n-1.2600,53.1300\n-1.2610,53.1310\n-1.2590,53.1290\n-1.2605,53.1302\n' > lonlat.csv
got=$(loaded kde_4326.json kde --points lonlat.csv --x lon --y lat --crs EPSG:4326 --bandwidth 500 --cell 100 --json)
grep -q "libproj" <<< "$got" || fail "a KDE that reprojects did not load PROJ (loaded: $got)"
grep -q '"cells"\|"max_density"\|"bandwidth' kde_4326.json || fail "the reprojecting KDE gave no surface: $(head -c 300 kde_4326.json)"

# GDAL on first use: a polygon file is read through it, with the golden result.
got=$(loaded gistar.json gistar --polygons "$src/tests/data/vector/squares_3x3.geojson" --field incidents --contiguity rook --json)
grep -q "libgdal" <<< "$got" || fail "gistar of a GeoJSON file did not load GDAL (loaded: $got)"
"$safermap" gistar --polygons "$src/tests/data/vector/squares_3x3.geojson" --field incidents --contiguity rook --json > gistar_plain.json
cmp -s gistar.json gistar_plain.json || fail "gistar differs between runs"
echo "OK: no lazy library loaded by CSV-only commands; PROJ and GDAL loaded on first use"
