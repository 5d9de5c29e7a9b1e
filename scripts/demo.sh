#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 1: installs what is missing, builds, and runs the main job on the bundled
# Ashfield demo: imports its boundaries, priority areas, illustrative CCTV and interventions
# and twelve months of police.uk crime into out/ashfield.gpkg, then prints its summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
bash scripts/build.sh
bash scripts/demo/import-ashfield.sh build/src/safermap out/ashfield.gpkg
build/src/safermap info out/ashfield.gpkg
echo "demo: project written to out/ashfield.gpkg (open it in QGIS); rejected rows in out/ashfield.rejects-*.csv"
