#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Planning-tool benchmarks (issue #11), whole `safermap` commands with file reading included,
# on police.uk rows (crimes share snap points) and on distinct coordinates (seeded Gaussian
# hotspots plus a uniform background, as geocoded or force data would be):
#   greedy siting, 10k candidates x 100k incidents (goal: under 1 s);
#   exact siting, 200 candidates x 10k incidents;
#   Knox, 10k incidents, 99 permutations (goal: under 1 s).
# Wall time and peak memory by GNU time. Figures go to bench/RESULTS.md.
# Usage: bench/planning.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/timing.sh"

# Distinct points: 30 Gaussian hotspots (sigma 50-400 m) and 20% uniform background over a
# 12.5 km square of Ashfield, each with a date in 2025 (awk's seeded generator).
distinct() { # N OUT.csv
  awk -v n="$1" 'BEGIN {
    srand(7); print "x,y,date"
    for (h = 0; h < 30; h++) { hx[h] = 444000 + rand() * 12500; hy[h] = 346000 + rand() * 12500; hs[h] = 50 + rand() * 350 }
    for (i = 0; i < n; i++) {
      if (rand() < 0.2) { x = 444000 + rand() * 12500; y = 346000 + rand() * 12500 }
      else { h = int(rand() * 30); r = hs[h] * sqrt(-2 * log(1 - rand())); a = 6.283185307 * rand(); x = hx[h] + r * cos(a); y = hy[h] + r * sin(a) }
      d = int(rand() * 365); m = 1; split("31 28 31 30 31 30 31 31 30 31 30 31", len, " ")
      while (d >= len[m]) { d -= len[m]; m++ }
      printf "%.1f,%.1f,2025-%02d-%02d\n", x, y, m, d + 1
    }
  }' > "$2"
}

# Candidates: a lattice over the same square (id,x,y).
candidates() { # N OUT.csv
  awk -v n="$1" 'BEGIN { side = int(sqrt(n) + 0.5); step = 12500 / side; print "id,x,y"
    for (i = 0; i < side; i++) for (j = 0; j < side; j++) printf "C%d,%.0f,%.0f\n", i * side + j, 444000 + (i + 0.5) * step, 346000 + (j + 0.5) * step }' > "$2"
}

bash "$here/bench/make_policeuk_rows.sh" 100000 "$work/police-100k.csv"
head -10001 "$work/police-100k.csv" > "$work/police-10k.csv"
distinct 100000 "$work/distinct-100k.csv"
head -10001 "$work/distinct-100k.csv" > "$work/distinct-10k.csv"
candidates 10000 "$work/cand-10k.csv"
candidates 196 "$work/cand-200.csv"
echo "machine: $(nproc) cores; $(date -u +%Y-%m-%d)"
run "site greedy, 10k candidates x 100k police.uk rows" "$safermap" site --points "$work/police-100k.csv" \
  --candidates "$work/cand-10k.csv" --coverage ptz --range 100 --sites 10 --solver greedy
run "site greedy, 10k candidates x 100k distinct points" "$safermap" site --points "$work/distinct-100k.csv" --x x --y y \
  --crs EPSG:27700 --candidates "$work/cand-10k.csv" --coverage ptz --range 100 --sites 10 --solver greedy
run "site greedy fixed x8 headings, 10k x 100k distinct" "$safermap" site --points "$work/distinct-100k.csv" --x x --y y \
  --crs EPSG:27700 --candidates "$work/cand-10k.csv" --coverage fixed --fov 90 --headings 8 --range 100 --sites 10 --solver greedy
run "site exact, 196 candidates x 10k police.uk rows" "$safermap" site --points "$work/police-10k.csv" \
  --candidates "$work/cand-200.csv" --coverage ptz --range 400 --sites 10 --solver exact
run "site exact, 196 candidates x 10k distinct points" "$safermap" site --points "$work/distinct-10k.csv" --x x --y y \
  --crs EPSG:27700 --candidates "$work/cand-200.csv" --coverage ptz --range 400 --sites 10 --solver exact
run "knox 10k police.uk rows, months, 99 permutations" "$safermap" knox --points "$work/police-10k.csv" \
  --space-bands 100,200,300,400 --time-bands 1,2,3 --time-unit month --permutations 99
run "knox 10k distinct points, days, 99 permutations" "$safermap" knox --points "$work/distinct-10k.csv" --x x --y y \
  --crs EPSG:27700 --date date --space-bands 100,200,300,400 --time-bands 7,14,21,28 --time-unit day --permutations 99
