#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and runs the main job on the bundled
# Ashfield demo: imports its boundaries, priority areas, illustrative CCTV and interventions
# and twelve months of police.uk crime into out/ashfield.gpkg, prints its summary, then runs
# the standard hotspot analysis and prints the headline tables; then builds a gazetteer and
# geocodes an illustrative council ASB export that has addresses but no coordinates.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash scripts/demo/import-ashfield.sh build/src/safermap out/ashfield.gpkg
build/src/safermap info out/ashfield.gpkg
echo
bash scripts/demo/analyse-ashfield.sh build/src/safermap out/ashfield.gpkg
echo
bash scripts/demo/geocode-ashfield.sh build/src/safermap out
echo
echo "demo: project out/ashfield.gpkg, results out/*.tif and out/results.gpkg (open them in QGIS); rejected rows in out/ashfield.rejects-*.csv"
echo "      gazetteer out/ashfield-gazetteer.gpkg; geocoded ILLUSTRATIVE council reports in out/council-asb.gpkg, review list out/council-asb.unmatched.csv"
