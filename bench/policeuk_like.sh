#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmarks on police.uk-like data (issue #13), the counterpart of bench/distinct.sh: whole
# `safermap` commands, reading the police.uk CSV included, on 100k and 1M rows from
# bench/make_policeuk_rows.sh (the bundled Ashfield rows repeated: a million crimes on some
# 12,600 snap points, in longitude and latitude, with Crime IDs to check for repeats), with
# wall time and peak memory (GNU time):
#  - kde --bandwidth 250 --cell 25 on a 500x500 grid; cluster --method dbscan --eps 50
#    --min-points 20; gistar, nni, NNH, emerging over 12 months on the same grid;
#  - import into a project, against ogr2ogr writing the same rows to a GeoPackage with the same
#    reprojection; accuracy (train 2025-01:09, test 10-12) on that project;
#  - the yardsticks in the same run: spatstat reading the same police.uk file, projecting it and
#    running density.ppp (bench/spatstat_policeuk_yardstick.R, when R has spatstat), spdep's
#    localG on the points it projected (bench/spdep_gistar_yardstick.R: a 500x500 grid, band 3
#    cells, z-scores compared with SaferMap's), and scikit-learn's DBSCAN fit on those points.
# Figures go to bench/RESULTS.md. Usage: bench/policeuk_like.sh [BUILD_DIR] [ROWS...]
# (default rows: 100000 1000000)
set -euo pipefail
source "$(dirname "$0")/timing.sh"
shift || true
sizes=("$@")
[[ ${#sizes[@]} -gt 0 ]] || sizes=(100000 1000000)
extent=443000,350000,455500,362500   # 12.5 km square over Ashfield: 500 x 500 cells of 25 m
py=/usr/bin/python3
echo "machine: $(nproc) cores; method picked by kde --method auto: see the kde lines' output"
have_spatstat=false
command -v Rscript > /dev/null && Rscript -e 'library(spatstat)' > /dev/null 2>&1 && have_spatstat=true

for n in "${sizes[@]}"; do
  csv="$work/policeuk-$n.csv"
  bash "$here/bench/make_policeuk_rows.sh" "$n" "$csv"
  run "kde quartic 250 m, 500x500, $n police.uk rows" "$safermap" kde --points "$csv" --bandwidth 250 --cell 25 --extent "$extent"
  grep -o "; [a-z]* (.*)$" "$work/out.txt" | head -1
  if $have_spatstat; then
    Rscript "$here/bench/spatstat_policeuk_yardstick.R" "$csv" "$n police.uk rows" "$extent" 250 "$work/xy-$n.csv"
  else
    echo "R with spatstat not installed: no KDE yardstick (apt-get install r-cran-spatstat)"
  fi
  run "dbscan eps 50 m min 20, $n police.uk rows" "$safermap" cluster --points "$csv" --eps 50 --min-points 20
  head -1 "$work/out.txt"
  if [ "$n" -le 100000 ]; then # tens of milliseconds: GNU time's 10 ms steps are too coarse
    run_repeated "  kde, $n police.uk rows, repeated" 15 "$safermap" kde --points "$csv" --bandwidth 250 --cell 25 --extent "$extent"
    run_repeated "  dbscan, $n police.uk rows, repeated" 15 "$safermap" cluster --points "$csv" --eps 50 --min-points 20
  fi
  run "gistar 500x500 cells of 25 m, $n police.uk rows" "$safermap" gistar --points "$csv" --cell 25 --extent "$extent"
  run "gistar 500x500 cells of 25 m, band 3 cells, $n police.uk rows" "$safermap" gistar --points "$csv" --cell 25 --band 75 \
    --extent "$extent" --out "$work/gistar.csv"
  if [ -f "$work/xy-$n.csv" ] && Rscript -e 'library(spdep)' > /dev/null 2>&1; then
    # On the points spatstat's run projected: its reading of the police.uk text is not counted.
    Rscript "$here/bench/spdep_gistar_yardstick.R" "$work/xy-$n.csv" "$n police.uk rows (projected x,y)" "$extent" 25 75 "$work/gistar.csv"
  else
    echo "no Gi* yardstick (needs R with spatstat for the projected points, and spdep: apt-get install r-cran-spdep r-cran-dbscan)"
  fi
  run "nni (Clark-Evans), $n police.uk rows" "$safermap" nni --points "$csv" --area-km2 110
  run "cluster --method nnh min 20, $n police.uk rows" "$safermap" cluster --method nnh --points "$csv" --min-points 20 --area-km2 110
  run "emerging 500x500, 12 months, $n police.uk rows" "$safermap" emerging --points "$csv" --cell 25 --extent "$extent" \
    --from 2025-01 --to 2025-12
  rm -f "$work/p.gpkg" "$work"/p.rejects-*.csv
  run "import into a project, $n police.uk rows" "$safermap" import "$work/p.gpkg" --incidents "$csv"
  rm -f "$work/o.gpkg"
  run "ogr2ogr CSV -> GeoPackage + BNG, $n (yardstick)" ogr2ogr -f GPKG "$work/o.gpkg" "$csv" -oo X_POSSIBLE_NAMES=Longitude \
    -oo Y_POSSIBLE_NAMES=Latitude -s_srs EPSG:4326 -t_srs EPSG:27700 -nln incidents
  run "accuracy kde/grid, train 01-09 test 10-12, $n police.uk rows" "$safermap" accuracy "$work/p.gpkg" --train 2025-01:2025-09 \
    --test 2025-10:2025-12 --cell 25
done

# The DBSCAN yardstick, timed in the same run on the 100k points spatstat's run projected.
if [ -f "$work/xy-100000.csv" ] && "$py" -c 'import sklearn' 2> /dev/null; then
  "$py" "$here/bench/sklearn_dbscan_yardstick.py" "$work/xy-100000.csv" 50 20 "100k police.uk rows"
else
  echo "no scikit-learn yardstick (needs R with spatstat for the projected points, and python3-sklearn)"
fi
