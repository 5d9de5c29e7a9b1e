#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Analysis benchmarks: whole `safermap` commands (reading the police.uk CSV included) for
# KDE, Gi*, DBSCAN and NNH at 10k, 100k and 1M points, and KDE/Gi* on grids of 100x100 to
# 1000x1000 cells, with wall time and peak memory (GNU time). Figures go to bench/RESULTS.md.
# Usage: bench/analysis.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/timing.sh"
extent=444000,346000,456500,358500   # 12.5 km square over Ashfield

for n in 10000 100000 1000000; do
  csv="$work/rows-$n.csv"
  bash "$here/bench/make_policeuk_rows.sh" "$n" "$csv"
  run "read only (nni), $n points" "$safermap" nni --points "$csv" --area-km2 110
  run "kde quartic 250 m, 500x500, $n points" "$safermap" kde --points "$csv" --bandwidth 250 --cell 25 --extent "$extent"
  run "gistar 500x500, $n points" "$safermap" gistar --points "$csv" --cell 25 --extent "$extent"
  run "dbscan eps 50 m min 20, $n points" "$safermap" cluster --points "$csv" --eps 50 --min-points 20
  run "nnh p 0.01 min 20, $n points" "$safermap" cluster --points "$csv" --method nnh --min-points 20 --area-km2 110
done
csv="$work/rows-1000000.csv"
for cells in 100 250 1000; do
  cell=$(awk -v c="$cells" 'BEGIN { print 12500 / c }')
  run "kde 1M points, ${cells}x${cells} grid" "$safermap" kde --points "$csv" --bandwidth 250 --cell "$cell" --extent "$extent"
  run "gistar 1M points, ${cells}x${cells} grid" "$safermap" gistar --points "$csv" --cell "$cell" --extent "$extent"
done
