#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Writes a police.uk street-level CSV of N rows made from the bundled real Ashfield rows:
# copy k of a real row gets a unique Crime ID (the real ID's first 48 hex digits plus k in
# hex) and, for ASB rows without an ID, a different month, so that no row is a duplicate.
# Usage: make_policeuk_rows.sh N OUT.csv
set -euo pipefail
n="$1"
out="$2"
here="$(cd "$(dirname "$0")/.." && pwd)"
zcat "$here"/assets/demo/policeuk/2025-*-ashfield-street.csv.gz | awk -F, -v OFS=, -v n="$n" '
  NR == 1 { header = $0; next }
  $1 != "Crime ID" { rows[++count] = $0 }
  END {
    print header
    for (i = 0; i < n; i++) {
      $0 = rows[i % count + 1]
      k = int(i / count)
      if ($1 != "") $1 = substr($1, 1, 48) sprintf("%016x", k)
      else $2 = sprintf("%04d-%02d", 2025 - int(k / 12), k % 12 + 1)
      print
    }
  }' > "$out"
