#!/usr/bin/env bash
# Builds assets/gazetteer/policeuk/notts-2025-locations.csv.gz from ../shared/data (run once by
# a developer; nothing at build, run or test time reads ../shared). For each distinct police.uk
# snap point (longitude, latitude, location, LSOA) in Nottinghamshire Police's twelve 2025
# street-level files, the first row that names it is kept, byte for byte, with
# the police.uk header: a county-sized street gazetteer source at a tenth of the size.
set -euo pipefail
here="$(cd "$(dirname "$0")/../.." && pwd)"
src="${1:-$here/../shared/data/policeuk-notts-2025}"
out="$here/assets/gazetteer/policeuk/notts-2025-locations.csv.gz"
mkdir -p "$(dirname "$out")"
{
  zcat "$src"/2025-01-nottinghamshire-street.csv.gz | sed -n 1p
  for f in "$src"/2025-*-nottinghamshire-street.csv.gz; do zcat "$f" | tail -n +2; done |
    # Fields 5-8 (Longitude, Latitude, Location, LSOA code) hold no quoted commas in these files.
    awk -F, '!seen[$5 FS $6 FS $7 FS $8]++'
} | gzip -9n > "$out"
echo "wrote $out ($(zcat "$out" | tail -n +2 | wc -l) rows)"
