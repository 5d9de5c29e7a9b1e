#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Viewer frame times: projects with 10k, 100k and 1M incidents (made from the bundled
# Ashfield rows) plus the wards, drawn offscreen at 1600x900 with the wards, a KDE layer and
# every incident visible, panning a pixel a frame so nothing is cached. Under xvfb-run the
# renderer is Mesa's llvmpipe (software); the output names the renderer.
# Usage: bench/viewer.sh [BUILD_DIR]
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
build="${1:-$here/build}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
for n in 10000 100000 1000000; do
  bash "$here/bench/make_policeuk_rows.sh" "$n" "$work/rows-$n.csv"
  "$build/src/safermap" import "$work/p-$n.gpkg" --boundaries "$here/shapefiles/ashfield_wards_dec2020.shp" --kind ward > /dev/null
  "$build/src/safermap" import "$work/p-$n.gpkg" --incidents "$work/rows-$n.csv" > /dev/null
  echo "== $n incidents"
  xvfb-run -a "$build/src/safermap-view" "$work/p-$n.gpkg" --bench-frames 60 --size 1600x900 \
    --layers ward,density,incidents --analysis density
done
