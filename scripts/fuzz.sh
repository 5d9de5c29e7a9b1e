#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Builds the libFuzzer targets in tests/fuzz/ with clang (ASan + UBSan) into build-fuzz/ and
# runs each for FUZZ_SECONDS, one process at a time. Exits non-zero when any target crashes,
# hangs, runs out of memory or trips a check. Crash inputs land in build-fuzz/artifacts/<target>/.
#
#   scripts/fuzz.sh                        # every target, 180 s each
#   FUZZ_SECONDS=0 scripts/fuzz.sh         # each target over its seed corpus only (a quick check)
#   scripts/fuzz.sh address dates          # only these targets
#
# The checked-in seeds (tests/fuzz/corpus/<target>/) are only read: what the fuzzer finds goes
# to build-fuzz/corpus/<target>/, which later runs start from.
# Environment: FUZZ_SECONDS (180), CXX (clang++), BUILD_DIR (build-fuzz), FUZZ_ARGS (extra
# libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
build=${BUILD_DIR:-$root/build-fuzz}
seconds=${FUZZ_SECONDS:-180}
cxx=${CXX:-clang++}

all_targets=(csv_reader police_uk_row mapped_csv_row point_rows postcode address dates naptan_stops binary_copy conninfo)
targets=("$@")
[ ${#targets[@]} -eq 0 ] && targets=("${all_targets[@]}")

# Longest input per target: a few KB covers every branch of a row or field parser; the address
# limit sits above k_max_address_bytes so that the refusal is exercised too.
declare -A max_len=([csv_reader]=8192 [police_uk_row]=4096 [mapped_csv_row]=4096 [point_rows]=4096 [postcode]=64 [address]=2048 [dates]=64 [naptan_stops]=8192 [binary_copy]=4096 [conninfo]=512)

# Only what the targets reach: none of it links GDAL or GEOS (point_csv.hpp includes a GDAL header
# for its types, hence the include path). point_rows links PROJ for the Reprojector type, but its
# working CRS "none" never calls it.
sources=(
  core/dates.cpp core/incident.cpp core/text_encoding.cpp
  io/csv/csv_reader.cpp io/csv/csv_chunks.cpp io/csv/number_text.cpp
  io/incidents/police_uk_format.cpp io/incidents/mapped_csv_format.cpp
  io/incidents/incident_rows.cpp io/incidents/incident_placement.cpp io/incidents/point_rows.cpp io/incidents/month_numbers.cpp
  geo/reprojector.cpp geo/bounds.cpp core/key_registry.cpp core/hash128.cpp core/detail/hash128_set.cpp core/memory_tuning.cpp
  geocode/postcode.cpp geocode/street_names.cpp geocode/address_parser.cpp
  core/name_match.cpp core/run_report.cpp io/csv/csv_header.cpp io/features/point_csv.cpp io/features/naptan_places.cpp
  io/postgres/binary_copy_parser.cpp
  core/conninfo_value.cpp core/credentials.cpp io/project/project_location.cpp
)
flags=(-std=c++20 -g -O1 -fno-omit-frame-pointer -fsanitize=address,undefined -fno-sanitize-recover=all -Isrc -Itests/fuzz $(gdal-config --cflags))

mkdir -p "$build/obj"
objects=()
for s in "${sources[@]}"; do
  o=$build/obj/${s//\//_}.o
  objects+=("$o")
  # Rebuilt when the source, or any header under src/, is newer than the object.
  if [ ! -f "$o" ] || [ "src/$s" -nt "$o" ] || [ -n "$(find src -name '*.hpp' -newer "$o" -print -quit)" ]; then
    echo "compile $s"
    nice -n 10 "$cxx" "${flags[@]}" -fsanitize=fuzzer-no-link -c "src/$s" -o "$o"
  fi
done
rm -f "$build/libsafermap_fuzz.a"
ar rcs "$build/libsafermap_fuzz.a" "${objects[@]}"

for t in "${targets[@]}"; do
  [ -f "tests/fuzz/fuzz_$t.cpp" ] || { echo "no target tests/fuzz/fuzz_$t.cpp" >&2; exit 2; }
  echo "link fuzz_$t"
  nice -n 10 "$cxx" "${flags[@]}" -fsanitize=fuzzer "tests/fuzz/fuzz_$t.cpp" "$build/libsafermap_fuzz.a" -lfmt -lz -lproj \
    -o "$build/fuzz_$t"
done

failed=()
for t in "${targets[@]}"; do
  seeds=$root/tests/fuzz/corpus/$t
  corpus=$build/corpus/$t
  artifacts=$build/artifacts/$t/
  mkdir -p "$corpus" "$artifacts"
  args=(-max_len="${max_len[$t]:-4096}" -timeout=10 -rss_limit_mb=2048 -artifact_prefix="$artifacts" -print_final_stats=1)
  if [ "$seconds" = 0 ]; then
    echo "== $t: seed corpus only"
    run=("$build/fuzz_$t" "${args[@]}" -runs=0 "$seeds")
  else
    echo "== $t: $seconds s"
    run=("$build/fuzz_$t" "${args[@]}" -max_total_time="$seconds" "$corpus" "$seeds")
  fi
  rc=0
  # shellcheck disable=SC2086
  nice -n 10 "${run[@]}" ${FUZZ_ARGS:-} >"$build/$t.log" 2>&1 || rc=$?
  grep -E '^#[0-9]+ +(INITED|DONE)|^stat::(number_of_executed_units|peak_rss_mb|new_units_added)|^SUMMARY|fuzz check failed' \
    "$build/$t.log" || true
  if [ "$rc" -ne 0 ]; then
    tail -n 40 "$build/$t.log" >&2
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -ne 0 ]; then
  echo "FAILED: ${failed[*]} (inputs in $build/artifacts/, logs in $build/<target>.log)" >&2
  exit 1
fi
echo "all fuzz targets clean: ${targets[*]}"
