#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The geocoding part of the demo: builds an Ashfield gazetteer from the bundled real files
# (Code-Point Open postcodes, the police.uk streets, ward and district names) and places an
# ILLUSTRATIVE council ASB export that came with addresses and postcodes but no coordinates.
# Usage: geocode-ashfield.sh SAFERMAP_BINARY OUT_DIR
set -euo pipefail
cd "$(dirname "$0")/../.."
safermap="$1"
out="$2"
mkdir -p "$out"
rm -f "$out/ashfield-gazetteer.gpkg" "$out/council-asb.gpkg"
"$safermap" gazetteer "$out/ashfield-gazetteer.gpkg" \
  --postcodes assets/gazetteer/codepoint/ng.csv.gz \
  --policeuk assets/demo/policeuk/2025-*-ashfield-street.csv.gz \
  --localities shapefiles/ashfield_wards_dec2020.shp shapefiles/ashfield_district_2020.geojson | tail -2
"$safermap" import "$out/council-asb.gpkg" --name "Ashfield council ASB (ILLUSTRATIVE)" \
  --incidents assets/demo/council_asb_illustrative.csv --id-column "Case Ref" --date "Date Reported" \
  --category-column Category --address-column Address --postcode-column Postcode > /dev/null
"$safermap" geocode "$out/council-asb.gpkg" --gazetteer "$out/ashfield-gazetteer.gpkg"
