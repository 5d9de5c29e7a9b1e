#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and runs the main job on the bundled
# Ashfield demo: imports its boundaries, priority areas, illustrative CCTV and interventions
# and twelve months of police.uk crime into out/ashfield.gpkg, prints its summary, then runs
# the standard hotspot analysis and prints the headline tables; then builds a gazetteer and
# geocodes an illustrative council ASB export that has addresses but no coordinates; writes the
# meeting map and the October-December 2025 report pack as PDFs; and opens
# the map viewer on the project (or, with no display, writes the same view to out/ashfield-map.png).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash scripts/demo/import-ashfield.sh build/src/safermap out/ashfield.gpkg
build/src/safermap info out/ashfield.gpkg
# A saved view for meetings, besides the priority areas (Portland Square and Outram Street).
build/src/safermap view out/ashfield.gpkg --save-view "Sutton town centre" --bounds 449000,358400,450200,359600
echo
bash scripts/demo/analyse-ashfield.sh build/src/safermap out/ashfield.gpkg
echo
bash scripts/demo/geocode-ashfield.sh build/src/safermap out
echo
# For the strategic group: the meeting map (A4 PDF) and the October-December 2025 report pack,
# marked OFFICIAL-SENSITIVE; and the same map for a public meeting (no points, no marking).
build/src/safermap map out/ashfield.gpkg --out out/ashfield-meeting-map.pdf --analysis density \
  --title "Ashfield: where crime concentrates, 2025"
build/src/safermap map out/ashfield.gpkg --out out/ashfield-public-map.pdf --analysis density --public \
  --title "Ashfield: where crime concentrates, 2025"
build/src/safermap report out/ashfield.gpkg --out out/ashfield-report-2025q4.pdf --from 2025-10 --to 2025-12
echo
# The map: the viewer where there is a display, otherwise the same view as a PNG.
map_args=(--analysis density --layers district,ward,density,priority,cctv,interventions,labels,places
          --title "Ashfield: where crime concentrates, 2025")
if [[ -n "${DISPLAY:-}" && -z "${CI:-}" ]]; then
  echo "demo: opening the map viewer (P: presentation mode, arrows: saved views, U: public mode; close the window to finish)"
  build/src/safermap view out/ashfield.gpkg "${map_args[@]}"
else
  xvfb-run -a build/src/safermap view out/ashfield.gpkg --screenshot out/ashfield-map.png --size 1600x900 --presentation "${map_args[@]}"
  echo "demo: no display here, so the map view was written to out/ashfield-map.png (run the viewer with: build/src/safermap view out/ashfield.gpkg)"
fi
echo "demo: project out/ashfield.gpkg, results out/*.tif and out/results.gpkg (open them in QGIS); rejected rows in out/ashfield.rejects-*.csv"
echo "      meeting map out/ashfield-meeting-map.pdf (public version out/ashfield-public-map.pdf), report pack out/ashfield-report-2025q4.pdf"
echo "      gazetteer out/ashfield-gazetteer.gpkg; geocoded ILLUSTRATIVE council reports in out/council-asb.gpkg, review list out/council-asb.unmatched.csv"
