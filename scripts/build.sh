#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds SaferMap into build/ (Release). Extra arguments go to cmake.
set -euo pipefail
cd "$(dirname "$0")/.."
cmake -S . -B build -DCMAKE_BUILD_TYPE=Release "$@"
cmake --build build -j "$(nproc)"
