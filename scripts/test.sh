#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# README command 2 (and CI): installs what is missing, builds, runs the whole test suite, then
# builds and runs it again under AddressSanitizer and UndefinedBehaviorSanitizer.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
jobs="$(nproc)"

cmake -S . -B build -DCMAKE_BUILD_TYPE=Release -DSAFERMAP_WERROR=ON -DSAFERMAP_CHECK_HEADERS=ON
cmake --build build -j "$jobs"
ctest --test-dir build --output-on-failure -j "$jobs"

cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAFERMAP_WERROR=ON \
  -DSAFERMAP_SANITIZER=address,undefined
cmake --build build-asan -j "$jobs"
# Leak checking stays on; GDAL's and PROJ's process-lifetime caches are freed at exit.
ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
  ctest --test-dir build-asan --output-on-failure -j "$jobs"
