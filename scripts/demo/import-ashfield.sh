#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the Ashfield demo project from the files bundled in shapefiles/ and assets/demo/.
# Usage: import-ashfield.sh SAFERMAP_BINARY PROJECT.gpkg
set -euo pipefail
cd "$(dirname "$0")/../.."
safermap="$1"
project="$2"
mkdir -p "$(dirname "$project")"
rm -f "$project"
"$safermap" import "$project" --name "Ashfield CSP demo" \
  --boundaries shapefiles/ashfield_district_2020.geojson --kind district
"$safermap" import "$project" --boundaries shapefiles/ashfield_wards_dec2020.shp --kind ward
"$safermap" import "$project" --boundaries shapefiles/ashfield_lsoa_dec2021.gpkg --kind lsoa
"$safermap" import "$project" --boundaries shapefiles/ashfield_priority_areas.geojson --kind priority \
  --cctv assets/demo/cctv_illustrative.csv --interventions assets/demo/interventions_illustrative.geojson
"$safermap" import "$project" --places assets/demo/naptan/ashfield-stops.csv
"$safermap" import "$project" --incidents assets/demo/policeuk/2025-*-ashfield-street.csv.gz --study-area district
