# SPDX-License-Identifier: MIT
# Shared by the benchmark scripts (sourced, after `set -euo pipefail`): the binary from BUILD_DIR
# ($1, default build/), a scratch folder removed on exit, and `run LABEL CMD...`, which times a
# whole command with GNU time and prints wall seconds and peak memory (its stdout is kept in
# $work/out.txt).
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
safermap="${1:-$here/build}/src/safermap"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

run() { # label, command...
  local label="$1"; shift
  /usr/bin/time -f "%e %M" -o "$work/time" "$@" > "$work/out.txt"
  read -r secs kb < "$work/time"
  printf "%-58s %8.2f s %8.0f MB\n" "$label" "$secs" "$((kb / 1024))"
}
