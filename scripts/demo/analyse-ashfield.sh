#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The standard analysis of the Ashfield demo project (README command 1): KDE and Gi* of all
# crime and of burglary, concentration and 2025 trends by ward, and how well the first nine
# months predict the last quarter. Writes GeoTIFF/GeoPackage results next to the project and
# prints the headline tables.
# Usage: analyse-ashfield.sh SAFERMAP_BINARY PROJECT.gpkg
set -euo pipefail
safermap="$1"
project="$2"
out="$(dirname "$project")"

echo "== Kernel density, all crime (quartic, 250 m, 50 m cells)"
"$safermap" kde "$project" --bandwidth 250 --cell 50 --out "$out/kde_all.tif"
echo
echo "== Kernel density, burglary"
"$safermap" kde "$project" --category Burglary --bandwidth 400 --cell 50 --out "$out/kde_burglary.tif"
echo
echo "== Getis-Ord Gi* hot spots, all crime (100 m cells, 8 neighbours, FDR)"
"$safermap" gistar "$project" --cell 100 --out "$out/gistar_all.tif"
echo
echo "== Getis-Ord Gi* by LSOA, burglary (queen contiguity, FDR)"
"$safermap" gistar "$project" --category Burglary --kind lsoa --out "$out/results.gpkg" --layer gistar_burglary_lsoa
echo
echo "== Concentration by ward"
"$safermap" concentration "$project" --kind ward
echo
echo "== Trends by ward: October-December 2025 against July-September 2025"
"$safermap" trends "$project" --from 2025-10 --to 2025-12 --baseline previous --out "$out/results.gpkg" --layer trends_ward_q4
echo
echo "== Prediction accuracy: January-September maps scored on October-December, top 5% of Ashfield"
"$safermap" accuracy "$project" --train 2025-01:2025-09 --test 2025-10:2025-12 --coverage 5
echo
echo "== Siting: 10 new cameras in Sutton (Central & New Cross) on top of the 59 illustrative ones"
"$safermap" site "$project" --candidate-spacing 100 --candidate-area "Central & New Cross" --sites 10 --range 100 \
  --out "$out/results.gpkg" --layer proposed_sites
echo
echo "== Evaluating the illustrative schemes (installed June 2025): five months either side, 400 m buffer"
"$safermap" evaluate "$project" --all --radius 200 --before 5 --after 5 --buffer 400 --control auto | tail -15
echo
echo "== Near repeats of burglary (Knox test, months: police.uk publishes no days)"
"$safermap" knox "$project" --category Burglary --space-bands 100,200,400 --time-bands 1,2,3 --time-unit month
