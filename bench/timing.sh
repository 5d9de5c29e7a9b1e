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

# `run_repeated LABEL N CMD...`: a command too quick for GNU time's 10 ms steps, run N times in
# a row; prints the median wall time and the range in milliseconds (its stdout from the last run
# is kept in $work/out.txt).
run_repeated() { # label, repeats, command...
  local label="$1" repeats="$2"; shift 2
  local times=() start end
  for ((i = 0; i < repeats; i++)); do
    start=$(date +%s%N)
    "$@" > "$work/out.txt"
    end=$(date +%s%N)
    times+=($(((end - start) / 1000)))
  done
  printf "%s\n" "${times[@]}" | sort -n | awk -v label="$label" -v n="$repeats" \
    '{ t[NR] = $1 } END { printf "%-58s median %6.1f ms (%.1f-%.1f, %d runs)\n", label, t[int((NR + 1) / 2)] / 1000, t[1] / 1000, t[NR] / 1000, n }'
}
