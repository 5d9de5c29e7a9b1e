#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Benchmarks on distinct coordinates (issue #13): whole `safermap` commands, reading the CSV
# included, on 100k and 1M incidents from bench/gen_distinct.py (30 Gaussian hotspots and a
# uniform background over 20 km around Ashfield, no two incidents at one position), with wall
# time and peak memory (GNU time):
#  - kde --bandwidth 565.7 --cell 40 on a 500x500 grid, and how far --method auto's surface is
#    from the exact direct sums (relative L2, 100k);
#  - cluster --method dbscan --eps 100 --min-points 20;
#  - gistar on the same 500x500 grid (band 1.5 cells), the Clark-Evans nni, NNH clustering,
#    emerging hot spots over 12 months, and accuracy (train 2025-01:09, test 10-12) on a project
#    imported from the same points (import timed against ogr2ogr writing the same GeoPackage);
#  - the yardsticks in the same run: spatstat's read.csv + density.ppp and nndist
#    (bench/spatstat_yardstick.R, when R has spatstat), spdep's localG on the same grid with a
#    band of 3 cells (bench/spdep_gistar_yardstick.R, which also compares the z-scores), and
#    scikit-learn's DBSCAN fit.
# Figures go to bench/RESULTS.md. Usage: bench/distinct.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/timing.sh"
extent=440000,347000,460000,367000   # 20 km square: 500 x 500 cells of 40 m
py=/usr/bin/python3
echo "machine: $(nproc) cores; method picked by kde --method auto: see the kde lines' output"

for n in 100000 1000000; do
  csv="$work/distinct-$n.csv"
  "$py" "$here/bench/gen_distinct.py" "$n" "$csv" --months 12
  run "kde quartic 565.7 m, 500x500, $n distinct" "$safermap" kde --points "$csv" --x x --y y --bandwidth 565.7 --cell 40 --extent "$extent"
  grep -o "; [a-z]* (.*)$" "$work/out.txt" | head -1
  run "dbscan eps 100 m min 20, $n distinct" "$safermap" cluster --points "$csv" --x x --y y --eps 100 --min-points 20
  if [ "$n" -le 100000 ]; then # tens of milliseconds: GNU time's 10 ms steps are too coarse
    run_repeated "  kde, $n distinct, repeated" 15 "$safermap" kde --points "$csv" --x x --y y --bandwidth 565.7 --cell 40 --extent "$extent"
    run_repeated "  dbscan, $n distinct, repeated" 15 "$safermap" cluster --points "$csv" --x x --y y --eps 100 --min-points 20
  fi
  head -1 "$work/out.txt"
  if command -v Rscript > /dev/null && Rscript -e 'library(spatstat)' > /dev/null 2>&1; then
    Rscript "$here/bench/spatstat_yardstick.R" "$csv" "$n distinct"
  else
    echo "R with spatstat not installed: no KDE yardstick (apt-get install r-cran-spatstat)"
  fi
  run "gistar 500x500 cells of 40 m, $n distinct" "$safermap" gistar --points "$csv" --x x --y y --cell 40 --extent "$extent"
  run "gistar 500x500 cells of 40 m, band 3 cells, $n distinct" "$safermap" gistar --points "$csv" --x x --y y --cell 40 \
    --band 120 --extent "$extent" --out "$work/gistar.csv"
  if command -v Rscript > /dev/null && Rscript -e 'library(spdep)' > /dev/null 2>&1; then
    Rscript "$here/bench/spdep_gistar_yardstick.R" "$csv" "$n distinct" "$extent" 40 120 "$work/gistar.csv"
  else
    echo "R with spdep not installed: no Gi* yardstick (apt-get install r-cran-spdep r-cran-dbscan)"
  fi
  run "nni (Clark-Evans), $n distinct" "$safermap" nni --points "$csv" --x x --y y --area-km2 400
  run "cluster --method nnh min 20, $n distinct" "$safermap" cluster --method nnh --points "$csv" --x x --y y --min-points 20
  run "emerging 500x500, 12 months, $n distinct" "$safermap" emerging --points "$csv" --x x --y y --date month --cell 40 --extent "$extent"
  rm -f "$work/p.gpkg" "$work"/p.rejects-*.csv
  run "import into a project, $n distinct" "$safermap" import "$work/p.gpkg" --incidents "$csv" --x x --y y --crs EPSG:27700 --date month
  rm -f "$work/o.gpkg"
  run "ogr2ogr CSV -> GeoPackage, $n (yardstick)" ogr2ogr -f GPKG "$work/o.gpkg" "$csv" -oo X_POSSIBLE_NAMES=x -oo Y_POSSIBLE_NAMES=y -a_srs EPSG:27700 -nln incidents
  run "accuracy kde/grid, train 01-09 test 10-12, $n distinct" "$safermap" accuracy "$work/p.gpkg" --train 2025-01:2025-09 --test 2025-10:2025-12 --cell 40
done

# Accuracy of what --method auto picks, against the exact direct sums, on 100k points.
csv="$work/distinct-100000.csv"
"$safermap" kde --points "$csv" --x x --y y --bandwidth 565.7 --cell 40 --extent "$extent" --out "$work/auto.csv" > /dev/null
"$safermap" kde --points "$csv" --x x --y y --bandwidth 565.7 --cell 40 --extent "$extent" --method direct --out "$work/direct.csv" > /dev/null
"$py" - "$work/auto.csv" "$work/direct.csv" <<'PY'
import math, sys
def values(path):
    with open(path) as f:
        next(f)
        return [float(line.rsplit(",", 1)[1]) for line in f]
auto, direct = values(sys.argv[1]), values(sys.argv[2])
num = sum((a - d) ** 2 for a, d in zip(auto, direct))
den = sum(d * d for d in direct)
print("kde auto against direct sums, 100k distinct: relative L2 %.2e" % math.sqrt(num / den))
PY

# The yardstick, timed in the same run on the same 100k points.
if "$py" -c 'import sklearn' 2> /dev/null; then
  "$py" "$here/bench/sklearn_dbscan_yardstick.py" "$csv" 100 20 "100k distinct"
else
  echo "scikit-learn not installed for $py: no yardstick (apt-get install python3-sklearn)"
fi
