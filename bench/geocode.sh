#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Geocoding benchmark: builds a county-sized gazetteer (104k Code-Point Open postcodes in four
# postcode areas, 12k Nottinghamshire police.uk streets) and geocodes 20k, 100k and 500k messy
# addresses with one core, timing whole `safermap` commands (GNU time: wall seconds, peak MB).
# Usage: bench/geocode.sh [BUILD_DIR]
set -euo pipefail
source "$(dirname "$0")/timing.sh"

run "gazetteer: 4 Code-Point files + Notts police.uk" "$safermap" gazetteer "$work/county.gpkg" \
  --postcodes "$here"/assets/gazetteer/codepoint/*.csv.gz --policeuk "$here/assets/gazetteer/policeuk/notts-2025-locations.csv.gz"
for n in 20000 100000 500000; do
  bash "$here/bench/make_messy_addresses.sh" "$n" "$work/in-$n.csv"
  run "geocode $n messy addresses" "$safermap" geocode --gazetteer "$work/county.gpkg" --input "$work/in-$n.csv" --out "$work/out-$n.csv"
  grep -E "^(street|postcode|ambiguous|unmatched|placed) |matched in" "$work/out.txt" | sed 's/^/    /'
done
