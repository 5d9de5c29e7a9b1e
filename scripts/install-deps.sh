#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian 12 package SaferMap needs to build, test and benchmark.
# Safe to run repeatedly: apt-get skips what is already installed.
set -euo pipefail

packages=(
  build-essential cmake pkg-config git
  libgdal-dev gdal-bin        # vector/raster I/O, GeoPackage project store; ogrinfo for tests
  libgeos-dev                 # MakeValid, STRtree, hulls
  libproj-dev                 # reprojection to EPSG:27700
  zlib1g-dev                  # streaming gzipped police.uk CSVs
  libsqlite3-dev              # the packed GeoPackage R-tree of a first import, written on GDAL's SQLite connection
  libpq-dev                   # PostGIS projects: points read by binary COPY (libgdal-dev pulls it in too; named as used)
  catch2                      # unit tests (v2.13)
  libcli11-dev                # command-line parsing
  libfmt-dev                  # formatting of tables and messages
  nlohmann-json3-dev          # `info --json`
  libbenchmark-dev            # bench/
  libfftw3-dev                # KDE by FFT convolution
  libnanoflann-dev            # k-d trees: nearest-neighbour distances on clustered data (NNI, bandwidth suggestions)
  libcairo2-dev               # PNG screenshots and golden-image comparison; PDF/SVG export
  libfontconfig-dev           # the fonts Cairo's text uses (its caches are freed at exit)
  libglfw3-dev libimgui-dev libstb-dev libgl-dev  # the viewer: window, panels, OpenGL 3.3
  fonts-dejavu-core           # the viewer's map text (labels, legend, titles)
  xvfb xauth libgl1-mesa-dri libglx-mesa0  # headless rendering: Xvfb with Mesa's llvmpipe
  sqlite3                     # tests inspect the project file independently of GDAL
  python3                     # build: scripts/lazy_stubs.py; tests: scripts/derive_harm_weights.py recomputes the harm weights
  libglpk-dev                 # exact CCTV siting: the maximal covering problem as an integer programme
  poppler-utils               # tests read printed maps back: pdfinfo, pdftotext, pdfimages, pdftoppm
  postgresql-15 postgresql-15-postgis-3  # PostGIS projects (issue #14): the tests start a throwaway server (scripts/pg_test_cluster.sh)
  librsvg2-bin                # tests draw the SVG maps with another renderer (rsvg-convert)
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "install-deps: all ${#packages[@]} packages present"
fi
