#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes N messy addresses (address,postcode,town) for the geocoding benchmark, built from the
# real Nottinghamshire police.uk street names and Code-Point Open postcodes under assets/: a
# mix of "12 High St, Mansfield", lower case with a postcode, misspelt names, postcodes alone,
# and "o/s <street>" with an LSOA name. Deterministic.
# Usage: bench/make_messy_addresses.sh N OUT.csv
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
n="$1"
out="$2"
{
  echo "address,postcode,town"
  awk -v n="$n" -F, '
    FNR == 1 { file++ }
    file == 1 && FNR > 1 && $7 ~ /^On or near / && $0 !~ /"/ {
      street[s++] = substr($7, 12); district[s - 1] = $9; lsoa[s - 1] = $9
      sub(/ [0-9][0-9][0-9][A-Z]$/, "", district[s - 1]); next }
    file == 2 { gsub(/"/, "", $1); pc[p++] = $1; next }
    END {
      srand(42)
      for (i = 0; i < n; i++) {
        k = int(rand() * s); name = street[k]; v = i % 5
        if (v == 0) { printf "\"%d %s, %s\",,\n", i % 200 + 1, name, district[k] }
        else if (v == 1) { a = tolower(name); sub(/ street$/, " st", a); sub(/ road$/, " rd", a); sub(/ avenue$/, " ave", a)
                           printf "\"%s\",%s,\n", a, tolower(pc[int(rand() * p)]) }
        else if (v == 2) { a = name; if (length(a) > 6) a = substr(a, 1, 2) substr(a, 4, 1) substr(a, 3, 1) substr(a, 5)
                           printf "\"%s\",,%s\n", a, district[k] }
        else if (v == 3) { printf ",%s,\n", pc[int(rand() * p)] }
        else { printf "\"o/s %s\",,%s\n", name, lsoa[k] }
      }
    }' <(zcat "$here/assets/gazetteer/policeuk/notts-2025-locations.csv.gz") <(zcat "$here/assets/gazetteer/codepoint/ng.csv.gz")
} > "$out"
